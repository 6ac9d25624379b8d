# A thin front door: every target delegates to CMake presets (see CMakePresets.json).
#   make run     install what is missing, build, and open the tour (every lesson without a terminal)
#   make test    install what is missing, build, and run every test
#   make docs    the HTML docs in build/<preset>/docs/html
#   make bench   the benchmarks, saved as JSON in results/
# PRESET=debug|asan|tsan picks another build; the default is release.

PRESET ?= release
BUILD := build/$(PRESET)

.PHONY: run test docs bench build configure setup clean

# On a terminal the tour (it continues where you stopped); without one, every lesson, asking nothing.
run: build
	$(BUILD)/bin/asynclab tour

test: build
	ctest --preset $(PRESET)

docs: configure
	cmake --build --preset $(PRESET) --target docs

bench: configure
	cmake --build --preset $(PRESET) --target bench

build: configure
	cmake --build --preset $(PRESET)

# Configure once; after that Ninja re-runs CMake by itself when a CMakeLists.txt changes.
configure: setup
	@test -f $(BUILD)/build.ninja || cmake --preset $(PRESET)

setup:
	@cmake/install_dependencies.sh

clean:
	rm -rf build
