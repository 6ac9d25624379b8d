#pragma once
/// \file
/// A lesson's pitfall/solution ratios from one run. Benchmarks named `NN_name/pitfall<suffix>` and
/// `NN_name/solution<suffix>` with the same suffix (e.g. `/tasks:100/real_time`) form a pair; its
/// ratio is the pitfall's median wall time over the solution's, both medians of the repetitions.
/// Absolute times differ from laptop to laptop; this ratio should not.
///
/// A lesson whose point is a count, not a time (lesson 02: bodies run, 0 of 10 against 10 of 10)
/// says so in its benchmarks (bench_results.hpp): its pairs carry the counts, and every report
/// shows them instead of a ratio, which would mean nothing.

#include "tool/bench_results.hpp"

#include <optional>
#include <string>
#include <vector>

namespace asynclab::tool {

/// A count a lesson leads with: `seen` of `of` `what`, e.g. 0 of 10 bodies run.
struct headline_count {
  double seen = 0;   ///< the median over the repetitions
  double of = 0;     ///< out of how many
  std::string what;  ///< what is counted, e.g. "bodies run"
};

/// One pitfall/solution pair of a lesson.
struct ratio_pair {
  std::string suffix;             ///< what follows "pitfall", e.g. "tasks:100" (empty when nothing does)
  double pitfall_seconds = 0;     ///< the pitfall's median wall time
  double solution_seconds = 0;    ///< the solution's median wall time
  /// For a lesson whose point is a count: the pitfall's and the solution's.
  std::optional<headline_count> pitfall_count, solution_count;
  /// The ratio the lesson's theory predicts at these arguments, as the benchmark recorded it (the
  /// median over the repetitions); empty when the lesson's benchmark records none.
  std::optional<double> theory;

  /// True when the pair leads with counts, and its ratio means nothing.
  bool counted() const { return pitfall_count && solution_count; }

  /// How many times longer the pitfall took; 0 when the solution's time is 0.
  double ratio() const;
};

/// A lesson's pairs, and the one that stands for the lesson in reports.
struct lesson_ratios {
  std::string lesson;             ///< e.g. "01_blocking_call"
  std::vector<ratio_pair> pairs;  ///< in the order of the file
  /// The pair with the largest arguments (compared in order, numerically): the biggest scenario,
  /// where the lesson's effect shows most. Never empty when there are pairs.
  std::size_t headline = 0;

  /// True when the lesson's point is a count (its headline pair carries counts).
  bool counted() const { return !pairs.empty() && pairs[headline].counted(); }
};

/// Every lesson of the run that has at least one pitfall/solution pair, in the order of the file.
std::vector<lesson_ratios> ratios_of(const bench_run& run);

/// "tasks:100" for display: the suffix without what Google Benchmark adds about the timing
/// ("/real_time", "/manual_time", "/iterations:1", ...).
std::string pair_label(const std::string& suffix);

/// "99.6x", "1.02x": a ratio with three significant digits.
std::string format_ratio(double ratio);

/// How far a measured ratio is from the theory's, in percent: "-13%", "+2%", "0%".
std::string format_off(double ratio, double theory);

/// "0 of 10 bodies run", or "0 of 10" without `what`.
std::string format_count(const headline_count& count, bool with_what = true);

/// What the pair shows: "pitfall 0 of 10 bodies run, solution 10 of 10" for counts, else "99.6x".
std::string pair_headline(const ratio_pair& pair);

}  // namespace asynclab::tool
