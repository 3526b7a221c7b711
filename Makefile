# The two commands a newcomer needs (see README): `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
DEMO_REPO ?= .build/demo-repo

.PHONY: setup build release demo test docs bench

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

# Builds aimslint, replays fixtures/demo into a real git repository and checks it.
# aimslint exits 1 there on purpose: the demo repository has blocking findings.
demo: build
	@scripts/build-fixture-repo.sh fixtures/demo $(DEMO_REPO)
	@echo "== aimslint check --rev HEAD $(DEMO_REPO)" >&2
	@$$($(SWIFT) build --show-bin-path)/aimslint check --rev HEAD $(DEMO_REPO); status=$$?; \
	  echo "(aimslint exited with $$status: 0 clean, 1 blocking findings, 2 tool or config error)" >&2; \
	  [ $$status -le 1 ]

# The suite is XCTest only; --disable-swift-testing keeps Swift Testing's empty "0 tests" summary
# out of the output. The last line repeats XCTest's totals as "N passed, N failed".
test: setup
	$(SWIFT) build --build-tests
	@set -o pipefail; $(SWIFT) test --skip-build --disable-swift-testing 2>&1 | tee .build/test-output.log
	@scripts/test-summary.sh .build/test-output.log

# Regenerates docs/rules.md from the catalog (a test fails when it is out of date).
docs: build
	$$($(SWIFT) build --show-bin-path)/aimslint rules --format markdown > docs/rules.md

# Benchmarks against git in the same run (SPEC §9): generates the corpora once under .bench/,
# prints medians, ratios and noise, writes .bench/results-SIZE.json. BENCH_SIZES=small,medium,large.
BENCH_SIZES ?= small,medium,large
bench: release
	python3 scripts/bench/run.py --sizes $(BENCH_SIZES) --bin "$$($(SWIFT) build -c release --show-bin-path)/aimslint"
