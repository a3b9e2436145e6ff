#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into the local emulation's writer, then rebuilds the Redis
# leaderboards from the restored tables.
#
#   ./scripts/restore.sh FILE [--port N] [--host H] [--user U] [--dbname D] [--state DIR] [--redis-port N]
#
# The database is created when missing; otherwise its objects are dropped and recreated from the dump in one
# transaction (--clean --if-exists --single-transaction): a failed restore leaves the database as it was.
# Redis: with --redis-port (any node of the cluster; password from REDISCLI_AUTH, as redis-cli takes it) or
# REDIS_URL, `TriviaNft.Migrator rebuild-leaderboards` rebuilds every season's boards from PostgreSQL.
# Active game sessions and daily counters live only in Redis and are not in a backup (docs/disaster-recovery.md).
set -euo pipefail
source "$(dirname "$0")/lib/local-database.sh"

parse_connection_options "$@"
file=""
redis_port=""
set -- "${rest[@]+"${rest[@]}"}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --redis-port) redis_port="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) die "unknown option '$1' (see --help)." ;;
    *) [[ -z "$file" ]] || die "one backup file only."; file="$1"; shift ;;
  esac
done
[[ -n "$file" ]] || die "which backup? ./scripts/restore.sh FILE (see --help)."
[[ -r "$file" ]] || die "cannot read '$file'."
resolve_connection

started=$(date +%s%N)
# Reading the table of contents first refuses a file that is not a pg_dump archive before anything is touched.
entries=$("$pg_bin/pg_restore" --list "$file" | grep -vc '^;' || true)
exists=$("$pg_bin/psql" -X -q -t -A -d postgres -v db="$db_name" <<'SQL'
SELECT count(*) FROM pg_database WHERE datname = :'db';
SQL
)
if [[ "$exists" == "0" ]]; then
  "$pg_bin/psql" -X -q -d postgres -v ON_ERROR_STOP=1 -v db="$db_name" <<'SQL'
CREATE DATABASE :"db";
SQL
fi
"$pg_bin/pg_restore" --dbname="$db_name" --clean --if-exists --no-owner --single-transaction --exit-on-error "$file"
echo "restore: $file into database $db_name on $db_host:$db_port ($entries archive entries, $(elapsed_ms "$started") ms)"

if [[ -n "$redis_port" ]]; then
  [[ "$redis_port" =~ ^[0-9]+$ ]] || die "the Redis port '$redis_port' is not a number."
  export REDIS_URL="127.0.0.1:$redis_port${REDISCLI_AUTH:+,password=$REDISCLI_AUTH}"
fi
if [[ -n "${REDIS_URL:-}" ]]; then
  started=$(date +%s%N)
  # Key=value without a password: the migrator's Npgsql reads PGPASSWORD / PGPASSFILE like the tools above.
  connection="Host=$db_host;Port=$db_port;Username=$db_user;Database=$db_name"
  if [[ -n "${TRIVIANFT_MIGRATOR:-}" ]]; then
    read -r -a migrator <<< "$TRIVIANFT_MIGRATOR"
  else
    migrator=(dotnet run --project "$repo_root/TriviaNft.Migrator" --)
  fi
  "${migrator[@]}" rebuild-leaderboards --connection "$connection"
  echo "redis: leaderboards rebuilt from $db_name ($(elapsed_ms "$started") ms)"
else
  echo "redis: not touched (no --redis-port or REDIS_URL); rebuild later with rebuild-leaderboards."
fi
