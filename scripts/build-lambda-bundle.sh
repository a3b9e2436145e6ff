#!/usr/bin/env bash
# Publishes the migrator as the migration Lambda's bundle: a self-contained linux-x64 single-file executable
# named `bootstrap` (the provided.al2023 custom runtime starts it) plus migrations/*.sql.
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
# Configuration files for hosting modes that Lambda never uses.
rm -f "$out"/appsettings*.json "$out"/*.xml
chmod +x "$out/bootstrap"
echo "Bundle: $out ($(du -sh "$out" | cut -f1)), $(ls "$out/migrations" | wc -l) migration(s)"
