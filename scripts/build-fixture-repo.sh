#!/usr/bin/env bash
# Replays a fixture history (fixtures/NAME/NN-step/ folders) into a real git repository.
# Usage: scripts/build-fixture-repo.sh fixtures/demo OUT_DIR
# Each step's files are copied over the previous tree; _delete.txt lists paths to remove;
# _commit.txt holds the message (line 1) and the author "Name <email>" (line 2).
# Authors, committers and dates are fixed, so the commit ids are the same on every machine.
set -euo pipefail
src=$(cd "$1" && pwd)
out=$2
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME="$out/.." LC_ALL=C TZ=UTC
git -C "$out" init -q --initial-branch=main
git -C "$out" config commit.gpgsign false
day=0
for step in "$src"/[0-9]*/; do
  day=$((day + 1))
  (cd "$step" && find . -type f ! -name _commit.txt ! -name _delete.txt -print0 | while IFS= read -r -d '' f; do
     mkdir -p "$out/$(dirname "$f")"; cp "$f" "$out/$f"; done)
  if [ -f "$step/_delete.txt" ]; then
    while IFS= read -r p; do [ -n "$p" ] && git -C "$out" rm -q -r -- "$p"; done < "$step/_delete.txt"
  fi
  message=$(sed -n 1p "$step/_commit.txt")
  author=$(sed -n 2p "$step/_commit.txt")
  name=${author% <*}; email=${author#*<}; email=${email%>}
  date=$(printf '2024-03-%02dT10:00:00+01:00' "$day")
  git -C "$out" add -A
  GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email" GIT_AUTHOR_DATE="$date" \
  GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$email" GIT_COMMITTER_DATE="$date" \
    git -C "$out" commit -q -m "$message"
done
echo "built $(git -C "$out" rev-list --count HEAD) commits in $out" >&2
