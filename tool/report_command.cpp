// `asynclab report [--format text|markdown|html] [--output FILE] FILE...`

#include "tool/bench_commands.hpp"
#include "tool/report.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace asynclab::tool {

namespace {

constexpr std::string_view usage =
    "Usage: asynclab report [--format text|markdown|html] [--output FILE] FILE...\n\n"
    "Many students' benchmark files in one view: a row per machine (student, host, CPU), a column per\n"
    "lesson with its pitfall/solution ratio, the class median and spread, the outliers marked with !.\n"
    "  --format   text for the terminal (the default), markdown, or html (a page with an SVG chart)\n"
    "  --output   write to FILE instead of the terminal\n"
    "Exit codes: 0 every file was used, 1 some file was left out (the report shows the rest), 2 bad command line.\n";

}  // namespace

int report(arguments args)
{
  std::string format = "text", output;
  std::vector<std::string> files;
  const auto rest = args.subspan(1);
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::string_view arg = rest[i];
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", usage);
      return 0;
    }
    if (arg == "--format" || arg == "--output") {
      if (i + 1 == rest.size()) {
        fmt::print(stderr, "asynclab report: {} needs a value (see asynclab report --help)\n", arg);
        return 2;
      }
      (arg == "--format" ? format : output) = rest[++i];
      continue;
    }
    if (arg.starts_with("-")) {
      fmt::print(stderr, "asynclab report: unknown option '{}' (see asynclab report --help)\n", arg);
      return 2;
    }
    files.emplace_back(arg);
  }
  if (format != "text" && format != "markdown" && format != "html") {
    fmt::print(stderr, "asynclab report: --format must be text, markdown or html (got '{}')\n", format);
    return 2;
  }
  if (files.empty()) {
    fmt::print(stderr, "asynclab report: no files given; pass the students' results/*.json\n");
    return 2;
  }

  std::vector<bench_run> runs;
  bool left_out = false;
  for (const auto& file : files) {
    auto read = read_bench_file(file);
    if (read.run) {
      runs.push_back(std::move(*read.run));
    } else {
      fmt::print(stderr, "asynclab report: {}\n", read.problem);
      left_out = true;
    }
  }
  if (runs.empty()) {
    fmt::print(stderr, "asynclab report: none of the {} file(s) could be read; no report\n", files.size());
    return 1;
  }

  const auto class_view = build_class_report(runs);
  for (const auto& problem : class_view.problems) fmt::print(stderr, "asynclab report: {}\n", problem);
  left_out = left_out || class_view.machines.size() < runs.size();

  const auto text = format == "html" ? report_html(class_view) : format == "markdown" ? report_markdown(class_view) : report_text(class_view);
  if (output.empty()) {
    fmt::print("{}", text);
  } else {
    std::ofstream out(output, std::ios::binary);
    out << text;
    if (!out.flush()) {
      fmt::print(stderr, "asynclab report: {}: cannot write it\n", output);
      return 1;
    }
    fmt::print("asynclab report: {} machine(s) written to {}\n", class_view.machines.size(), output);
  }
  return left_out ? 1 : 0;
}

}  // namespace asynclab::tool
