// Lesson 02 in numbers.
//
// 02_unawaited_task/start/<way>: what each correct way to start a piece of work and get its
// result costs, per piece (the per_start counter), next to a plain function call.
//
// 02_unawaited_task/pitfall and /solution: the handler with log writes that take no time. The
// pitfall is faster, and that is the trap: it is fast because its logging never ran.

#include "lessons/02_unawaited_task.hpp"

#include <benchmark/benchmark.h>

namespace {

constexpr int starts = 1000;

void start(benchmark::State& state, lesson02::way_to_start how)
{
  for (auto _ : state) benchmark::DoNotOptimize(lesson02::start_work(how, starts));
  state.counters["per_start"] =
      benchmark::Counter(starts, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void pitfall(benchmark::State& state)
{
  const lesson02::scenario scenario{.visits = static_cast<int>(state.range(0)), .delay_ms = 0};
  for (auto _ : state) benchmark::DoNotOptimize(lesson02::pitfall(scenario));
}

void solution(benchmark::State& state)
{
  const lesson02::scenario scenario{.visits = static_cast<int>(state.range(0)), .delay_ms = 0};
  for (auto _ : state) benchmark::DoNotOptimize(lesson02::solution(scenario));
}

}  // namespace

BENCHMARK_CAPTURE(start, function_call, lesson02::way_to_start::function_call)
    ->Name("02_unawaited_task/start/function_call")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(start, co_await, lesson02::way_to_start::co_await_directly)
    ->Name("02_unawaited_task/start/co_await")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(start, co_spawn_use_awaitable, lesson02::way_to_start::co_spawn_awaitable)
    ->Name("02_unawaited_task/start/co_spawn_use_awaitable")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(start, co_spawn_detached_channel, lesson02::way_to_start::co_spawn_detached)
    ->Name("02_unawaited_task/start/co_spawn_detached_channel")->Unit(benchmark::kMicrosecond);

BENCHMARK(pitfall)->Name("02_unawaited_task/pitfall")->ArgName("visits")->Arg(10)->Arg(100)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(solution)->Name("02_unawaited_task/solution")->ArgName("visits")->Arg(10)->Arg(100)
    ->Unit(benchmark::kMicrosecond);
