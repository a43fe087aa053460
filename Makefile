# kaizen's front door. `make run` and `make test` work on a fresh Debian 12 machine: each
# installs what is missing (scripts/install-deps), configures, builds and runs.
PRESET ?= release
BUILD := build/$(PRESET)
JOBS ?= 2
OUT ?= out

.PHONY: run test build deps configure bench bench-e2e fuzz format clean asan

run: build
	@mkdir -p $(OUT)
	$(BUILD)/kaizen report examples/nhs-ae/ae_type1.csv --indicators examples/nhs-ae/indicators.toml -o $(OUT)/nhs-ae-report.html
	$(BUILD)/kaizen report examples/infections/infections.csv --indicators examples/infections/indicators.toml -o $(OUT)/infections-report.html
	$(BUILD)/kaizen summary examples/nhs-ae/ae_type1.csv --indicators examples/nhs-ae/indicators.toml
	@echo
	@echo "Board reports: $(CURDIR)/$(OUT)/nhs-ae-report.html and $(CURDIR)/$(OUT)/infections-report.html"

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
