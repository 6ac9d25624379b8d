// `asynclab compare OLD.json NEW.json`

#include "tool/bench_commands.hpp"
#include "tool/compare.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace asynclab::tool {

namespace {

constexpr std::string_view usage =
    "Usage: asynclab compare OLD.json NEW.json\n\n"
    "Shows two benchmark runs side by side with the columns of Google Benchmark's compare.py:\n"
    "the relative change of wall and CPU time, both medians, a two-sided Mann-Whitney U test on the\n"
    "repetitions, the geometric mean; then each lesson's pitfall/solution ratio on both sides.\n"
    "Files come from `make bench` or `asynclab bench` (results/<host>-<date>.json).\n";

}  // namespace

int compare(arguments args)
{
  std::vector<std::string> files;
  for (std::string_view arg : args.subspan(1)) {
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", usage);
      return 0;
    }
    if (arg.starts_with("-")) {
      fmt::print(stderr, "asynclab compare: unknown option '{}' (see asynclab compare --help)\n", arg);
      return 2;
    }
    files.emplace_back(arg);
  }
  if (files.size() != 2) {
    fmt::print(stderr, "asynclab compare: needs two files, OLD.json and NEW.json (got {})\n", files.size());
    return 2;
  }

  auto old_read = read_bench_file(files[0]);
  auto new_read = read_bench_file(files[1]);
  for (const auto* read : {&old_read, &new_read})
    if (!read->run) fmt::print(stderr, "asynclab compare: {}\n", read->problem);
  if (!old_read.run || !new_read.run) return 1;

  const auto compared = compare_runs(*old_read.run, *new_read.run);
  for (const auto& note : comparison_notes(compared, *old_read.run, *new_read.run)) fmt::print(stderr, "asynclab compare: {}\n", note);
  fmt::print("{}", format_comparison(compared, *old_read.run, *new_read.run));
  for (const auto* run : {&*old_read.run, &*new_read.run})
    if (run->context.library_build_type == "debug") {
      fmt::print("\nNote: Google Benchmark's \"Library was built as DEBUG\" warning is about Debian's libbenchmark, not about the\n"
                 "course's code (built as {}).\n",
                 run->context.build_type.empty() ? "unknown" : run->context.build_type);
      break;
    }
  return 0;
}

}  // namespace asynclab::tool
