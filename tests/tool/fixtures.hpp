#pragma once
// Helpers for the benchmark tools' tests: Google Benchmark JSON written by hand, scratch files,
// and running a command to see its exit code and output.

#include <fmt/format.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tool_test {

/// One benchmark's repetitions, as Google Benchmark would write them.
struct fake_benchmark {
  std::string name;
  std::vector<double> real_times;  // in `unit`, one per repetition
  std::string unit = "ms";
};

/// Google Benchmark JSON with these benchmarks (one iteration row per repetition, then the mean
/// and median aggregates, as --benchmark_repetitions writes them) and this context.
inline std::string benchmark_json(const std::vector<fake_benchmark>& benchmarks, const std::string& commit = "abc123",
                                  const std::string& student = "alice", const std::string& host = "pc-1")
{
  std::string rows;
  for (const auto& benchmark : benchmarks) {
    double sum = 0;
    for (const double real : benchmark.real_times) {
      rows += fmt::format(R"({{"name": "{0}", "run_name": "{0}", "run_type": "iteration", "repetitions": {1}, "iterations": 10,
  "real_time": {2}, "cpu_time": {3}, "time_unit": "{4}"}},
)",
                          benchmark.name, benchmark.real_times.size(), real, real / 10, benchmark.unit);
      sum += real;
    }
    const double mean = sum / static_cast<double>(benchmark.real_times.size());
    rows += fmt::format(R"({{"name": "{0}_mean", "run_name": "{0}", "run_type": "aggregate", "aggregate_name": "mean",
  "real_time": {1}, "cpu_time": {2}, "time_unit": "{3}"}},
)",
                        benchmark.name, mean, mean / 10, benchmark.unit);
  }
  if (!rows.empty()) rows.resize(rows.size() - 2);  // the last ",\n"
  return fmt::format(R"({{
  "context": {{"date": "2026-11-22T10:00:00+00:00", "host_name": "{}", "num_cpus": 4, "library_build_type": "debug",
               "asynclab_commit": "{}", "student": "{}", "cpu_model": "Test CPU", "asynclab_build_type": "Release"}},
  "benchmarks": [
{}
  ]
}}
)",
                     host, commit, student, rows);
}

/// A scratch folder, removed when the test ends.
class scratch_folder {
 public:
  scratch_folder()
      : path_(std::filesystem::temp_directory_path() / fmt::format("asynclab_tool_test_{}_{}", getpid(), counter()++))
  {
    std::filesystem::create_directories(path_);
  }
  ~scratch_folder() { std::filesystem::remove_all(path_); }
  scratch_folder(const scratch_folder&) = delete;
  scratch_folder& operator=(const scratch_folder&) = delete;

  /// Writes `text` to `name` in the folder and returns its path.
  std::string write(const std::string& name, const std::string& text) const
  {
    const auto file = path_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
  /// The path of `name` in the folder.
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  static int& counter()
  {
    static int next = 0;
    return next;
  }
  std::filesystem::path path_;
};

inline std::string contents_of(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// What a command did.
struct command_result {
  int exit_code = -1;
  std::string out, err;
};

/// Runs `command` through the shell, capturing its standard output and error.
inline command_result run(const std::string& command, const scratch_folder& scratch)
{
  const auto out = scratch.path("stdout.txt"), err = scratch.path("stderr.txt");
  const int status = std::system(fmt::format("{} > '{}' 2> '{}'", command, out, err).c_str());
  return {.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1, .out = contents_of(out), .err = contents_of(err)};
}

}  // namespace tool_test
