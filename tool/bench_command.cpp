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

namespace {

namespace fs = std::filesystem;

constexpr std::string_view usage =
    "Usage: asynclab bench [NN] [--mode quick|thorough|plain] [--student NAME] [--out FILE] [-- FLAGS]\n\n"
    "Runs the benchmarks (only lesson NN's with NN) and keeps Google Benchmark's JSON in\n"
    "results/<host>-<date>.json, for `asynclab compare` and `asynclab report`.\n"
    "  --mode     quick (the default): 9 repetitions of at least 0.05 s each, enough for the U test\n"
    "             thorough: 20 repetitions of at least 0.5 s each; plain: Google Benchmark's defaults\n"
    "  --student  your name, so that the class report can show your row (or ASYNCLAB_STUDENT=...)\n"
    "  --out      write the JSON there instead\n"
    "  -- FLAGS   more flags for Google Benchmark (asynclab_benchmarks --help); they come last and win\n"
    "ASYNCLAB_BENCH_MODE sets the default mode; `make bench MODE=... STUDENT=...` sets both.\n";

struct bench_options {
  std::string lesson;  // "01", or empty for every lesson
  std::string mode = "quick";
  std::string student;
  std::string out;
  std::vector<std::string> benchmark_flags;  // after "--", passed on as they are
};

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

// Fills `options` from the environment and the command line. Returns the exit code when the
// command is done already (0 after --help, 2 for a bad command line), or -1 to go on.
int parse(arguments args, bench_options& options)
{
  if (const char* mode = std::getenv("ASYNCLAB_BENCH_MODE"); mode && *mode) options.mode = mode;
  if (const char* student = std::getenv("ASYNCLAB_STUDENT")) options.student = student;
  const auto rest = args.subspan(1);
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::string_view arg = rest[i];
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", usage);
      return 0;
    }
    if (arg == "--") {
      options.benchmark_flags.assign(rest.begin() + static_cast<std::ptrdiff_t>(i) + 1, rest.end());
      break;
    }
    if (arg == "--mode" || arg == "--student" || arg == "--out") {
      if (i + 1 == rest.size()) {
        fmt::print(stderr, "asynclab bench: {} needs a value (see asynclab bench --help)\n", arg);
        return 2;
      }
      (arg == "--mode" ? options.mode : arg == "--student" ? options.student : options.out) = rest[++i];
    } else if (arg.size() == 2 && std::isdigit(static_cast<unsigned char>(arg[0])) && std::isdigit(static_cast<unsigned char>(arg[1])) &&
               options.lesson.empty()) {
      options.lesson = arg;
    } else {
      fmt::print(stderr, "asynclab bench: unexpected '{}'; give a lesson as two digits, e.g. 01 (see asynclab bench --help)\n", arg);
      return 2;
    }
  }
  if (options.mode != "quick" && options.mode != "thorough" && options.mode != "plain") {
    fmt::print(stderr, "asynclab bench: --mode must be quick, thorough or plain (got '{}')\n", options.mode);
    return 2;
  }
  return -1;
}

void print_summary(const std::string& out, const std::string& mode, double seconds)
{
  fmt::print("\nasynclab bench: {} mode took {:.1f} s; results in {}\n", mode, seconds, out);
  const auto read = read_bench_file(out);
  if (!read.run) return;
  for (const auto& lesson : ratios_of(*read.run)) {
    const auto& headline = lesson.pairs[lesson.headline];
    fmt::print("  {} ({}): the pitfall took {} as long as the solution\n", lesson.lesson, pair_label(headline.suffix),
               format_ratio(headline.ratio()));
  }
  if (read.run->context.library_build_type == "debug")
    fmt::print("Note: \"Library was built as DEBUG\" above is about Debian's Google Benchmark library (libbenchmark-dev is\n"
               "built that way), not about the course's code, which is a {} build.\n",
               read.run->context.build_type.empty() ? "release" : read.run->context.build_type);
}

}  // namespace

int bench(arguments args)
{
  bench_options options;
  if (const int exit_code = parse(args, options); exit_code >= 0) return exit_code;

  std::error_code error;
  const auto benchmarks = fs::read_symlink("/proc/self/exe", error).parent_path() / "asynclab_benchmarks";
  if (error || !fs::exists(benchmarks)) {
    fmt::print(stderr, "asynclab bench: {}: not found; build it first (cmake --build --preset release)\n", benchmarks.string());
    return 1;
  }

  const std::string source_dir = ASYNCLAB_SOURCE_DIR;
  const auto host = host_name();
  if (options.out.empty()) {
    char stamp[32] = {};
    const auto now = std::time(nullptr);
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H%M%S", std::localtime(&now));
    fs::create_directories(fs::path(source_dir) / "results", error);
    options.out = (fs::path(source_dir) / "results" / fmt::format("{}-{}.json", host, stamp)).string();
  }

  const auto commit = first_line_of({"git", "-C", source_dir, "rev-parse", "--short=12", "HEAD"});
  const bool modified = !first_line_of({"git", "-C", source_dir, "status", "--porcelain", "--untracked-files=no"}).empty();
  auto context = fmt::format("--benchmark_context=asynclab_mode={},asynclab_commit={},asynclab_modified={},cpu_model={}", options.mode,
                             commit.empty() ? "unknown" : commit, modified ? "yes" : "no", context_value(cpu_model()));
  if (!options.student.empty()) context += ",student=" + context_value(options.student);

  std::vector<std::string> command = {benchmarks.string(), "--benchmark_out=" + options.out, "--benchmark_out_format=json", context};
  for (auto& flag : mode_flags(options.mode)) command.push_back(std::move(flag));
  if (!options.lesson.empty()) command.push_back(fmt::format("--benchmark_filter=^{}_", options.lesson));
  command.insert(command.end(), options.benchmark_flags.begin(), options.benchmark_flags.end());

  // A lesson without benchmarks is a bad command line: say so in one line, before running anything.
  if (!options.lesson.empty() &&
      first_line_of({benchmarks.string(), "--benchmark_list_tests", "--benchmark_filter=^" + options.lesson + "_"})
          .empty()) {
    fmt::print(stderr, "asynclab bench: there are no benchmarks for lesson {} (see asynclab list)\n", options.lesson);
    return 2;
  }

  const auto start = std::chrono::steady_clock::now();
  const int exit_code = run_in_terminal(command);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  if (exit_code != 0) {
    fmt::print(stderr, "asynclab bench: {} failed (exit code {})\n", benchmarks.string(), exit_code);
    return 1;
  }
  print_summary(options.out, options.mode, took.count());
  return 0;
}

}  // namespace asynclab::tool
