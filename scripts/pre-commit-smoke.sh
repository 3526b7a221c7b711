#!/usr/bin/env bash
# Runs our hook through the real pre-commit framework (PyPI `pre-commit`), offline, from this
# repository's .pre-commit-hooks.yaml: a bad staged model card is refused, the fixed one passes.
# `language: swift` makes pre-commit build aimslint with `swift build -c release` in its cache.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
python3 -m pip install -q pre-commit >/dev/null 2>&1 || python3 -m pip install -q --break-system-packages pre-commit >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The system git config is kept: it may map package URLs to a local mirror for SwiftPM.
export GIT_CONFIG_GLOBAL=/dev/null HOME="$work/home" PRE_COMMIT_HOME="$work/cache"
export GIT_AUTHOR_NAME=Ada GIT_AUTHOR_EMAIL=ada@example.com GIT_COMMITTER_NAME=Ada GIT_COMMITTER_EMAIL=ada@example.com
mkdir -p "$HOME" "$work/repo"
cd "$work/repo"
git init -q --initial-branch=main
echo "# project" > README.md
mkdir -p docs/ai/tagger
cp "$here"/fixtures/lifecycle/inception/docs/ai/triage/{impact-assessment,risk-assessment}.md docs/ai/tagger/
git add README.md docs && git commit -q -m first
mkdir -p models/tagger
printf '# Tagger\n\n## Intended use\n\n## Limitations\n\nOnly English tickets.\n' > models/tagger/MODEL_CARD.md
git add models/tagger/MODEL_CARD.md
set +e
out=$(python3 -m pre_commit try-repo "$here" aimslint --all-files 2>&1)
status=$?
set -e
echo "$out" | tail -n 15
if [ $status -eq 0 ] || ! echo "$out" | grep -q "MC-002"; then
  echo "pre-commit smoke: the bad card was NOT refused with MC-002" >&2
  exit 1
fi
printf '# Tagger\n\n## Intended use\n\nRoutes support tickets to the team that owns the product area, for support staff.\n\n## Training data\n\nFine-tuned on [example-org/support-tickets](https://huggingface.co/datasets/example-org/support-tickets).\n\n## Evaluation\n\n| Metric | Value | Data |\n|---|---|---|\n| Accuracy | 0.91 | the test split of example-org/support-tickets |\n\n## Limitations\n\nOnly English tickets.\n' > models/tagger/MODEL_CARD.md
git add models/tagger/MODEL_CARD.md
python3 -m pre_commit try-repo "$here" aimslint --all-files 2>&1 | tail -n 5
echo "pre-commit smoke: ok (refused the bad card, passed the fixed one)"
