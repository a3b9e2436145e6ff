#!/usr/bin/env bash
# Installs what is missing, starts a local PostgreSQL 15 (state in .local/postgres, kept across runs)
# and applies the migrations. Ctrl+C stops the server. `./scripts/run.sh --reset` wipes the state first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-prerequisites.sh

state="$PWD/.local/postgres"
port="${TRIVIANFT_PG_PORT:-54320}"
password="${TRIVIANFT_PG_PASSWORD:-postgres}"
bin=/usr/lib/postgresql/15/bin
as_pg=()
if [ "$(id -u)" -eq 0 ]; then as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups); fi

if [ "${1:-}" = "--reset" ]; then rm -rf "$state"; fi
if [ ! -f "$state/PG_VERSION" ]; then
  mkdir -p "$state"
  pwfile=$(mktemp); printf '%s' "$password" > "$pwfile"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$state" "$pwfile"; fi
  "${as_pg[@]}" "$bin/initdb" -D "$state" -U postgres --pwfile="$pwfile" --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-instructions >/dev/null
  rm -f "$pwfile"
fi

"${as_pg[@]}" "$bin/postgres" -D "$state" -p "$port" -c listen_addresses=127.0.0.1 -c unix_socket_directories= &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; do sleep 0.2; done

export PGPASSWORD="$password"
"$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'trivianft'" | grep -q 1 \
  || "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres trivianft
export DATABASE_URL="postgresql://postgres:$password@127.0.0.1:$port/trivianft"
dotnet run --project TriviaNft.Migrator -- up
dotnet run --project TriviaNft.Migrator -- status
echo "PostgreSQL is up: psql \"\$DATABASE_URL\" with DATABASE_URL=postgresql://postgres:<password>@127.0.0.1:$port/trivianft. Ctrl+C stops it."
wait $server
