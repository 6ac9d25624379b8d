#pragma once
/// \file
/// A class's benchmark files in one view: a row per machine (student, host, CPU), a column per
/// lesson with its headline pitfall/solution ratio and how far it is from the lesson's theory,
/// the class median, spread and theory, the outliers marked; as a terminal table, as Markdown, and
/// as an HTML page with an SVG chart to project, every dot named.

#include "tool/bench_results.hpp"

#include <optional>
#include <string>
#include <vector>

namespace asynclab::tool {

/// One lesson's column: which pair it shows and what the class measured.
struct lesson_column {
  std::string lesson;   ///< e.g. "01_blocking_call"
  std::string suffix;   ///< the headline pair's suffix, e.g. "tasks:100/real_time"
  int machines = 0;     ///< how many machines have a ratio for it
  double median = 0;    ///< the class median of the ratio
  double lower_quartile = 0;  ///< the spread: the middle half of the class lies between the quartiles
  double upper_quartile = 0;  ///< (quartiles interpolated linearly, as numpy's default)
  /// The ratio the lesson's theory predicts, the lowest and the highest the machines recorded
  /// (equal unless the theory takes in what each machine measured); empty without a theory.
  std::optional<double> theory_low, theory_high;
  /// A lesson whose point is a count, not a time: what is counted ("bodies run"). Its cells
  /// show the counts, and it has no ratio, median, spread, outliers or place in the chart.
  std::optional<std::string> counted;
};

/// One machine: who ran it, where, and one cell per lesson column.
struct machine_row {
  std::string file;     ///< the file it came from
  std::string student;  ///< empty when none was recorded
  std::string host;     ///< the host name
  std::string cpu;      ///< "AMD EPYC, 2 CPUs"
  std::vector<std::optional<double>> ratios;  ///< per column; empty when the file lacks the pair
  std::vector<std::optional<double>> theories;  ///< per column: the theory this machine recorded
  std::vector<std::string> counts;            ///< per counted column: "0 vs 10 of 10"; else empty
  std::vector<bool> outliers;                 ///< per column: far from the rest of the class
};

/// The whole class.
struct class_report {
  std::string course_commit;            ///< the version most files came from
  std::vector<lesson_column> lessons;   ///< in the order the first file lists them
  std::vector<machine_row> machines;    ///< in the order of the files
  /// One line per file left out, counted once or incomplete, naming it.
  std::vector<std::string> problems;
};

/// Builds the report from runs already read, each named by its file's name without its folders
/// (unless two files share a name). A run from another course version than the most
/// common one is left out; a file with the same results as another counts once; of a student's
/// several files only the latest counts. Each gets a line in `problems`.
///
/// An outlier's ratio is far from the rest of the class, on a log scale (so that twice and half
/// count alike): from 4 machines on, more than 1.5 interquartile ranges outside the quartiles and
/// at least 25% beyond the quartile; with 3, more than twice or less than half the class median.
class_report build_class_report(const std::vector<bench_run>& runs);

/// The table for a terminal.
std::string report_text(const class_report& report);
/// The table as Markdown, for notes or an issue.
std::string report_markdown(const class_report& report);
/// A self-contained HTML page: the table and an SVG chart of each lesson's ratios, one dot per machine.
std::string report_html(const class_report& report);

}  // namespace asynclab::tool
