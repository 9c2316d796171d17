#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: restores NuGet packages, builds, tests,
# and ends with the plain summary line "N passed, N failed" (counted from the TRX results).
set -uo pipefail
cd "$(dirname "$0")/.."

# Components the tests start for real (Azurite, Chromium, …): each script installs one if missing.
for dependency in scripts/deps/*.sh; do
  [ -f "$dependency" ] || continue
  bash "$dependency" || { echo "0 passed, 1 failed"; exit 1; }
done

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet test RetailSynth.slnx -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or a test host failed before any test could report
fi
echo "$passed passed, $failed failed"
exit "$status"
