// Lesson 04 in numbers: M items of 8 hash rounds, suspending once per item (pitfall) or once per
// 1000 items (solution), in processor time. Theory, as the lesson states it: pitfall / solution =
// (switch + work) / (work + switch / 1000), with `work` the work_item cost and `switch + work`
// the item_with_suspension cost below (`ns_each`), from the same run. The two are measured
// together, the way the pitfall pays them, because part of an item's work hides in the
// suspension: the suspend_resume cost added to work_item overstates the pitfall by 10-20%.
//
// Beside them, what one operation of each kind costs: one item's work (the time column), and in
// the `ns_each` column a plain function call, one suspend/resume through the loop, one co_spawn
// and one thread switch.

#include "lessons/04_context_switch_overhead.hpp"

#include "benchmarks/pair.hpp"
#include "lab/switch_costs.hpp"

#include <benchmark/benchmark.h>

#include <chrono>

namespace {

constexpr int batch = 1000;
constexpr int rounds = 8;

// Timed in the processor time of the loop's thread, which another program does not inflate.
const bool registered = bench::register_pair(bench::pair<lesson04::scenario, lesson04::outcome>{
    .lesson = "04_context_switch_overhead",
    .argument = "items",
    .arguments = {100'000, 1'000'000},
    .scenario = [](std::int64_t items) {
      return lesson04::scenario{.items = static_cast<int>(items), .batch = batch, .rounds = rounds};
    },
    .pitfall = lesson04::pitfall,
    .solution = lesson04::solution,
    .processor_time = true,
});

// One item's work, as the pitfall and the solution do it, with no suspension.
void work_item(benchmark::State& state)
{
  std::uint64_t checksum = 0;
  int item = 0;
  for (auto _ : state) {
    checksum = lesson04::process(checksum, item++, rounds);
    benchmark::DoNotOptimize(checksum);
  }
}

// One item with its suspension, as the pitfall pays them: a shorter pitfall run, per item, in
// the processor time of the loop's thread.
void item_with_suspension(benchmark::State& state)
{
  const lesson04::scenario scenario{.items = static_cast<int>(state.range(0)), .batch = batch, .rounds = rounds};
  std::chrono::nanoseconds processor{0};
  for (auto _ : state) {
    const auto seen = lesson04::pitfall(scenario, {});
    processor += seen.processor;
    state.SetIterationTime(std::chrono::duration<double>(seen.processor).count());
  }
  const auto items = static_cast<double>(state.range(0)) * static_cast<double>(state.iterations());
  state.counters["ns_each"] = static_cast<double>(processor.count()) / items;
}

// Runs `measure` (count operations per iteration) and reports the average cost of one operation.
template <typename Measure>
void per_operation(benchmark::State& state, Measure measure)
{
  const int count = static_cast<int>(state.range(0));
  lab::switch_cost total;
  for (auto _ : state) {
    const auto cost = measure(count);
    total.operations += cost.operations;
    total.wall += cost.wall;
  }
  state.counters["ns_each"] = total.nanoseconds_each();
}

void function_call(benchmark::State& state) { per_operation(state, lab::measure_function_calls); }
void suspend_resume(benchmark::State& state) { per_operation(state, lab::measure_loop_suspensions); }
void co_spawn(benchmark::State& state) { per_operation(state, lab::measure_co_spawns); }
void thread_switch(benchmark::State& state) { per_operation(state, lab::measure_thread_switches); }

}  // namespace

BENCHMARK(function_call)->Name("04_context_switch_overhead/function_call")->ArgName("calls")->Arg(1'000'000)
    ->MinTime(0.3)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(work_item)->Name("04_context_switch_overhead/work_item")
    ->MinTime(0.3)->UseRealTime()->Unit(benchmark::kNanosecond);
BENCHMARK(item_with_suspension)->Name("04_context_switch_overhead/item_with_suspension")->ArgName("items")
    ->Arg(50'000)->MinTime(0.3)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(suspend_resume)->Name("04_context_switch_overhead/suspend_resume")->ArgName("suspensions")->Arg(100'000)
    ->MinTime(0.3)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(co_spawn)->Name("04_context_switch_overhead/co_spawn")->ArgName("spawns")->Arg(100'000)
    ->MinTime(0.3)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(thread_switch)->Name("04_context_switch_overhead/thread_switch")->ArgName("switches")->Arg(2'000)
    ->MinTime(0.3)->UseRealTime()->Unit(benchmark::kMicrosecond);
