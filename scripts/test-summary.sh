#!/usr/bin/env bash
# Prints XCTest's final totals from a `swift test` log as the plain line "N passed, N failed".
set -euo pipefail
log=${1:-.build/test-output.log}
line=$(grep -a "Executed [0-9]* tests\?, with" "$log" | tail -n 1)
[ -n "$line" ] || { echo "0 passed, 1 failed"; exit 1; }
total=$(sed -E 's/.*Executed ([0-9]+) tests?, with ([0-9]+) failures?.*/\1/' <<<"$line")
failed=$(sed -E 's/.*Executed ([0-9]+) tests?, with ([0-9]+) failures?.*/\2/' <<<"$line")
echo "$((total - failed)) passed, $failed failed"
