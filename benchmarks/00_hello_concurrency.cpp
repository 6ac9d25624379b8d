// Lesson 00 in numbers: hello and world each wait D ms. The pitfall should take about twice as
// long as the solution, since it waits 2 x D where the solution waits D once.

#include "lessons/00_hello_concurrency.hpp"

#include <benchmark/benchmark.h>

namespace {

void pitfall(benchmark::State& state)
{
  const lesson00::scenario scenario{.delay_ms = static_cast<int>(state.range(0))};
  for (auto _ : state) benchmark::DoNotOptimize(lesson00::pitfall(scenario));
}

void solution(benchmark::State& state)
{
  const lesson00::scenario scenario{.delay_ms = static_cast<int>(state.range(0))};
  for (auto _ : state) benchmark::DoNotOptimize(lesson00::solution(scenario));
}

}  // namespace

BENCHMARK(pitfall)->Name("00_hello_concurrency/pitfall")->ArgName("delay_ms")->Arg(5)->Arg(50)
    ->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(solution)->Name("00_hello_concurrency/solution")->ArgName("delay_ms")->Arg(5)->Arg(50)
    ->UseRealTime()->Unit(benchmark::kMillisecond);
