#!/usr/bin/env bash
# Runs the fault suite (TriviaNft.Tests/Faults) with the FULL loads and prints its figures as the table of
# docs/reliability.md; with --write, replaces the table between the markers in docs/reliability.md.
# The quick version of the same suite runs with every `./scripts/test.sh` (and so in .ci/run).
# Figures as JSON: artifacts/reliability/<scenario>.json.
set -euo pipefail
cd "$(dirname "$0")/.."

write=false
if [[ "${1:-}" == "--write" ]]; then write=true; fi

./scripts/install-prerequisites.sh
rm -rf artifacts/reliability
TRIVIANFT_RELIABILITY=full dotnet test TriviaNft.Tests --configuration Release \
  --filter "FullyQualifiedName~TriviaNft.Tests.Faults" --logger "console;verbosity=normal"

table=$(mktemp)
{
  echo "| scenario | load | operations attempted | completions acknowledged | errors seen (typed) | acknowledged lost | errors ended after the fault | longest call | events | measured |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  cat artifacts/reliability/*.md
  echo
  echo "Full run of $(date -u +%Y-%m-%d) on $(nproc) cores; JSON in artifacts/reliability/."
} > "$table"
cat "$table"

if $write; then
  awk -v table="$table" '
    /<!-- faults:begin -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /<!-- faults:end -->/ { skip = 0 }
    !skip { print }
  ' docs/reliability.md > docs/reliability.md.new
  mv docs/reliability.md.new docs/reliability.md
  echo "docs/reliability.md updated."
fi
rm -f "$table"
