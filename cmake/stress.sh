#!/usr/bin/env bash
# make stress: the whole test suite 20 times in a row while another process keeps one core busy.
# Stops at the first failure. Usage: cmake/stress.sh [preset] [rounds]
set -euo pipefail
preset=${1:-release}
rounds=${2:-20}

# The other process: a busy loop that competes with the tests for the CPU.
bash -c 'while :; do :; done' &
hog=$!
trap 'kill "$hog" 2>/dev/null || true' EXIT

start=$SECONDS
for round in $(seq 1 "$rounds"); do
  # The docs check (label docs) is layout, not timing: once in CI is enough.
  if ! ctest --preset "$preset" --stop-on-failure --label-exclude docs > "build/$preset/stress.log" 2>&1; then
    tail -n 40 "build/$preset/stress.log"
    echo "stress: round $round of $rounds failed after $((SECONDS - start)) s (log: build/$preset/stress.log)" >&2
    exit 1
  fi
  echo "stress: round $round of $rounds passed ($((SECONDS - start)) s so far)"
done
echo "stress: $rounds rounds passed in $((SECONDS - start)) s with one core kept busy"
