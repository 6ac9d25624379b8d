// `asynclab chart FILE --lesson NN_name --svg OUT.svg --markdown OUT.md`

#include "tool/bench_commands.hpp"
#include "tool/lesson_chart.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>

namespace asynclab::tool {
namespace {

constexpr std::string_view usage =
    "Usage: asynclab chart FILE --lesson NN_name [--svg OUT.svg] [--markdown OUT.md]\n\n"
    "Draws one lesson's benchmark results from FILE (Google Benchmark JSON): its pitfall/solution\n"
    "pairs as an SVG bar chart, and all of its numbers as a Markdown table. The docs build uses it.\n";

bool write(const std::string& path, const std::string& text)
{
  std::ofstream out(path);
  out << text;
  if (out) return true;
  fmt::print(stderr, "asynclab chart: cannot write to '{}': {}\n", path, std::strerror(errno));
  return false;
}

}  // namespace

int chart(arguments args)
{
  std::string file, lesson, svg_path, markdown_path;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", usage);
      return 0;
    }
    std::string* value = arg == "--lesson" ? &lesson : arg == "--svg" ? &svg_path : arg == "--markdown" ? &markdown_path : nullptr;
    if (value && i + 1 < args.size()) {
      *value = args[++i];
    } else if (value || arg.starts_with("-")) {
      fmt::print(stderr, "asynclab chart: {} '{}' (see asynclab chart --help)\n", value ? "missing value after" : "unknown option", arg);
      return 2;
    } else if (file.empty()) {
      file = arg;
    } else {
      fmt::print(stderr, "asynclab chart: one results file only (got '{}' and '{}')\n", file, arg);
      return 2;
    }
  }
  if (file.empty() || lesson.empty()) {
    fmt::print(stderr, "asynclab chart: needs a results FILE and --lesson NN_name (see asynclab chart --help)\n");
    return 2;
  }

  const auto read = read_bench_file(file);
  if (!read.run) {
    fmt::print(stderr, "asynclab chart: {}\n", read.problem);
    return 1;
  }
  if (!svg_path.empty() && !write(svg_path, lesson_chart_svg(*read.run, lesson))) return 1;
  if (!markdown_path.empty() && !write(markdown_path, lesson_chart_markdown(*read.run, lesson))) return 1;
  if (svg_path.empty() && markdown_path.empty()) fmt::print("{}", lesson_chart_markdown(*read.run, lesson));
  return 0;
}

}  // namespace asynclab::tool
