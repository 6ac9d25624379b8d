// Lesson 03 in numbers: N requests to a loopback server that holds each for 50 ms. The pitfall
// should take about N times as long as the solution, since it pays N latencies where the solution
// pays one. The solution also pays for opening N connections at once (about 10 ms for 100 here),
// so the latency must be long beside that for the ratio to come near N. The six benchmarks take
// about 8 s, most of it the pitfall's 100 requests in turn (5 s).

#include "lessons/03_sequential_awaits.hpp"

#include <benchmark/benchmark.h>

namespace {

constexpr int latency_ms = 50;

void pitfall(benchmark::State& state)
{
  const lesson03::scenario scenario{.requests = static_cast<int>(state.range(0)), .latency_ms = latency_ms};
  for (auto _ : state) benchmark::DoNotOptimize(lesson03::pitfall(scenario));
}

void solution(benchmark::State& state)
{
  const lesson03::scenario scenario{.requests = static_cast<int>(state.range(0)), .latency_ms = latency_ms};
  for (auto _ : state) benchmark::DoNotOptimize(lesson03::solution(scenario));
}

}  // namespace

BENCHMARK(pitfall)->Name("03_sequential_awaits/pitfall")->ArgName("requests")->Arg(1)->Arg(10)->Arg(100)
    ->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(solution)->Name("03_sequential_awaits/solution")->ArgName("requests")->Arg(1)->Arg(10)->Arg(100)
    ->UseRealTime()->Unit(benchmark::kMillisecond);
