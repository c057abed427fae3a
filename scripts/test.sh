#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need (PostgreSQL binaries, Chromium…);
# the tests start their own private servers on loopback. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-packages.sh
ensure_packages 'postgresql:/usr/lib/postgresql/*/bin/initdb' 'chromium:/usr/bin/chromium' 'poppler-utils:/usr/bin/pdftotext' 'softhsm2:/usr/lib/softhsm/libsofthsm2.so' 'dovecot-imapd:/usr/sbin/dovecot' 'python3-aiosmtpd:/usr/lib/python3/dist-packages/aiosmtpd' || exit 1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
dotnet test CpsSupport.sln -c Release 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# VSTest prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 42, Skipped: 0, Total: 42, …"
sum() { grep -E '^(Passed|Failed)! ' "$log" | grep -Eo "$1: +[0-9]+" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
passed=$(sum 'Passed'); failed=$(sum 'Failed'); skipped=$(sum 'Skipped')
assemblies=$(grep -cE '^(Passed|Failed)! ' "$log")
rm -f "$log"
if ((rc != 0 && failed == 0)); then failed=1; echo "dotnet test exited with $rc (build error or crashed test host)"; fi
echo "test assemblies: $assemblies"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
