// Lesson 05 in numbers: how long after the failure the caller knows (manual time: from backend 0's
// failure to the caller's wait returning). The pitfall's caller waits out the siblings' remaining
// work and still knows nothing; the parallel group's caller hears at once.

#include "lessons/05_exception_propagation.hpp"

#include <benchmark/benchmark.h>

#include <chrono>

namespace {

template <lesson05::outcome (*run)(const lesson05::scenario&, const lab::instruments&)>
void failure_to_caller(benchmark::State& state)
{
  const lesson05::scenario scenario{.backends = 3, .fail_after_ms = 5, .work_ms = static_cast<int>(state.range(0))};
  for (auto _ : state) {
    const auto outcome = run(scenario, lab::instruments::off());
    state.SetIterationTime(std::chrono::duration<double>(outcome.failure_to_caller).count());
  }
}

}  // namespace

BENCHMARK(failure_to_caller<lesson05::pitfall>)->Name("05_exception_propagation/pitfall")
    ->ArgName("work_ms")->Arg(20)->Arg(50)->UseManualTime()->Iterations(10)->Unit(benchmark::kMillisecond);
BENCHMARK(failure_to_caller<lesson05::solution>)->Name("05_exception_propagation/solution")
    ->ArgName("work_ms")->Arg(20)->Arg(50)->UseManualTime()->Iterations(10)->Unit(benchmark::kMillisecond);
BENCHMARK(failure_to_caller<lesson05::solution_rethrowing_handler>)->Name("05_exception_propagation/rethrowing_handler")
    ->ArgName("work_ms")->Arg(20)->Arg(50)->UseManualTime()->Iterations(10)->Unit(benchmark::kMillisecond);
BENCHMARK(failure_to_caller<lesson05::solution_awaited_in_turn>)->Name("05_exception_propagation/awaited_in_turn")
    ->ArgName("work_ms")->Arg(20)->Arg(50)->UseManualTime()->Iterations(10)->Unit(benchmark::kMillisecond);
