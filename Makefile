# A thin front door: every target delegates to CMake presets (see CMakePresets.json).
#   make run     install what is missing, build, and open the tour (every lesson without a terminal)
#   make test    install what is missing, build, and run every test
#   make docs    the HTML docs in build/<preset>/docs/html
#   make bench   the benchmarks, saved as JSON in results/ (MODE=quick|thorough|plain, STUDENT=name)
#   make lint    clang-tidy-19 over the course's own code
#   make stress  the whole test suite 20 times while another process keeps a core busy
# PRESET=debug|asan|tsan picks another build; the default is release.

PRESET ?= release
MODE ?= quick
STUDENT ?=
BUILD := build/$(PRESET)

.PHONY: run test docs bench stress lint build configure setup clean

# On a terminal the tour (it continues where you stopped); without one, every lesson, asking nothing.
run: build
	$(BUILD)/bin/asynclab tour

test: build
	ctest --preset $(PRESET)

# BENCH=results/<file>.json puts a saved benchmark run in the docs instead of a fresh short one.
docs: configure
	BENCH="$(if $(BENCH),$(abspath $(BENCH)))" cmake --build --preset $(PRESET) --target docs

# asynclab bench reads the mode and the student's name from its environment.
bench: export ASYNCLAB_BENCH_MODE = $(MODE)
bench: export ASYNCLAB_STUDENT = $(STUDENT)
bench: configure
	cmake --build --preset $(PRESET) --target bench

# clang-tidy-19 with .clang-tidy over the project's own code (the pitfalls are wrong on purpose).
lint: build
	cmake --build --preset $(PRESET) --target lint

stress: build
	cmake/stress.sh $(PRESET)

build: configure
	cmake --build --preset $(PRESET)

# Configure once; after that Ninja re-runs CMake by itself when a CMakeLists.txt changes.
configure: setup
	@test -f $(BUILD)/build.ninja || cmake --preset $(PRESET)

setup:
	@cmake/install_dependencies.sh

clean:
	rm -rf build
