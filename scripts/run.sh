#!/usr/bin/env bash
# Installs what is missing, then starts the local DataStack with the Aspire AppHost: the dashboard, a
# PostgreSQL 15 writer and its replica, PgBouncer, a Redis cluster and the migrator (docs/local-emulation.md).
# Ctrl+C stops everything. `./scripts/run.sh --reset` wipes the local state (.local/) first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-prerequisites.sh
exec dotnet run --project TriviaNft.AppHost --launch-profile http -- "$@"
