#!/usr/bin/env bash
# Installs what is missing, then builds and runs every test. The tests start their own PostgreSQL
# (and later PgBouncer and Redis) on free ports; nothing needs to be running beforehand.
# TRX results land in artifacts/test-results/ (.ci/run counts them).
#
#   ./scripts/test.sh [--shift <offset>] [<project or solution>] [dotnet test options…]
#
# --shift <offset> (libfaketime's relative format: +30d, +120d, -60d, +6h …) builds normally, then runs the
# tests with --no-build under faketime, so the tests, PostgreSQL and every other child process see the clock
# moved by <offset> (Redis runs on the real clock: TriviaNft.LocalServers starts it without libfaketime). Its
# TRX results land in artifacts/test-results-shifted/ and leave the normal run's alone. A first argument that is
# a project, solution or folder runs only that instead of TriviaNft.sln; every other argument goes to dotnet test.
# Shift TriviaNft.Tests: the AppHost's tests get Redis from the Aspire orchestrator, which keeps libfaketime.
set -euo pipefail
cd "$(dirname "$0")/.."

offset=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --shift)
      [ $# -ge 2 ] || { echo "--shift needs an offset, e.g. --shift +30d" >&2; exit 2; }
      offset="$2"; shift 2 ;;
    --shift=*) offset="${1#--shift=}"; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ -n "$offset" ] && ! [[ "$offset" =~ ^[+-][0-9]+([.,][0-9]+)?[mhdy]?$ ]]; then
  echo "--shift takes a relative offset such as +30d, -60d or +6h (seconds when no unit), not '$offset'." >&2
  exit 2
fi

target=TriviaNft.sln
if [ ${#args[@]} -gt 0 ] && [[ "${args[0]}" != -* ]] && [ -e "${args[0]}" ]; then
  target="${args[0]}"
  args=("${args[@]:1}")
fi

./scripts/install-prerequisites.sh

if [ -z "$offset" ]; then
  rm -rf artifacts/test-results
  dotnet test "$target" --configuration Release \
    --logger "trx" --logger "console;verbosity=normal" \
    --results-directory artifacts/test-results ${args[@]+"${args[@]}"}
  exit 0
fi

# The build runs on the real clock: files stamped in the future would make later incremental builds
# skip or redo work at random.
dotnet build "$target" --configuration Release
rm -rf artifacts/test-results-shifted
# The monotonic clocks are shifted too (no --exclude-monotonic): .NET's runtime mixes clock kinds, and with only some
# of them shifted the test host never connects to dotnet test. MSBUILDDISABLENODEREUSE: no MSBuild node started under
# faketime outlives this run and serves a later build with the shifted clock.
MSBUILDDISABLENODEREUSE=1 faketime -f "$offset" \
  dotnet test "$target" --configuration Release --no-build \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory artifacts/test-results-shifted ${args[@]+"${args[@]}"}
