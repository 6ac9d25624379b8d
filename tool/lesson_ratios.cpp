#include "tool/lesson_ratios.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>

namespace asynclab::tool {

namespace {

// "01_blocking_call/pitfall/tasks:10" -> lesson "01_blocking_call", role "pitfall", suffix "tasks:10".
struct name_parts {
  std::string lesson, role, suffix;
};

std::optional<name_parts> parts_of(const std::string& name)
{
  const auto first_slash = name.find('/');
  if (first_slash == std::string::npos || first_slash < 4) return std::nullopt;
  if (!std::isdigit(static_cast<unsigned char>(name[0])) || !std::isdigit(static_cast<unsigned char>(name[1])) || name[2] != '_')
    return std::nullopt;
  const auto second_slash = name.find('/', first_slash + 1);
  name_parts parts{.lesson = name.substr(0, first_slash), .role = name.substr(first_slash + 1, second_slash - first_slash - 1), .suffix = ""};
  if (second_slash != std::string::npos) parts.suffix = name.substr(second_slash + 1);
  return parts;
}

// The numbers after each ':' of a suffix: "tasks:100/delay_ms:5" -> {100, 5}.
std::vector<double> arguments_of(const std::string& suffix)
{
  std::vector<double> arguments;
  for (auto colon = suffix.find(':'); colon != std::string::npos; colon = suffix.find(':', colon + 1))
    arguments.push_back(std::strtod(suffix.c_str() + colon + 1, nullptr));
  return arguments;
}

std::optional<headline_count> count_of(const benchmark_times& times)
{
  if (times.headline.empty()) return std::nullopt;
  return headline_count{median(times.headline), median(times.headline_of), times.label};
}

// The theory the solution's rows record, else the pitfall's (a lesson may compute it from either).
std::optional<double> theory_of(const benchmark_times& pitfall, const benchmark_times& solution)
{
  if (!solution.theory.empty()) return median(solution.theory);
  if (!pitfall.theory.empty()) return median(pitfall.theory);
  return std::nullopt;
}

}  // namespace

double ratio_pair::ratio() const { return solution_seconds > 0 ? pitfall_seconds / solution_seconds : 0; }

std::vector<lesson_ratios> ratios_of(const bench_run& run)
{
  std::vector<lesson_ratios> lessons;
  for (const auto& pitfall : run.benchmarks) {
    const auto parts = parts_of(pitfall.name);
    if (!parts || parts->role != "pitfall") continue;
    const auto solution_name = parts->lesson + "/solution" + (parts->suffix.empty() ? "" : "/" + parts->suffix);
    const auto* solution = run.find(solution_name);
    if (!solution) continue;

    auto lesson = std::find_if(lessons.begin(), lessons.end(), [&](const auto& l) { return l.lesson == parts->lesson; });
    if (lesson == lessons.end()) {
      lessons.push_back({.lesson = parts->lesson, .pairs = {}, .headline = 0});
      lesson = std::prev(lessons.end());
    }
    lesson->pairs.push_back({.suffix = parts->suffix,
                             .pitfall_seconds = pitfall.median_real_time(),
                             .solution_seconds = solution->median_real_time(),
                             .pitfall_count = count_of(pitfall),
                             .solution_count = count_of(*solution),
                             .theory = theory_of(pitfall, *solution)});
  }
  for (auto& lesson : lessons)
    for (std::size_t i = 1; i < lesson.pairs.size(); ++i)
      if (arguments_of(lesson.pairs[i].suffix) > arguments_of(lesson.pairs[lesson.headline].suffix)) lesson.headline = i;
  return lessons;
}

std::string pair_label(const std::string& suffix)
{
  // Keep the arguments; drop what Google Benchmark adds about how it timed and repeated.
  std::string label;
  for (std::size_t start = 0; start <= suffix.size();) {
    const auto end = std::min(suffix.find('/', start), suffix.size());
    const auto part = std::string_view(suffix).substr(start, end - start);
    const bool timing = part == "real_time" || part == "process_time" || part == "manual_time" ||
                        part.starts_with("iterations:") || part.starts_with("min_time:") ||
                        part.starts_with("repeats:");
    if (!part.empty() && !timing) label += (label.empty() ? "" : "/") + std::string(part);
    start = end + 1;
  }
  return label.empty() ? "(no arguments)" : label;
}

std::string format_ratio(double ratio)
{
  if (ratio <= 0) return "n/a";
  // Three significant digits, judged after rounding: 99.96 is "100x", not "100.0x".
  const int decimals = ratio >= 99.95 ? 0 : ratio >= 9.995 ? 1 : 2;
  return fmt::format("{:.{}f}x", ratio, decimals);
}

std::string format_off(double ratio, double theory)
{
  if (ratio <= 0 || theory <= 0) return "n/a";
  const auto percent = std::lround((ratio / theory - 1) * 100);
  return percent == 0 ? "0%" : fmt::format("{:+}%", percent);
}

}  // namespace asynclab::tool

namespace asynclab::tool {

std::string format_count(const headline_count& count, bool with_what)
{
  auto text = fmt::format("{:g} of {:g}", count.seen, count.of);
  if (with_what && !count.what.empty()) text += " " + count.what;
  return text;
}

std::string pair_headline(const ratio_pair& pair)
{
  if (!pair.counted()) return format_ratio(pair.ratio());
  return fmt::format("pitfall {}, solution {}", format_count(*pair.pitfall_count),
                     format_count(*pair.solution_count, false));
}

}  // namespace asynclab::tool
