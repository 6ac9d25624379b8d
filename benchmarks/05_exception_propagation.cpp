// Lesson 05 in numbers: how long after the failure the caller knows (manual time: from backend 0's
// failure to the caller's wait returning), and whether it learns of the failure at all (the
// headline count). The pitfall's caller waits out the siblings' remaining work and still knows
// nothing; the parallel group's caller hears at once.

#include "lessons/05_exception_propagation.hpp"

#include "benchmarks/pair.hpp"

#include <benchmark/benchmark.h>

#include <chrono>

namespace {

lesson05::scenario with_work(std::int64_t work_ms)
{
  return {.backends = 3, .fail_after_ms = 5, .work_ms = static_cast<int>(work_ms)};
}

const bool registered = bench::register_pair(bench::pair<lesson05::scenario, lesson05::outcome>{
    .lesson = "05_exception_propagation",
    .argument = "work_ms",
    .arguments = {20},
    .scenario = with_work,
    .pitfall = lesson05::pitfall,
    .solution = lesson05::solution,
    .time = [](const lesson05::outcome& seen) { return seen.failure_to_caller; },
    // Each run lasts its whole work, though only the moments after the failure are timed: three
    // runs a repetition keep the quick mode within its budget (docs/architecture.md).
    .iterations = 3,
    .headline = "error reached caller",
    .count = [](const lesson05::outcome& seen, const lesson05::scenario&) {
      return std::pair{seen.reached_caller ? 1.0 : 0.0, 1.0};
    },
});

// The two other fixes, timed the same way.
template <lesson05::outcome (*run)(const lesson05::scenario&, const lab::instruments&)>
void failure_to_caller(benchmark::State& state)
{
  const auto scenario = with_work(state.range(0));
  for (auto _ : state) {
    const auto outcome = run(scenario, lab::instruments::off());
    state.SetIterationTime(std::chrono::duration<double>(outcome.failure_to_caller).count());
  }
}

}  // namespace

BENCHMARK(failure_to_caller<lesson05::solution_rethrowing_handler>)->Name("05_exception_propagation/rethrowing_handler")
    ->ArgName("work_ms")->Arg(20)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(failure_to_caller<lesson05::solution_awaited_in_turn>)->Name("05_exception_propagation/awaited_in_turn")
    ->ArgName("work_ms")->Arg(20)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
