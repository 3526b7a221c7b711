#!/usr/bin/env bash
# Builds the libFuzzer targets under Fuzz/ and runs each one for SECONDS (default 600).
#
#   scripts/fuzz.sh [SECONDS] [TARGET ...]      e.g. scripts/fuzz.sh 20   or   scripts/fuzz.sh 600 yaml config
#
# Targets: markdown jsonld yaml config waivers rules (Fuzz/README.md says what each one covers).
# Seeds come from Fuzz/corpus/TARGET (read only); what libFuzzer learns is kept in
# Fuzz/.build/fuzz/corpus/TARGET, so later runs start where earlier ones stopped.
# Exits 1 when any target crashed, hung (-timeout) or ran out of memory (-rss_limit_mb); the input
# is saved as Fuzz/.build/fuzz/crashes/TARGET/crash-… (or timeout-…, oom-…).
#
# Environment: FUZZ_JOBS=2 runs two targets at once (default 1); FUZZ_SANITIZE=address adds
# AddressSanitizer (slower, separate build); SWIFT names the swift driver.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"

seconds="${1:-600}"
[ $# -gt 0 ] && shift
all=(markdown jsonld yaml config waivers rules)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
for target in "${targets[@]}"; do
  [ -d "corpus/$target" ] || { echo "fuzz.sh: unknown target '$target' (known: ${all[*]})" >&2; exit 64; }
done
swift="${SWIFT:-swift}"
jobs="${FUZZ_JOBS:-1}"

# Same dependency versions as the main package (Package.resolved is not committed).
[ -f ../Package.resolved ] && cp ../Package.resolved Package.resolved

flags=(-c release -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link)
scratch=.build
if [ "${FUZZ_SANITIZE:-}" = address ]; then
  flags+=(-Xswiftc -sanitize=address -Xcc -fsanitize=address)
  scratch=.build-address
fi
flags+=(--scratch-path "$scratch")
echo "fuzz.sh: building the fuzz targets ($swift build ${flags[*]})" >&2
"$swift" build "${flags[@]}" 2>&1 | grep -E "error|warning: |Build complete" >&2 || true
bin="$("$swift" build "${flags[@]}" --show-bin-path)"
for target in "${targets[@]}"; do
  [ -x "$bin/fuzz-$target" ] || { echo "fuzz.sh: the build did not produce $bin/fuzz-$target" >&2; exit 2; }
done

work=.build/fuzz
mkdir -p "$work/logs"

# Runs one target; its log goes to $work/logs/TARGET.log, one summary line to stdout.
run() {
  local target="$1" status=0
  mkdir -p "$work/corpus/$target" "$work/crashes/$target"
  # Swift's backtracer would take the crash signals first, and libFuzzer then saves no input.
  SWIFT_BACKTRACE=enable=no nice -n 10 "$bin/fuzz-$target" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$work/crashes/$target/" \
    "$work/corpus/$target" "corpus/$target" >"$work/logs/$target.log" 2>&1 || status=$?
  local runs
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/logs/$target.log" | grep -o '[0-9]*$' || echo '?')"
  if [ "$status" -eq 0 ]; then
    echo "fuzz-$target: ${runs} runs in ${seconds}s, no crash"
  else
    echo "fuzz-$target: FAILED (exit $status) after ${runs} runs; input saved under Fuzz/$work/crashes/$target/"
    grep -E "ERROR: libFuzzer|fuzz invariant|Fatal error|SUMMARY|Test unit written" "$work/logs/$target.log" | head -8 | sed 's/^/  /'
  fi
  return "$status"
}

failed=0
pids=()
for target in "${targets[@]}"; do
  run "$target" &
  pids+=($!)
  if [ "${#pids[@]}" -ge "$jobs" ]; then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
exit "$failed"
