// Lesson 06 in numbers: N requests of 20 ms of processor work each, computed on the loop (pitfall)
// or on a thread pool of P threads, one per core (solution), in wall time, since spreading the
// work over the cores is the point. Theory, as the lesson states it: pitfall / solution =
// N x c / (ceil(N/P) x c'), with c one request's work on one core alone and c' the same with
// min(N, P) cores busy at once, from the `round_costs` counters of the same run
// (`alone_ns`, `side_by_side_ns`, per round; `theory_<N>` applies them). On two idle cores:
// about 1 for one request, 1.5 for three, 2 for eight.
//
// Beside them, the pitfall's second face: the same work in slices that yield to the loop,
// which keeps every request in flight and takes as long as the pitfall.

#include "lessons/06_cpu_bound_on_loop.hpp"

#include "benchmarks/pair.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace {

constexpr int work_ms = 20;
constexpr std::int64_t requests[] = {1, 3, 8};

lesson06::scenario with_requests(std::int64_t n) { return {.requests = static_cast<int>(n), .work_ms = work_ms}; }

const bool registered = bench::register_pair(bench::pair<lesson06::scenario, lesson06::outcome>{
    .lesson = "06_cpu_bound_on_loop",
    .argument = "requests",
    .arguments = {std::begin(requests), std::end(requests)},
    .scenario = with_requests,
    .pitfall = lesson06::pitfall,
    .solution = lesson06::solution,
    .theory = [](const lesson06::scenario& s, const lesson06::outcome&) { return lesson06::theory_of(s).ratio(); },
});

void interleaved(benchmark::State& state)
{
  const auto scenario = with_requests(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(lesson06::pitfall_interleaved(scenario, {}));
}

// What a round of work costs, alone and side by side, and the theory's ratio at each argument.
void round_costs(benchmark::State& state)
{
  for (auto _ : state) benchmark::DoNotOptimize(lesson06::measured_round_costs());
  const auto costs = lesson06::measured_round_costs();
  state.counters["alone_ns"] = costs.alone.count();
  state.counters["side_by_side_ns"] = costs.side_by_side.count();
  state.counters["cores"] = lesson06::cores();
  for (const auto n : requests)
    state.counters["theory_" + std::to_string(n)] = lesson06::theory_of(with_requests(n)).ratio();
}

}  // namespace

BENCHMARK(interleaved)->Name("06_cpu_bound_on_loop/interleaved")->ArgName("requests")->Arg(1)->Arg(3)->Arg(8)
    ->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(round_costs)->Name("06_cpu_bound_on_loop/round_costs")->Iterations(1)->Unit(benchmark::kMillisecond);
