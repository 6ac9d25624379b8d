// Lesson 02 in numbers.
//
// 02_unawaited_task/start/<way>: what each correct way to start a piece of work and get its
// result costs, per piece (the per_start counter), next to a plain function call. In wall time:
// Google Benchmark's default, processor time, would run many more iterations on a busy machine.
//
// 02_unawaited_task/pitfall and /solution: the handler with log writes that take no time. The
// pitfall is faster, and that is the trap: it is fast because its logging never ran. Its
// headline is therefore a count, the bodies run, which `asynclab report` shows instead of a ratio.

#include "lessons/02_unawaited_task.hpp"

#include "benchmarks/pair.hpp"

#include <benchmark/benchmark.h>

namespace {

constexpr int starts = 1000;

void start(benchmark::State& state, lesson02::way_to_start how)
{
  for (auto _ : state) benchmark::DoNotOptimize(lesson02::start_work(how, starts));
  state.counters["per_start"] =
      benchmark::Counter(starts, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

const bool registered = bench::register_pair(bench::pair<lesson02::scenario, lesson02::outcome>{
    .lesson = "02_unawaited_task",
    .argument = "visits",
    .arguments = {100},
    .scenario = [](std::int64_t visits) { return lesson02::scenario{.visits = static_cast<int>(visits), .delay_ms = 0}; },
    .pitfall = lesson02::pitfall,
    .solution = lesson02::solution,
    .unit = benchmark::kMicrosecond,
    // Ten runs a repetition: the pitfall's run is so short that Google Benchmark would otherwise
    // guess thousands, and on a busy machine spend seconds on them (docs/architecture.md: budget).
    .iterations = 10,
    .headline = "bodies run",
    .count = [](const lesson02::outcome& seen, const lesson02::scenario& scenario) {
      return std::pair{static_cast<double>(seen.bodies_ran), static_cast<double>(scenario.visits)};
    },
});

}  // namespace

BENCHMARK_CAPTURE(start, function_call, lesson02::way_to_start::function_call)
    ->Name("02_unawaited_task/start/function_call")->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(start, co_await, lesson02::way_to_start::co_await_directly)
    ->Name("02_unawaited_task/start/co_await")->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(start, co_spawn_use_awaitable, lesson02::way_to_start::co_spawn_awaitable)
    ->Name("02_unawaited_task/start/co_spawn_use_awaitable")->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(start, co_spawn_detached_channel, lesson02::way_to_start::co_spawn_detached)
    ->Name("02_unawaited_task/start/co_spawn_detached_channel")->UseRealTime()->Unit(benchmark::kMicrosecond);
