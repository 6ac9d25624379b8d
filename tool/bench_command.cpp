// `asynclab bench [NN]`: runs the benchmark executable that sits next to `asynclab` and keeps its
// JSON in results/, with what a class needs to compare files in the context: the course's commit,
// the student's name, the CPU. The executable itself adds the compiler and the build type.

#include "tool/bench_commands.hpp"
#include "tool/bench_results.hpp"
#include "tool/lesson_ratios.hpp"
#include "tool/process.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace asynclab::tool {

namespace fs = std::filesystem;


std::vector<std::string> mode_flags(const std::string& mode)
{
  if (mode == "quick")
    return {"--benchmark_min_time=0.05", "--benchmark_repetitions=9", "--benchmark_report_aggregates_only=false",
            "--benchmark_display_aggregates_only=true"};
  if (mode == "thorough")
    return {"--benchmark_min_time=0.5", "--benchmark_repetitions=20", "--benchmark_report_aggregates_only=false",
            "--benchmark_display_aggregates_only=true"};
  return {};
}

namespace {

// The first line of a command's standard output, or "" when it fails.
std::string first_line_of(const std::vector<std::string>& command)
{
  const auto ran = run_captured(command, std::chrono::seconds(60), error_stream::apart);
  if (ran.status() != 0) return {};
  return ran.output.substr(0, ran.output.find_first_of("\r\n"));
}

std::string cpu_model()
{
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);)
    if (line.starts_with("model name")) {
      const auto colon = line.find(':');
      return colon == std::string::npos ? std::string{} : line.substr(line.find_first_not_of(' ', colon + 1));
    }
  return {};
}

std::string host_name()
{
  char name[256] = {};
  return gethostname(name, sizeof name - 1) == 0 ? std::string(name) : std::string("unknown-host");
}

// --benchmark_context splits its value at ',' and '=': keep them out of the values.
std::string context_value(std::string_view value)
{
  std::string kept;
  for (const char c : value) {
    if (c == '=') kept += '-';
    if (c != ',' && c != '=') kept += c;
  }
  return kept;
}

void print_summary(const std::string& out, const std::string& mode, double seconds)
{
  fmt::print("\nasynclab bench: {} mode took {:.1f} s; results in {}\n", mode, seconds, out);
  const auto read = read_bench_file(out);
  if (!read.run) return;
  fmt::print("{}", bench_summary(*read.run));
  if (read.run->context.library_build_type == "debug")
    fmt::print("Note: \"Library was built as DEBUG\" above is about Debian's Google Benchmark library (libbenchmark-dev is\n"
               "built that way), not about the course's code, which is a {} build.\n",
               read.run->context.build_type.empty() ? "release" : read.run->context.build_type);
}


// results/<host>-<date>.json in the course's folder.
std::string default_results_file()
{
  char stamp[32] = {};
  const auto now = std::time(nullptr);
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H%M%S", std::localtime(&now));
  const auto folder = fs::path(ASYNCLAB_SOURCE_DIR) / "results";
  std::error_code ignored;  // the benchmark executable says so when it cannot write there
  fs::create_directories(folder, ignored);
  return (folder / fmt::format("{}-{}.json", host_name(), stamp)).string();
}

// --benchmark_context: what a class needs to compare files.
std::string context_flag(const bench_options& options)
{
  const std::string source_dir = ASYNCLAB_SOURCE_DIR;
  const auto commit = first_line_of({"git", "-C", source_dir, "rev-parse", "--short=12", "HEAD"});
  const bool modified =
      !first_line_of({"git", "-C", source_dir, "status", "--porcelain", "--untracked-files=no"}).empty();
  auto context = fmt::format("--benchmark_context=asynclab_mode={},asynclab_commit={},asynclab_modified={},cpu_model={}",
                             options.mode, commit.empty() ? "unknown" : commit, modified ? "yes" : "no",
                             context_value(cpu_model()));
  if (!options.student.empty()) context += ",student=" + context_value(options.student);
  return context;
}

std::vector<std::string> benchmark_command(const fs::path& benchmarks, const bench_options& options)
{
  std::vector<std::string> command = {benchmarks.string(), "--benchmark_out=" + options.out,
                                      "--benchmark_out_format=json", context_flag(options)};
  for (auto& flag : mode_flags(options.mode)) command.push_back(std::move(flag));
  if (!options.lesson.empty()) command.push_back(fmt::format("--benchmark_filter=^{}_", options.lesson));
  command.insert(command.end(), options.benchmark_flags.begin(), options.benchmark_flags.end());
  return command;
}

bool has_benchmarks(const fs::path& benchmarks, const std::string& lesson)
{
  return !first_line_of({benchmarks.string(), "--benchmark_list_tests", "--benchmark_filter=^" + lesson + "_"}).empty();
}

}  // namespace

std::string bench_summary(const bench_run& run)
{
  std::string summary;
  for (const auto& lesson : ratios_of(run)) {
    const auto& headline = lesson.pairs[lesson.headline];
    if (headline.counted())
      summary += fmt::format("  {}: {}\n", lesson.lesson, pair_headline(headline));
    else
      summary += fmt::format("  {} ({}): the pitfall took {} as long as the solution{}\n", lesson.lesson,
                             pair_label(headline.suffix), format_ratio(headline.ratio()),
                             headline.theory ? fmt::format(" (theory: {})", format_ratio(*headline.theory)) : "");
  }
  return summary;
}

int bench_command(bench_options options)
{
  std::error_code error;
  const auto benchmarks = fs::read_symlink("/proc/self/exe", error).parent_path() / "asynclab_benchmarks";
  if (error || !fs::exists(benchmarks)) {
    fmt::print(stderr, "asynclab bench: {}: not found; build it first (cmake --build --preset release)\n",
               benchmarks.string());
    return 1;
  }
  // A lesson without benchmarks is a bad command line: say so in one line, before running anything.
  if (!options.lesson.empty() && !has_benchmarks(benchmarks, options.lesson)) {
    fmt::print(stderr, "asynclab bench: there are no benchmarks for lesson {} (see asynclab list)\n", options.lesson);
    return 2;
  }
  if (options.out.empty()) options.out = default_results_file();

  const auto start = std::chrono::steady_clock::now();
  const int exit_code = run_in_terminal(benchmark_command(benchmarks, options));
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  if (exit_code != 0) {
    fmt::print(stderr, "asynclab bench: {} failed (exit code {})\n", benchmarks.string(), exit_code);
    return 1;
  }
  print_summary(options.out, options.mode, took.count());
  return 0;
}

}  // namespace asynclab::tool
