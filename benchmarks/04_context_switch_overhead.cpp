// Lesson 04 in numbers: M items of 8 hash rounds, suspending once per item (pitfall) or once per
// 1000 items (solution), in processor time. The theory is the lesson's own (lesson04::theory_of):
// pitfall / solution = (switch + work) / (work + switch / 1000), both costs measured in the same
// process, recorded as the solution's `theory` counter.
//
// Beside them, what one operation of each kind costs: one item's work (the time column), and in
// the `ns_each` column a plain function call, one suspend/resume through the loop, one co_spawn
// and one thread switch. Each takes the mode's minimum time, which keeps the quick mode within its
// budget (docs/architecture.md).

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
    .arguments = {100'000, 500'000},
    .scenario = [](std::int64_t items) {
      return lesson04::scenario{.items = static_cast<int>(items), .batch = batch, .rounds = rounds};
    },
    .pitfall = lesson04::pitfall,
    .solution = lesson04::solution,
    .processor_time = true,
    .theory = [](const lesson04::scenario& s, const lesson04::outcome&) { return lesson04::theory_of(s).ratio(); },
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
    ->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(work_item)->Name("04_context_switch_overhead/work_item")->UseRealTime()->Unit(benchmark::kNanosecond);
BENCHMARK(suspend_resume)->Name("04_context_switch_overhead/suspend_resume")->ArgName("suspensions")->Arg(20'000)
    ->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(co_spawn)->Name("04_context_switch_overhead/co_spawn")->ArgName("spawns")->Arg(20'000)
    ->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(thread_switch)->Name("04_context_switch_overhead/thread_switch")->ArgName("switches")->Arg(2'000)
    ->UseRealTime()->Unit(benchmark::kMicrosecond);
