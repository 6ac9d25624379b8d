#pragma once
// Helpers for the tool's tests: Google Benchmark JSON built from a few numbers, scratch files,
// and running a command to see its exit code and output.

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tool_test {

/// One benchmark's repetitions, as Google Benchmark would write them.
struct fake_benchmark {
  std::string name;
  std::vector<double> real_times;  // in `unit`, one per repetition
  std::string unit = "ms";
  /// For a lesson whose point is a count: the `headline` and `headline_of` user counters, and
  /// the label that names what is counted.
  std::optional<double> headline = std::nullopt, headline_of = std::nullopt;
  std::string label = "";
  /// The lesson's theory, the `theory` counter the solution's rows of a pair carry.
  std::optional<double> theory = std::nullopt;
};

/// Google Benchmark JSON with these benchmarks (one iteration row per repetition, then the mean
/// aggregate, as --benchmark_repetitions writes them) and this context.
std::string benchmark_json(const std::vector<fake_benchmark>& benchmarks, const std::string& commit = "abc123",
                           const std::string& student = "alice", const std::string& host = "pc-1",
                           const std::string& date = "2026-11-22T10:00:00+00:00");

/// A scratch folder, removed when the test ends.
class scratch_folder {
 public:
  scratch_folder();
  ~scratch_folder();
  scratch_folder(const scratch_folder&) = delete;
  scratch_folder& operator=(const scratch_folder&) = delete;

  /// Writes `text` to `name` in the folder and returns its path.
  std::string write(const std::string& name, const std::string& text) const;
  /// The path of `name` in the folder.
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

std::string contents_of(const std::string& path);

/// What a command did.
struct command_result {
  int exit_code = -1;  ///< -1 when a signal ended it
  std::string out, err;
};

/// Runs `command` (no shell), capturing its standard output and error apart.
command_result run(const std::vector<std::string>& command);

/// Runs the asynclab command with these arguments.
command_result run_asynclab(std::vector<std::string> arguments);

/// How many lines `text` has.
std::size_t lines_in(const std::string& text);

/// How many times `part` occurs in `text`.
std::size_t count_of(const std::string& text, const std::string& part);

}  // namespace tool_test
