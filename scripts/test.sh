#!/usr/bin/env bash
# Installs what is missing, then builds and runs every test. The tests start their own PostgreSQL
# (and later PgBouncer and Redis) on free ports; nothing needs to be running beforehand.
# TRX results land in artifacts/test-results/ (.ci/run counts them).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-prerequisites.sh
rm -rf artifacts/test-results
dotnet test TriviaNft.sln --configuration Release \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory artifacts/test-results "$@"
