// Lesson 08 in numbers: N requests each wait D = 20 ms, one std::thread each (pitfall) or one
// coroutine each on one thread (solution), timed in wall time, from the first request's start to
// the last one's end. Theory, as the lesson's verdict states it (`lesson08::theory_ratio`): the
// waits overlap, so each version lasts the time it takes to start every request (S) plus one wait
// (W: D, and waking up), (S_thread + W) / (S_coroutine + W), with S and W measured in this run:
// the coroutines' S and W in the solution's run that records the counter, the threads' S as the
// median of the pitfall's runs at the same N, which the pair runs first. Beyond 100 requests the
// first ones end before the last thread starts, which the theory allows for: the last request
// still waits after S. A short wait keeps the quick mode within its budget and lets starting the
// requests weigh; 20 ms, not 10, so that waking up late on a busy machine weighs less.
//
// Beside them, per N, what one request holds while every one of them waits, and the time to
// start it, in each version, with their ratios (`footprint`, at the lesson's own limit, D = N / 10
// ms, so that the memory is read while every thread still waits), and the coroutines alone at
// 100,000 requests of 100 ms: how long after the 100 ms the last one ends (`late_ms`).

#include "lessons/08_threads_vs_coroutines.hpp"

#include "benchmarks/pair.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <vector>

namespace {

// The time to start every thread, in each of the pitfall's runs, by N.
std::map<int, std::vector<std::chrono::nanoseconds>> thread_starts;

lesson08::outcome pitfall_recorded(const lesson08::scenario& s, const lab::instruments& with)
{
  const auto seen = lesson08::pitfall(s, with);
  thread_starts[s.tasks].push_back(seen.start);
  return seen;
}

// The median of the pitfall's runs at this N (one run of its own when a filter left them out).
std::chrono::nanoseconds thread_start(const lesson08::scenario& s)
{
  auto& starts = thread_starts[s.tasks];
  if (starts.empty()) pitfall_recorded(s, lab::instruments::off());
  std::ranges::sort(starts);
  return starts[starts.size() / 2];
}

const bool registered = bench::register_pair(bench::pair<lesson08::scenario, lesson08::outcome>{
    .lesson = "08_threads_vs_coroutines",
    .argument = "tasks",
    .arguments = {100, 1000, 5000},
    .scenario = [](std::int64_t tasks) { return lesson08::scenario{.tasks = static_cast<int>(tasks), .delay_ms = 20}; },
    .pitfall = pitfall_recorded,
    .solution = lesson08::solution,
    .time = [](const lesson08::outcome& seen) { return seen.wall; },
    // One run a repetition: the theory, from the repetition's run, then matches its time.
    .iterations = 1,
    .theory = [](const lesson08::scenario& s, const lesson08::outcome& solution) {
      return lesson08::theory_ratio(thread_start(s), solution);
    },
});

using ns = std::chrono::duration<double, std::nano>;

// What one waiting request holds, and the time to start it, in each version, with every request
// still waiting when the memory is read: the lesson's limit, D at least N / 10 ms.
void footprint(benchmark::State& state)
{
  const lesson08::scenario s{.tasks = static_cast<int>(state.range(0)),
                             .delay_ms = std::max(10, static_cast<int>(state.range(0) / 10))};
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
  const lesson08::scenario s{.tasks = static_cast<int>(state.range(0)), .delay_ms = 100};
  ns late{0};
  for (auto _ : state) late += lesson08::solution(s, lab::instruments::off()).wall - std::chrono::milliseconds(s.delay_ms);
  state.counters["late_ms"] = late.count() / 1e6 / static_cast<double>(state.iterations());
}

}  // namespace

BENCHMARK(footprint)->Name("08_threads_vs_coroutines/footprint")->ArgName("tasks")->Arg(100)->Arg(1000)->Arg(5000)
    ->Iterations(1)->Repetitions(1)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(coroutines_alone)->Name("08_threads_vs_coroutines/coroutines_alone")->ArgName("tasks")->Arg(100'000)
    ->Iterations(1)->Repetitions(3)->UseRealTime()->Unit(benchmark::kMillisecond);
