// `asynclab report [--format text|markdown|html] [--output FILE] FILE...`

#include "tool/bench_commands.hpp"
#include "tool/class_report.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>

namespace asynclab::tool {
namespace {

/// The runs that could be read; one line on standard error for each file left out.
std::vector<bench_run> readable_runs(const std::vector<std::string>& files, bool& left_out)
{
  std::vector<bench_run> runs;
  for (const auto& file : files) {
    auto read = read_bench_file(file);
    if (read.run) {
      runs.push_back(std::move(*read.run));
    } else {
      fmt::print(stderr, "asynclab report: {}\n", read.problem);
      left_out = true;
    }
  }
  return runs;
}

std::string formatted(const class_report& report, const std::string& format)
{
  if (format == "html") return report_html(report);
  if (format == "markdown") return report_markdown(report);
  return report_text(report);
}

/// Writes `text` to `output`, or to standard output when it is empty. \returns false on failure.
bool write_out(const std::string& text, const std::string& output, std::size_t machines)
{
  if (output.empty()) {
    fmt::print("{}", text);
    return true;
  }
  std::ofstream out(output, std::ios::binary);
  out << text;
  if (!out.flush()) {
    fmt::print(stderr, "asynclab report: {}: cannot write it\n", output);
    return false;
  }
  fmt::print("asynclab report: {} machine(s) written to {}\n", machines, output);
  return true;
}

}  // namespace

int report_command(const report_options& options)
{
  bool left_out = false;
  const auto runs = readable_runs(options.files, left_out);
  if (runs.empty()) {
    fmt::print(stderr, "asynclab report: none of the {} file(s) could be read; no report\n", options.files.size());
    return 1;
  }
  const auto report = build_class_report(runs);
  for (const auto& problem : report.problems) fmt::print(stderr, "asynclab report: {}\n", problem);
  left_out = left_out || report.machines.size() < runs.size();
  if (!write_out(formatted(report, options.format), options.output, report.machines.size())) return 1;
  return left_out ? 1 : 0;
}

}  // namespace asynclab::tool
