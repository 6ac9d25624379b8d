#pragma once
/// \file
/// One benchmark run, read from the JSON that Google Benchmark writes (`--benchmark_out`), with
/// the context `asynclab bench` adds: the course's commit, the compiler, the student.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace asynclab::tool {

/// Who ran the benchmarks, on what, with which build of the course.
struct run_context {
  std::string student;             ///< `STUDENT=...`; empty when none was given
  std::string host;                ///< Google Benchmark's `host_name`
  std::string cpu_model;           ///< `/proc/cpuinfo`'s model name, as `asynclab bench` recorded it
  int cpus = 0;                    ///< Google Benchmark's `num_cpus`
  std::string date;                ///< when the run started
  std::string course_commit;       ///< the course's git commit; empty when unknown
  bool course_modified = false;    ///< the checkout had local changes
  std::string compiler;            ///< e.g. "GNU 12.2.0"
  std::string build_type;          ///< the course's build: "Release", "Debug", ...
  std::string library_build_type;  ///< how Google Benchmark itself was built: Debian's says "debug"
  std::string mode;                ///< `asynclab bench --mode`: "quick", "thorough" or "plain"
};

/// One benchmark's measurements: one value per repetition, in seconds.
struct benchmark_times {
  std::string name;               ///< Google Benchmark's run name, e.g. "01_blocking_call/pitfall/tasks:10/real_time"
  std::string time_unit;          ///< the unit the benchmark reports in: "ns", "us", "ms" or "s"
  std::vector<double> real_time;  ///< wall time per iteration, one per repetition
  std::vector<double> cpu_time;   ///< CPU time per iteration, one per repetition
  /// The file kept only aggregates (`--benchmark_report_aggregates_only`): the one value above is
  /// Google Benchmark's median, and there are no repetitions for a U test.
  bool from_median_row = false;
  /// A lesson whose point is a count, not a time, gives its pitfall and solution benchmarks two
  /// user counters: `headline`, the count observed (one per repetition), and `headline_of`, out
  /// of how many; and a label that names what is counted ("bodies run"). Empty otherwise.
  std::vector<double> headline, headline_of;
  std::string label;
  /// The lesson's theory: how many times as long its pitfall should take, the `theory` counter
  /// (`theory` in benchmarks/pair.hpp), one per repetition. Empty when the lesson has none.
  std::vector<double> theory;
  /// What one operation costs, in seconds, when the benchmark divides its time itself (user
  /// counter `ns_each` in nanoseconds, or `per_start` in seconds); one per repetition, else empty.
  std::vector<double> each;

  /// The median of `real_time` (of the repetitions).
  double median_real_time() const;
  /// The median of `cpu_time`.
  double median_cpu_time() const;
};

/// One file of benchmark results.
struct bench_run {
  std::string file;                         ///< the path it was read from
  run_context context;                      ///< the machine and the build
  std::vector<benchmark_times> benchmarks;  ///< in the file's order

  /// The benchmark with this run name, or nullptr.
  const benchmark_times* find(std::string_view name) const;
  /// "alice on lab-pc-3" or just the host: how reports name this run's machine.
  std::string machine() const;
};

/// A run, or the one line that says why there is none.
struct bench_file_read {
  std::optional<bench_run> run;  ///< the run, when the file could be used
  std::string problem;           ///< otherwise: "<file>: <what is wrong>"
};

/// Reads a Google Benchmark JSON file. A missing file, malformed JSON or a file without
/// benchmarks gives a `problem` naming the file, never an exception.
bench_file_read read_bench_file(const std::string& path);

/// The same, from text already in memory; `file` names it in the problem.
bench_file_read parse_bench_json(std::string_view text, const std::string& file);

/// The median of `values` (the mean of the middle two for an even count); 0 when empty.
double median(std::vector<double> values);

/// Seconds in `unit` ("ns", "us", "ms", "s"; seconds for anything else).
double seconds_in(std::string_view unit);

}  // namespace asynclab::tool
