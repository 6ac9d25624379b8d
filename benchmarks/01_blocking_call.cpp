// Lesson 01 in numbers: N tasks each wait 5 ms. The pitfall should take about N times as long as
// the solution, since it waits N x 5 ms where the solution waits 5 ms once.

#include "lessons/01_blocking_call.hpp"

#include <benchmark/benchmark.h>

namespace {

constexpr int delay_ms = 5;

void pitfall(benchmark::State& state)
{
  const lesson01::scenario scenario{.tasks = static_cast<int>(state.range(0)), .delay_ms = delay_ms};
  for (auto _ : state) benchmark::DoNotOptimize(lesson01::pitfall(scenario));
}

void solution(benchmark::State& state)
{
  const lesson01::scenario scenario{.tasks = static_cast<int>(state.range(0)), .delay_ms = delay_ms};
  for (auto _ : state) benchmark::DoNotOptimize(lesson01::solution(scenario));
}

}  // namespace

BENCHMARK(pitfall)->Name("01_blocking_call/pitfall")->ArgName("tasks")->Arg(1)->Arg(10)->Arg(100)
    ->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(solution)->Name("01_blocking_call/solution")->ArgName("tasks")->Arg(1)->Arg(10)->Arg(100)
    ->UseRealTime()->Unit(benchmark::kMillisecond);
