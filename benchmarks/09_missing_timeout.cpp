// Lesson 09 in numbers. Its point is a count, the requests still pending when the run ends (the
// headline: the pitfall's silent requests, the solution's none); the pair's times are the watchdog's
// bound and the deadline, set by the scenario. What the fix costs is measured apart, where every
// request is answered: the processor time of the client's loop with a deadline on every wait
// (a timer, a co_spawn and a parallel group per request) against the same requests without.

#include "lessons/09_missing_timeout.hpp"

#include "benchmarks/pair.hpp"

#include <benchmark/benchmark.h>

#include <chrono>

namespace {

const bool registered = bench::register_pair(bench::pair<lesson09::scenario, lesson09::outcome>{
    .lesson = "09_missing_timeout",
    .argument = "requests",
    .arguments = {10, 100},
    .scenario = [](std::int64_t requests) {
      return lesson09::scenario{.requests = static_cast<int>(requests), .silent_every = 5, .delay_ms = 5,
                                .deadline_ms = 50};
    },
    .pitfall = lesson09::pitfall,
    .solution = lesson09::solution,
    .iterations = 5,
    .headline = "pending",
    .count = [](const lesson09::outcome& seen, const lesson09::scenario& scenario) {
      return std::pair{static_cast<double>(seen.pending), static_cast<double>(scenario.requests)};
    },
});

// Every request answered after 1 ms, long before a one-second deadline: only the deadlines' cost.
template <lesson09::outcome (*run)(const lesson09::scenario&, const lab::instruments&)>
void all_answered(benchmark::State& state)
{
  const lesson09::scenario scenario{.requests = static_cast<int>(state.range(0)), .silent_every = 0,
                                    .delay_ms = 1, .deadline_ms = 1000};
  for (auto _ : state) {
    const auto outcome = run(scenario, lab::instruments::off());
    state.SetIterationTime(std::chrono::duration<double>(outcome.processor).count());
  }
}

}  // namespace

BENCHMARK(all_answered<lesson09::pitfall>)->Name("09_missing_timeout/cost/no_deadline")->ArgName("requests")
    ->Arg(100)->UseManualTime()->Iterations(30)->Unit(benchmark::kMicrosecond);
BENCHMARK(all_answered<lesson09::solution>)->Name("09_missing_timeout/cost/deadline")->ArgName("requests")
    ->Arg(100)->UseManualTime()->Iterations(30)->Unit(benchmark::kMicrosecond);
