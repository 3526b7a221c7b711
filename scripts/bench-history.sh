#!/usr/bin/env bash
# Times `aimslint history` against git doing the same reading work, in the same run (SPEC §9).
# Usage: scripts/bench-history.sh [COMMITS] [FILES] [SYSTEMS]   (default 5000 20000 50)
# Builds aimslint in release mode, generates the repository with scripts/generate-history-repo.py
# (deterministic), then prints the best of three for each measurement and the ratios.
set -euo pipefail
commits=${1:-5000}; files=${2:-20000}; systems=${3:-50}
root=$(cd "$(dirname "$0")/.." && pwd)
repo=${BENCH_REPO:-$root/.build/bench-history-$commits-$files-$systems}
swift build -c release --product aimslint --package-path "$root" >&2
bin=$(swift build -c release --show-bin-path --package-path "$root")/aimslint
[ -d "$repo/.git" ] || python3 "$root/scripts/generate-history-repo.py" "$repo" --commits "$commits" --files "$files" --systems "$systems"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C

# best of three: elapsed seconds and peak RSS (KB) of a command, stdout and stderr discarded;
# BEFORE, when set, runs before each try (to restore the cache state)
best() {
  local best_time="" best_mem="" stats; stats=$(mktemp)
  for _ in 1 2 3; do
    [ -n "${BEFORE:-}" ] && eval "$BEFORE"
    /usr/bin/time -o "$stats" -f "%e %M" "$@" > /dev/null 2>&1
    local t m; read -r t m < "$stats"
    if [ -z "$best_time" ] || awk "BEGIN{exit !($t < $best_time)}"; then best_time=$t; best_mem=$m; fi
  done
  rm -f "$stats"
  echo "$best_time $best_mem"
}

read -r floor _ < <(best git -C "$repo" log --format=%H --name-status -- '*MODEL_CARD.md' '*datasheet*' '*-plan.md' '*-assessment.md')
read -r cold cold_mem < <(best "$bin" history "$repo" --no-cache --format json)
rm -rf "$repo/.git/aimslint"
"$bin" history "$repo" --format json > /dev/null 2>&1          # fill the cache at HEAD
saved=$(mktemp -d); cp -r "$repo/.git/aimslint" "$saved/"
git -C "$repo" -c user.name=Bench -c user.email=bench@example.com commit -q --allow-empty -m "one more"
read -r warm _ < <(BEFORE='rm -rf "$repo/.git/aimslint"; cp -r "$saved/aimslint" "$repo/.git/"' best "$bin" history "$repo" --format json)
rm -rf "$repo/.git/aimslint"; cp -r "$saved/aimslint" "$repo/.git/"
warm_log=$("$bin" history "$repo" --format json 2>&1 >/dev/null | tail -1)
git -C "$repo" reset -q --soft HEAD~1; rm -rf "$saved" "$repo/.git/aimslint"

ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
echo "repository: $commits commits, $files files, $systems systems ($repo)"
echo "git log --name-status (floor):  ${floor}s"
echo "aimslint history --no-cache:    ${cold}s  ($(ratio "$cold" "$floor")x floor, peak ${cold_mem} KB)"
echo "aimslint history, warm +1:      ${warm}s  ($(ratio "$warm" "$cold")x cold)"
echo "last warm run said: $warm_log"
