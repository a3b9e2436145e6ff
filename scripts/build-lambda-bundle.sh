#!/usr/bin/env bash
# Publishes the migrator as the migration Lambda's bundle: a self-contained linux-x64 single-file executable
# named `bootstrap` (the provided.al2023 custom runtime starts it), migrations/*.sql and the America/New_York zone file.
# Usage: ./scripts/build-lambda-bundle.sh [output-dir]   (default: artifacts/lambda/migrator)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/lambda/migrator}"
rm -rf "$out"
log=$(mktemp)
# Trimmed: the migrator and TriviaNft.Data must stay trimming-safe (source-generated JSON, no reflection binding).
if ! dotnet publish TriviaNft.Migrator/TriviaNft.Migrator.csproj -c Release -r linux-x64 --self-contained \
  -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:PublishTrimmed=true -p:DebugType=none \
  -p:InvariantGlobalization=true -o "$out" >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
rm -f "$log"
mv "$out/TriviaNft.Migrator" "$out/bootstrap"
# The jobs' schedules and game day are in America/New_York; the provided.al2023 image may have no tzdata, so the
# zone ships in the bundle and the function's TZDIR points at it (/var/task/zoneinfo).
mkdir -p "$out/zoneinfo/America"
cp /usr/share/zoneinfo/America/New_York "$out/zoneinfo/America/New_York"
# Configuration files for hosting modes that Lambda never uses.
rm -f "$out"/appsettings*.json "$out"/*.xml
chmod +x "$out/bootstrap"
echo "Bundle: $out ($(du -sh "$out" | cut -f1)), $(ls "$out/migrations" | wc -l) migration(s)"
