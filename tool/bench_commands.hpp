#pragma once
/// \file
/// The `asynclab` subcommands that run, compare and collect benchmarks. Each returns the exit
/// code: 0 done, 1 the work failed, 2 bad input (with one line on standard error).

#include <string>
#include <vector>

namespace asynclab::tool {

struct bench_run;

/// `asynclab bench [NN] [--mode quick|thorough|plain] [--student NAME] [--out FILE] [-- FLAGS]`.
struct bench_options {
  std::string lesson;                        ///< "01", or empty for every lesson
  std::string mode = "quick";                ///< how many repetitions, of how long
  std::string student;                       ///< recorded in the results' context
  std::string out;                           ///< empty: results/<host>-<date>.json
  std::vector<std::string> benchmark_flags;  ///< after "--", passed on to Google Benchmark
};

/// The flags of Google Benchmark for `mode` ("quick", "thorough"; none for "plain").
std::vector<std::string> mode_flags(const std::string& mode);

/// A line per lesson of `run`: what its headline pair shows, a ratio or the counts.
std::string bench_summary(const bench_run& run);

/// Runs the benchmark executable next to `asynclab` (one lesson's with a lesson) and keeps its
/// JSON, with the course's commit, the student and the CPU in its context.
int bench_command(bench_options options);

/// `asynclab compare OLD.json NEW.json`: compare.py's table with a U test, then the lessons' ratios.
int compare_command(const std::string& old_file, const std::string& new_file);

/// `asynclab report [--format text|markdown|html] [--output FILE] FILE...`: the class report.
struct report_options {
  std::string format = "text";
  std::string output;              ///< empty: standard output
  std::vector<std::string> files;  ///< the students' results
};
int report_command(const report_options& options);

/// `asynclab chart FILE --lesson NN_name [--svg OUT] [--markdown OUT]`: one lesson's benchmark
/// results as a bar chart and a table, for its docs page.
struct chart_options {
  std::string file, lesson;
  std::string svg, markdown;  ///< where to write each; neither: the table on standard output
};
int chart_command(const chart_options& options);

}  // namespace asynclab::tool
