# kaizen's front door. `make run` and `make test` work on a fresh Debian 12 machine: each
# installs what is missing (scripts/install-deps), configures, builds and runs.
PRESET ?= release
BUILD := build/$(PRESET)
JOBS ?= 2
OUT ?= out

.PHONY: run test build deps configure bench bench-e2e bench-workspace fuzz format clean asan

# The examples' data end in March 2019 and December 2016: --as-of sets "today" to just after,
# as at the board meeting that would have used them (otherwise every row is flagged stale).
# Builds only the command line (not the tests and benchmarks) before writing the reports.
run: configure
	cmake --build --preset $(PRESET) -j $(JOBS) --target kaizen-cli
	@mkdir -p $(OUT)
	$(BUILD)/kaizen report examples/nhs-ae/ae_type1.csv --indicators examples/nhs-ae/indicators.toml -o $(OUT)/nhs-ae-report.html --as-of 2019-04-20
	$(BUILD)/kaizen report examples/infections/infections.csv --indicators examples/infections/indicators.toml -o $(OUT)/infections-report.html --as-of 2017-01-20
	$(BUILD)/kaizen summary examples/nhs-ae/ae_type1.csv --indicators examples/nhs-ae/indicators.toml --as-of 2019-04-20
	scripts/demo-workspace $(BUILD)/kaizen $(OUT)
	@echo
	@echo "Board reports: $(CURDIR)/$(OUT)/nhs-ae-report.html and $(CURDIR)/$(OUT)/infections-report.html"
	@echo "  and from the demo workspace $(OUT)/demo.kaizen: $(CURDIR)/$(OUT)/workspace-report.html"
	@echo "  (try: $(BUILD)/kaizen pending --db $(OUT)/demo.kaizen; $(BUILD)/kaizen audit list --db $(OUT)/demo.kaizen)"
	@echo "  open one in a browser (for example: xdg-open $(OUT)/nhs-ae-report.html);"
	@echo "  for the PDF pack: $(BUILD)/kaizen report examples/nhs-ae/ae_type1.csv --indicators examples/nhs-ae/indicators.toml -o $(OUT)/nhs-ae-report.pdf --as-of 2019-04-20"
	@echo "  to start from your own data: docs/catalogue.md (the catalogue) and docs/cli.md (kaizen check DATA first)"

test: build
	ctest --preset $(PRESET) -j $(JOBS)

build: configure
	cmake --build --preset $(PRESET) -j $(JOBS)

configure: deps
	@test -f $(BUILD)/build.ninja || cmake --preset $(PRESET) >/dev/null

deps:
	@scripts/install-deps

bench: build
	$(BUILD)/spc_engine_bench

bench-e2e: build
	bench/e2e_summary.sh $(BUILD)

# Import, re-import, summary and size of the workspace (issue 10's targets).
bench-workspace: build
	bench/e2e_workspace.sh $(BUILD)

# libFuzzer targets for every parser (clang 14); each runs for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
fuzz: deps
	fuzz/build-and-run $(FUZZ_SECONDS)

asan:
	$(MAKE) test PRESET=asan-ubsan

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf build $(OUT)
