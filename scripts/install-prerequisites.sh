#!/usr/bin/env bash
# Installs whatever the local emulation and the tests need and is not installed yet. Idempotent: a
# machine that has everything is left alone (no apt-get update, no network).
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
need() { # need <path-or-command> <debian-package>
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then missing+=("$2"); fi
}
need /usr/lib/postgresql/15/bin/postgres postgresql-15
need /usr/lib/postgresql/15/bin/pgbench postgresql-client-15
[ -f /usr/share/postgresql/15/extension/pg_stat_statements.control ] || missing+=(postgresql-contrib)
need redis-server redis-server
need redis-cli redis-tools
need pgbouncer pgbouncer
need node nodejs
need npm npm
need setpriv util-linux
# The daily reset is at midnight America/New_York: the time zone database must be there.
[ -f /usr/share/zoneinfo/America/New_York ] || missing+=(tzdata)
# `./scripts/test.sh --shift` runs the tests under libfaketime's wrapper, with the clock moved by an offset.
need faketime faketime
need /usr/bin/chromium chromium # the dashboard test drives Debian's chromium through Playwright (no browser download)

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing: ${missing[*]}. Install them with your package manager (Homebrew: postgresql@15 redis pgbouncer node libfaketime; a Chromium for the dashboard test)." >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's packages start system-wide services; the local emulation runs its own servers instead.
for service in postgresql redis-server pgbouncer; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$service" 2>/dev/null; then
    "${sudo_cmd[@]}" systemctl stop "$service" || true
  fi
done

if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download (Debian/Ubuntu: package dotnet-sdk-10.0)." >&2
  exit 1
fi

# The CDK CLI for `cdk synth` (aws/); node_modules is reused when package-lock.json has not changed.
if [ -f aws/package-lock.json ] && { [ ! -d aws/node_modules ] || [ aws/package-lock.json -nt aws/node_modules/.package-lock.json ]; }; then
  (cd aws && npm ci --no-audit --no-fund --loglevel=error)
fi
