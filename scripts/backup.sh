#!/usr/bin/env bash
# Backs up the local emulation's database: pg_dump -Fc (custom format, compressed) of `trivianft` from the
# writer, directly (not through the proxy). The dump holds the schema, every row and the migration history
# (pgmigrations); Redis needs no backup, its leaderboards are rebuilt from PostgreSQL on restore.
#
#   ./scripts/backup.sh [--out FILE] [--port N] [--host H] [--user U] [--dbname D] [--state DIR]
#
# Defaults: the writer's port and password from the state folder (.local/, or TRIVIANFT_STATE), the file
# backups/trivianft-<UTC time>.dump. PGPASSWORD / PGPASSFILE / PGPORT override. Runbook: docs/disaster-recovery.md.
set -euo pipefail
source "$(dirname "$0")/lib/local-database.sh"

parse_connection_options "$@"
out=""
set -- "${rest[@]+"${rest[@]}"}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)." ;;
  esac
done
resolve_connection
out="${out:-$repo_root/backups/trivianft-$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$out")"

started=$(date +%s%N)
# Written beside the target first, so a failed dump never leaves a truncated file under the final name.
"$pg_bin/pg_dump" --format=custom --dbname="$db_name" --file="$out.partial"
mv "$out.partial" "$out"
echo "backup: $out ($(stat -c %s "$out") bytes, database $db_name on $db_host:$db_port, $(elapsed_ms "$started") ms)"
