# Shared by scripts/backup.sh and scripts/restore.sh: finds the local emulation's writer and how to log in.
# Every value can be given explicitly (options or the libpq variables); the defaults come from the state
# folder the AppHost keeps (docs/local-emulation.md): the writer's port from .local/postgres/postmaster.pid,
# the password from .local/pgpass. Passwords never go on a command line.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state_dir="${TRIVIANFT_STATE:-$repo_root/.local}"
db_host="${PGHOST:-127.0.0.1}"
db_port="${PGPORT:-}"
db_user="${PGUSER:-postgres}"
db_name="${PGDATABASE:-trivianft}"

# PostgreSQL 15 client tools: the server's major version, so dumps and restores match it exactly.
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [[ ! -x "$pg_bin/pg_dump" ]]; then
  pg_bin="$(dirname "$(command -v pg_dump || echo /usr/bin/pg_dump)")"
fi

die() { echo "$(basename "$0"): $*" >&2; exit 2; }

# Parses the connection options common to both scripts; the rest is left in `rest`.
parse_connection_options() {
  rest=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --host) db_host="$2"; shift 2 ;;
      --port) db_port="$2"; shift 2 ;;
      --user) db_user="$2"; shift 2 ;;
      --dbname) db_name="$2"; shift 2 ;;
      --state) state_dir="$2"; shift 2 ;;
      *) rest+=("$1"); shift ;;
    esac
  done
}

# Fills in the port and the password source from the state folder when they were not given.
resolve_connection() {
  if [[ -z "$db_port" ]]; then
    local pid_file="$state_dir/postgres/postmaster.pid"
    [[ -r "$pid_file" ]] || die "no --port and no running writer found ($pid_file is missing): is the AppHost running? Pass --port or --state."
    # Line 4 of postmaster.pid is the port the server listens on.
    db_port="$(sed -n 4p "$pid_file")"
  fi
  [[ "$db_port" =~ ^[0-9]+$ ]] || die "the port '$db_port' is not a number."
  if [[ -z "${PGPASSWORD:-}" && -z "${PGPASSFILE:-}" && -r "$state_dir/pgpass" ]]; then
    export PGPASSFILE="$state_dir/pgpass"
  fi
  export PGHOST="$db_host" PGPORT="$db_port" PGUSER="$db_user" PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"
}

elapsed_ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
