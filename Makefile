# kaizen's front door. `make run` and `make test` work on a fresh Debian 12 machine: each
# installs what is missing (scripts/install-deps), configures, builds and runs.
PRESET ?= release
BUILD := build/$(PRESET)
JOBS ?= 2

.PHONY: run test build deps configure bench format clean asan

run: build
	$(BUILD)/kaizen-board examples/nhs-ae/ae_type1.csv

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

asan:
	$(MAKE) test PRESET=asan-ubsan

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf build
