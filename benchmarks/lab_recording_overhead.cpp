// The instruments must not change what they measure. Lesson 01's solution, run bare and run with
// everything a lesson records (in-flight counter, lag probe, timeline): for the same number of
// tasks, the two times should stay within 5% of each other.

#include "lessons/01_blocking_call.hpp"

#include <benchmark/benchmark.h>

namespace {

void instruments_off(benchmark::State& state)
{
  const lesson01::scenario scenario{.tasks = static_cast<int>(state.range(0)), .delay_ms = 5};
  for (auto _ : state) benchmark::DoNotOptimize(lesson01::solution(scenario, lab::instruments::off()));
}

void instruments_on(benchmark::State& state)
{
  const lesson01::scenario scenario{.tasks = static_cast<int>(state.range(0)), .delay_ms = 5};
  for (auto _ : state) {
    lab::timeline spans("solution", scenario.tasks + 16);
    benchmark::DoNotOptimize(lesson01::solution(scenario, {.measure = true, .spans = &spans}));
  }
}

}  // namespace

BENCHMARK(instruments_off)->Name("lab/recording/off")->ArgName("tasks")->Arg(100)->Arg(1000)
    ->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(instruments_on)->Name("lab/recording/on")->ArgName("tasks")->Arg(100)->Arg(1000)
    ->UseRealTime()->Unit(benchmark::kMillisecond);
