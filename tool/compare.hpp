#pragma once
/// \file
/// Two benchmark runs side by side, the way Google Benchmark's `tools/compare.py` shows them
/// (`compare.py benchmarks OLD NEW`): per benchmark the relative change of wall and CPU time,
/// both times, a Mann-Whitney U test on the repetitions, a geometric-mean row; then, per lesson,
/// the pitfall/solution ratio on each side. compare.py itself needs scipy, which Debian 12 cannot
/// install next to Boost 1.81, so this stands on its own.

#include "tool/bench_results.hpp"
#include "tool/lesson_ratios.hpp"
#include "tool/mann_whitney.hpp"

#include <optional>
#include <string>
#include <vector>

namespace asynclab::tool {

/// compare.py's change: (new - old) / |old|; 0 when both are 0; (new - old) / mean when old is 0.
double relative_change(double old_value, double new_value);

/// One benchmark in both runs: medians of the repetitions, in seconds.
struct compared_benchmark {
  std::string name;                      ///< the run name both files share
  std::string time_unit;                 ///< the old file's unit, for display
  double old_real = 0, new_real = 0;     ///< median wall time per iteration
  double old_cpu = 0, new_cpu = 0;       ///< median CPU time per iteration
  int old_repetitions = 0, new_repetitions = 0;  ///< how many values each side's median is of
  std::optional<u_test_result> real_u_test;      ///< on wall times; none with fewer than 2 repetitions a side
  std::optional<u_test_result> cpu_u_test;       ///< on CPU times
};

/// Everything `asynclab compare` prints.
struct comparison {
  std::vector<compared_benchmark> benchmarks;  ///< in the old file's order
  /// The geometric mean over every repetition of the benchmarks both runs have (seconds):
  /// compare.py's OVERALL_GEOMEAN, restricted to shared benchmarks so that a missing one does
  /// not tilt it.
  double old_real_geomean = 0, new_real_geomean = 0, old_cpu_geomean = 0, new_cpu_geomean = 0;
  std::vector<std::string> only_in_old;        ///< names the new run lacks
  std::vector<std::string> only_in_new;        ///< names the old run lacks
  std::vector<lesson_ratios> old_ratios;       ///< the lessons' ratios in the old run
  std::vector<lesson_ratios> new_ratios;       ///< and in the new one
};

/// Matches the two runs' benchmarks by name and compares them.
comparison compare_runs(const bench_run& old_run, const bench_run& new_run);

/// Lines about the inputs, each naming a file: different course versions, missing benchmarks,
/// Debian's debug build of Google Benchmark.
std::vector<std::string> comparison_notes(const comparison& compared, const bench_run& old_run, const bench_run& new_run);

/// The table, as compare.py lays it out, followed by the lessons' ratios.
std::string format_comparison(const comparison& compared, const bench_run& old_run, const bench_run& new_run);

}  // namespace asynclab::tool
