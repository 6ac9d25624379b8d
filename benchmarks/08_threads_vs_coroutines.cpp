// Lesson 08 in numbers: N requests each wait 10 ms, one std::thread each (pitfall) or one
// coroutine each on one thread (solution), timed in the processor time of the thread that serves
// them, which the waits do not add to. Theory, as the lesson's verdict states it
// (`lesson08::theory_of`): pitfall / solution = (one request on a thread: its start, its wait,
// its join) / (one request as a coroutine: its co_spawn, its timer, its end), each the fastest
// of three runs at the same N and wait, in this run (`theory`: `thread_ns`, `coroutine_ns` and
// `ratio`, per N). Arming a wait and seeing it end cost processor time too, so requests that do
// not wait at all would understate both.
//
// Beside them, per N, what one request holds while it waits (`footprint`: resident bytes and the
// time to start it, for each version, and their ratios), and the coroutines alone at 100,000
// requests of 100 ms: how long after the 100 ms the last one ends (`late_ms`).

#include "lessons/08_threads_vs_coroutines.hpp"

#include "benchmarks/pair.hpp"

#include <benchmark/benchmark.h>

#include <chrono>

namespace {

const bool registered = bench::register_pair(bench::pair<lesson08::scenario, lesson08::outcome>{
    .lesson = "08_threads_vs_coroutines",
    .argument = "tasks",
    .arguments = {100, 1000, 5000},
    .scenario = [](std::int64_t tasks) { return lesson08::scenario{.tasks = static_cast<int>(tasks), .delay_ms = 10}; },
    .pitfall = lesson08::pitfall,
    .solution = lesson08::solution,
    .processor_time = true,
    .iterations = 1,
    .theory = [](const lesson08::scenario& s, const lesson08::outcome&) { return lesson08::theory_of::ratio(s); },
});

using ns = std::chrono::duration<double, std::nano>;

lesson08::scenario at(const benchmark::State& state, int delay_ms)
{
  return {.tasks = static_cast<int>(state.range(0)), .delay_ms = delay_ms};
}

// The theory as the lesson's verdict states it (`lesson08::theory_of`): what one request costs in
// each version, in processor time, the fastest of three runs of each, one version after the other.
void theory(benchmark::State& state)
{
  const auto s = at(state, 10);
  ns thread{0}, coroutine{0};
  for (auto _ : state) {
    thread += lesson08::processor_per_request(lesson08::pitfall, s);
    coroutine += lesson08::processor_per_request(lesson08::solution, s);
  }
  const auto runs = static_cast<double>(state.iterations());
  state.counters["thread_ns"] = thread.count() / runs;
  state.counters["coroutine_ns"] = coroutine.count() / runs;
  state.counters["ratio"] = thread / coroutine;
}

// What one waiting request holds, and the time to start it, in each version.
void footprint(benchmark::State& state)
{
  const auto s = at(state, 10);
  double thread_bytes = 0, coroutine_bytes = 0;
  ns thread_start{0}, coroutine_start{0};
  for (auto _ : state) {
    const auto threads = lesson08::pitfall(s, lab::instruments::off());
    const auto coroutines = lesson08::solution(s, lab::instruments::off());
    thread_bytes += threads.bytes_per_task();
    coroutine_bytes += coroutines.bytes_per_task();
    thread_start += threads.start_per_task();
    coroutine_start += coroutines.start_per_task();
  }
  const auto runs = static_cast<double>(state.iterations());
  state.counters["thread_bytes"] = thread_bytes / runs;
  state.counters["coroutine_bytes"] = coroutine_bytes / runs;
  state.counters["bytes_ratio"] = thread_bytes / coroutine_bytes;
  state.counters["thread_start_ns"] = thread_start.count() / runs;
  state.counters["coroutine_start_ns"] = coroutine_start.count() / runs;
  state.counters["start_ratio"] = thread_start / coroutine_start;
}

// The coroutines alone, at a scale no thread-per-request server reaches on a laptop.
void coroutines_alone(benchmark::State& state)
{
  const auto s = at(state, 100);
  ns late{0};
  for (auto _ : state) late += lesson08::solution(s, lab::instruments::off()).wall - std::chrono::milliseconds(s.delay_ms);
  state.counters["late_ms"] = late.count() / 1e6 / static_cast<double>(state.iterations());
}

}  // namespace

BENCHMARK(theory)->Name("08_threads_vs_coroutines/theory")->ArgName("tasks")->Arg(100)->Arg(1000)->Arg(5000)
    ->Iterations(1)->Repetitions(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(footprint)->Name("08_threads_vs_coroutines/footprint")->ArgName("tasks")->Arg(100)->Arg(1000)->Arg(5000)
    ->Iterations(1)->Repetitions(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(coroutines_alone)->Name("08_threads_vs_coroutines/coroutines_alone")->ArgName("tasks")->Arg(100'000)
    ->Iterations(1)->Repetitions(3)->UseRealTime()->Unit(benchmark::kMillisecond);
