// `asynclab chart FILE --lesson NN_name --svg OUT.svg --markdown OUT.md`

#include "tool/bench_commands.hpp"
#include "tool/lesson_chart.hpp"
#include "tool/lesson_ratios.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace asynclab::tool {
namespace {

bool write(const std::string& path, const std::string& text)
{
  std::ofstream out(path);
  out << text;
  if (out) return true;
  fmt::print(stderr, "asynclab chart: cannot write to '{}': {}\n", path, std::strerror(errno));
  return false;
}

}  // namespace

int chart_command(const chart_options& options)
{
  const auto read = read_bench_file(options.file);
  if (!read.run) {
    fmt::print(stderr, "asynclab chart: {}\n", read.problem);
    return 1;
  }
  const auto lessons = ratios_of(*read.run);
  const auto* lesson = find_lesson_ratios(lessons, options.lesson);
  if (!lesson) {
    std::string present;
    for (const auto& known : lessons) present += (present.empty() ? "" : ", ") + known.lesson;
    fmt::print(stderr, "asynclab chart: {} has no pitfall/solution pair of lesson {} ({})\n", options.file,
               options.lesson, present.empty() ? "it has none" : "it has " + present);
    return 2;
  }
  if (!options.svg.empty() && !write(options.svg, lesson_chart_svg(*lesson))) return 1;
  if (!options.markdown.empty() && !write(options.markdown, lesson_chart_markdown(*read.run, *lesson))) return 1;
  if (options.svg.empty() && options.markdown.empty()) fmt::print("{}", lesson_chart_markdown(*read.run, *lesson));
  return 0;
}

}  // namespace asynclab::tool
