#pragma once
// A lesson's pitfall and solution as two benchmarks over the same arguments, named
// "<lesson>/pitfall" and "<lesson>/solution", so that `asynclab compare` and `asynclab report`
// can pair them and take their ratio, or show their headline count, beside the ratio the lesson's
// theory predicts.

#include "lab/instruments.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bench {

/// The two benchmarks of one lesson.
template <typename Scenario, typename Outcome>
struct pair {
  std::string lesson;                    ///< "01_blocking_call"
  std::string argument;                  ///< what the argument is, e.g. "tasks"
  std::vector<std::int64_t> arguments;   ///< e.g. {1, 10, 100}
  std::function<Scenario(std::int64_t)> scenario;            ///< the scenario for one argument
  Outcome (*pitfall)(const Scenario&, const lab::instruments&);
  Outcome (*solution)(const Scenario&, const lab::instruments&);
  benchmark::TimeUnit unit = benchmark::kMillisecond;
  /// Time each run by the processor time its loop's thread used (`outcome.processor`), which a
  /// competing program does not inflate, instead of the wall clock: for processor-bound lessons.
  bool processor_time = false;
  /// Time each run by what this returns (manual time) instead: a part of the run, e.g. from a
  /// failure to the caller hearing of it.
  std::function<std::chrono::nanoseconds(const Outcome&)> time;
  /// A fixed number of iterations (0: as many as Google Benchmark's minimum time asks). For a
  /// manual time much shorter than the run, which would otherwise take thousands of runs.
  int iterations = 0;
  /// For a lesson whose point is a count: what is counted ("bodies run"), and the count a run
  /// observed out of how many. They become the `headline`, `headline_of` and label of the JSON.
  std::string headline;
  std::function<std::pair<double, double>(const Outcome&, const Scenario&)> count;
  /// How many times as long the pitfall should take: the function the lesson's verdict calls
  /// (`lessonNN::theory_ratio`), given the scenario and the outcome of a solution run, for a
  /// theory that takes in what the run measured (then set `iterations = 1`, so that the run is
  /// the repetition's). It must hold at every argument. The solution's rows record it as the
  /// `theory` counter, which `asynclab report`, `compare` and `chart` show beside the measured
  /// ratio. Empty when the lesson's point is a count, not a time.
  std::function<double(const Scenario&, const Outcome&)> theory;
};

/// Registers the pair with Google Benchmark. Call it from a static initializer:
/// `const bool registered = bench::register_pair(bench::pair<...>{...});`
template <typename Scenario, typename Outcome>
bool register_pair(const pair<Scenario, Outcome>& lesson)
{
  for (const auto& [role, run] : {std::pair{"pitfall", lesson.pitfall}, std::pair{"solution", lesson.solution}}) {
    const bool is_solution = std::string_view(role) == "solution";
    auto* registered = benchmark::RegisterBenchmark(
        (lesson.lesson + "/" + role).c_str(), [lesson, run = run, is_solution](benchmark::State& state) {
          const Scenario scenario = lesson.scenario(state.range(0));
          Outcome outcome{};
          for (auto _ : state) {
            outcome = run(scenario, lab::instruments{});
            benchmark::DoNotOptimize(outcome);
            if (lesson.time) state.SetIterationTime(std::chrono::duration<double>(lesson.time(outcome)).count());
            if constexpr (requires { outcome.processor; })
              if (lesson.processor_time)
                state.SetIterationTime(std::chrono::duration<double>(outcome.processor).count());
          }
          if (lesson.theory && is_solution)
            state.counters["theory"] = lesson.theory(scenario, outcome);
          if (lesson.count) {
            const auto [count, of] = lesson.count(outcome, scenario);
            state.counters["headline"] = count;
            state.counters["headline_of"] = of;
            state.SetLabel(lesson.headline);
          }
        });
    registered->ArgName(lesson.argument)->Unit(lesson.unit);
    for (const auto argument : lesson.arguments) registered->Arg(argument);
    if (lesson.iterations > 0) registered->Iterations(lesson.iterations);
    if (lesson.processor_time || lesson.time)
      registered->UseManualTime();
    else
      registered->UseRealTime();
  }
  return true;
}

}  // namespace bench
