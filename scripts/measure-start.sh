#!/usr/bin/env bash
# Measures how long `dotnet run --project TriviaNft.AppHost` takes from launch to "ready" (every server
# healthy and the migrator Finished), cold (fresh state) and warm (state from the previous run), in a
# throw-away state folder. Usage: ./scripts/measure-start.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-3}"
state="$(mktemp -d /tmp/trivianft-measure-XXXXXX)"
chmod 755 "$state"
trap 'rm -rf "$state" "$state".*.log' EXIT
dotnet build TriviaNft.AppHost --verbosity quiet >/dev/null

measure() { # measure <label> [apphost args...]
  local label="$1" log started pid elapsed
  shift
  log="$state.$label.log"
  rm -f "$log"
  started=$(date +%s.%N)
  # A process group of its own, so the whole run (dotnet run and the AppHost) stops with one signal.
  setsid dotnet run --project TriviaNft.AppHost --launch-profile http -- \
    --LocalEmulation:StateDirectory="$state" "$@" >"$log" 2>&1 &
  pid=$!
  until grep -q "is ready after" "$log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
    sleep 0.1
  done
  elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  echo "$label: ${elapsed} s from dotnet run to ready; in the AppHost process: $(grep -o 'ready after [0-9.]* s' "$log"), $(grep -o 'migrator Finished.*after [0-9.]* s' "$log")"
  kill -TERM -- "-$pid" # what Ctrl+C does: a graceful stop (background jobs ignore SIGINT)
  wait "$pid" || true
  # The next run needs the dashboard's ports and the data folders: wait until every server has exited.
  while ss -ltn | grep -qE ':(15180|19180|20180) ' || pgrep -f -- "$state/" >/dev/null; do sleep 0.2; done
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$runs"); do
  measure cold --reset
  measure warm
done
