#include "tool/compare.hpp"

#include "lab/format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace asynclab::tool {

namespace {

// compare.py writes "_pvalue" after a name; its first column is wide enough for that.
constexpr std::string_view pvalue_suffix = "_pvalue";

// A time in the benchmark's unit with four significant digits; compare.py rounds to whole units,
// which shows a 5 ms benchmark as "5".
std::string format_time(double seconds, const std::string& unit)
{
  const double value = seconds / seconds_in(unit);
  return value >= 1000 ? fmt::format("{:.0f}", value) : fmt::format("{:.4g}", value);
}

std::string human_time(double seconds)
{
  return lab::human_duration(std::chrono::duration<double, std::nano>(seconds * 1e9));
}

// "-85.3%": a relative change as people read it.
std::string percent(double change) { return fmt::format("{:+.1f}%", change * 100); }

// The line under a row of compare.py's: its medians with their units and the change in percent,
// "    wall 518 ms -> 76.4 ms (-85.3%), CPU 12.1 ms -> 11.9 ms (-1.7%)".
std::string human_line(double old_real, double new_real, double old_cpu, double new_cpu)
{
  return fmt::format("    wall {} -> {} ({}), CPU {} -> {} ({})\n", human_time(old_real), human_time(new_real),
                     percent(relative_change(old_real, new_real)), human_time(old_cpu), human_time(new_cpu),
                     percent(relative_change(old_cpu, new_cpu)));
}

double log_sum(const std::vector<double>& values, std::size_t& count)
{
  double sum = 0;
  for (const double value : values)
    if (value > 0) {
      sum += std::log(value);
      ++count;
    }
  return sum;
}

const ratio_pair* find_pair(const std::vector<lesson_ratios>& lessons, const std::string& lesson, const std::string& suffix)
{
  for (const auto& candidate : lessons)
    if (candidate.lesson == lesson)
      for (const auto& pair : candidate.pairs)
        if (pair.suffix == suffix) return &pair;
  return nullptr;
}

std::string row_name(const compared_benchmark& compared)
{
  return std::max(compared.old_repetitions, compared.new_repetitions) > 1 ? compared.name + "_median" : compared.name;
}

// Every lesson of either run, the old run's first.
std::vector<const lesson_ratios*> lessons_of(const comparison& compared)
{
  std::vector<const lesson_ratios*> lessons;
  for (const auto& lesson : compared.old_ratios) lessons.push_back(&lesson);
  for (const auto& lesson : compared.new_ratios)
    if (std::none_of(lessons.begin(), lessons.end(), [&](const auto* known) { return known->lesson == lesson.lesson; }))
      lessons.push_back(&lesson);
  return lessons;
}

// A lesson whose point is a count: its headline pair's counts on each side, no ratio.
std::string count_rows(const comparison& compared, const lesson_ratios& lesson, std::size_t lesson_width)
{
  const auto& suffix = lesson.pairs[lesson.headline].suffix;
  const auto* old_pair = find_pair(compared.old_ratios, lesson.lesson, suffix);
  const auto* new_pair = find_pair(compared.new_ratios, lesson.lesson, suffix);
  return fmt::format("{:<{}}old: {}\n{:<{}}new: {}\n", lesson.lesson, lesson_width,
                     old_pair ? pair_headline(*old_pair) : "-", "", lesson_width,
                     new_pair ? pair_headline(*new_pair) : "-");
}

std::string ratio_rows(const comparison& compared, const lesson_ratios& lesson, std::size_t lesson_width,
                       std::size_t pair_width)
{
  std::string out;
  bool first = true;
  for (const auto& pair : lesson.pairs) {
    const auto* old_pair = find_pair(compared.old_ratios, lesson.lesson, pair.suffix);
    const auto* new_pair = find_pair(compared.new_ratios, lesson.lesson, pair.suffix);
    const bool headline = &pair == &lesson.pairs[lesson.headline];
    const auto change = old_pair && new_pair ? percent(relative_change(old_pair->ratio(), new_pair->ratio())) : "";
    const auto* theory_pair = new_pair && new_pair->theory ? new_pair : old_pair;
    const auto theory = theory_pair && theory_pair->theory ? format_ratio(*theory_pair->theory) : "-";
    out += fmt::format("{:<{}}{:<{}}{:>10}{:>10}{:>10}{:>10}\n", first ? lesson.lesson : "", lesson_width,
                       pair_label(pair.suffix) + (headline ? " *" : ""), pair_width,
                       old_pair ? format_ratio(old_pair->ratio()) : "-", new_pair ? format_ratio(new_pair->ratio()) : "-",
                       change, theory);
    first = false;
  }
  return out;
}

std::string ratio_section(const comparison& compared)
{
  const auto lessons = lessons_of(compared);
  if (lessons.empty()) return "\nNo lesson has both a pitfall and a solution benchmark in these files.\n";

  std::string out = "\nPitfall/solution ratios: the pitfall's median wall time over the solution's (* the headline pair, "
                    "the largest arguments),\nand the ratio the lesson's theory predicts (the new run's)\n";
  // Columns as wide as their longest entry, plus two spaces.
  std::size_t lesson_width = 6, pair_width = 4;
  for (const auto* lesson : lessons) {
    lesson_width = std::max(lesson_width, lesson->lesson.size());
    for (const auto& pair : lesson->pairs) pair_width = std::max(pair_width, pair_label(pair.suffix).size() + 2);
  }
  lesson_width += 2;
  pair_width += 2;
  out += fmt::format("{:<{}}{:<{}}{:>10}{:>10}{:>10}{:>10}\n", "lesson", lesson_width, "pair", pair_width, "old", "new",
                     "change", "theory");
  std::string counts;
  for (const auto* lesson : lessons)
    if (lesson->counted())
      counts += count_rows(compared, *lesson, lesson_width);
    else
      out += ratio_rows(compared, *lesson, lesson_width, pair_width);
  if (!counts.empty()) out += "\nLessons whose point is a count, not a time (no ratio):\n" + counts;
  return out;
}

// One benchmark in both runs: the medians, and a U test when both sides have enough repetitions.
compared_benchmark compared_row(const benchmark_times& old_times, const benchmark_times& new_times)
{
  compared_benchmark row{.name = old_times.name,
                         .time_unit = old_times.time_unit,
                         .old_real = old_times.median_real_time(),
                         .new_real = new_times.median_real_time(),
                         .old_cpu = old_times.median_cpu_time(),
                         .new_cpu = new_times.median_cpu_time(),
                         .old_repetitions = static_cast<int>(old_times.real_time.size()),
                         .new_repetitions = static_cast<int>(new_times.real_time.size()),
                         .real_u_test = std::nullopt,
                         .cpu_u_test = std::nullopt};
  if (std::min(row.old_repetitions, row.new_repetitions) >= u_test_min_repetitions && !old_times.from_median_row &&
      !new_times.from_median_row) {
    row.real_u_test = mann_whitney_u(old_times.real_time, new_times.real_time);
    row.cpu_u_test = mann_whitney_u(old_times.cpu_time, new_times.cpu_time);
  }
  return row;
}

}  // namespace

double relative_change(double old_value, double new_value)
{
  if (old_value == 0 && new_value == 0) return 0;
  if (old_value == 0) return (new_value - old_value) / ((old_value + new_value) / 2);
  return (new_value - old_value) / std::abs(old_value);
}

comparison compare_runs(const bench_run& old_run, const bench_run& new_run)
{
  comparison compared;
  std::size_t old_count = 0, new_count = 0, old_cpu_count = 0, new_cpu_count = 0;
  double old_real_logs = 0, new_real_logs = 0, old_cpu_logs = 0, new_cpu_logs = 0;

  for (const auto& old_times : old_run.benchmarks) {
    const auto* new_times = new_run.find(old_times.name);
    if (!new_times) {
      compared.only_in_old.push_back(old_times.name);
      continue;
    }
    compared.benchmarks.push_back(compared_row(old_times, *new_times));

    old_real_logs += log_sum(old_times.real_time, old_count);
    new_real_logs += log_sum(new_times->real_time, new_count);
    old_cpu_logs += log_sum(old_times.cpu_time, old_cpu_count);
    new_cpu_logs += log_sum(new_times->cpu_time, new_cpu_count);
  }
  for (const auto& new_times : new_run.benchmarks)
    if (!old_run.find(new_times.name)) compared.only_in_new.push_back(new_times.name);

  auto geomean = [](double logs, std::size_t count) { return count ? std::exp(logs / static_cast<double>(count)) : 0.0; };
  compared.old_real_geomean = geomean(old_real_logs, old_count);
  compared.new_real_geomean = geomean(new_real_logs, new_count);
  compared.old_cpu_geomean = geomean(old_cpu_logs, old_cpu_count);
  compared.new_cpu_geomean = geomean(new_cpu_logs, new_cpu_count);
  compared.old_ratios = ratios_of(old_run);
  compared.new_ratios = ratios_of(new_run);
  return compared;
}

std::vector<std::string> comparison_notes(const comparison& compared, const bench_run& old_run, const bench_run& new_run)
{
  std::vector<std::string> notes;
  const auto& old_commit = old_run.context.course_commit;
  const auto& new_commit = new_run.context.course_commit;
  if (!old_commit.empty() && !new_commit.empty() && old_commit != new_commit)
    notes.push_back(fmt::format("{}: a different course version ({}) from {} ({}); a benchmark may measure other code", new_run.file,
                                new_commit, old_run.file, old_commit));
  auto list = [](const std::vector<std::string>& names) {
    std::string listed;
    for (std::size_t i = 0; i < names.size() && i < 3; ++i) listed += (i ? ", " : "") + names[i];
    return names.size() > 3 ? fmt::format("{}, and {} more", listed, names.size() - 3) : listed;
  };
  if (!compared.only_in_old.empty())
    notes.push_back(fmt::format("{}: lacks {} benchmark(s) of {}, left out: {}", new_run.file, compared.only_in_old.size(),
                                old_run.file, list(compared.only_in_old)));
  if (!compared.only_in_new.empty())
    notes.push_back(fmt::format("{}: lacks {} benchmark(s) of {}, left out: {}", old_run.file, compared.only_in_new.size(),
                                new_run.file, list(compared.only_in_new)));
  return notes;
}

std::string format_comparison(const comparison& compared, const bench_run& old_run, const bench_run& new_run)
{
  std::size_t longest = std::string_view("OVERALL_GEOMEAN").size();
  for (const auto& row : compared.benchmarks) longest = std::max(longest, row_name(row).size());
  const auto width = longest + pvalue_suffix.size();

  std::string out = fmt::format("Comparing {} ({}) to {} ({})\n", old_run.file, old_run.machine(), new_run.file, new_run.machine());
  const auto header = fmt::format("{:<{}}Time             CPU      Time Old      Time New       CPU Old       CPU New", "Benchmark", width + 12);
  out += header + "\n" + std::string(header.size(), '-') + "\n";

  bool unreliable = false;
  for (const auto& row : compared.benchmarks) {
    out += fmt::format("{:<{}}{:+16.4f}{:+16.4f}{:>14}{:>14}{:>14}{:>14}\n", row_name(row), width,
                       relative_change(row.old_real, row.new_real), relative_change(row.old_cpu, row.new_cpu),
                       format_time(row.old_real, row.time_unit), format_time(row.new_real, row.time_unit),
                       format_time(row.old_cpu, row.time_unit), format_time(row.new_cpu, row.time_unit));
    out += human_line(row.old_real, row.new_real, row.old_cpu, row.new_cpu);
    if (!row.real_u_test) continue;
    auto description = fmt::format("U Test, Repetitions: {} vs {}", row.old_repetitions, row.new_repetitions);
    if (std::min(row.old_repetitions, row.new_repetitions) < u_test_recommended_repetitions) {
      description += fmt::format(". WARNING: Results unreliable! {}+ repetitions recommended.", u_test_recommended_repetitions);
      unreliable = true;
    }
    out += fmt::format("{:<{}}{:16.4f}{:16.4f}      {}\n", row.name + std::string(pvalue_suffix), width, row.real_u_test->p_value,
                       row.cpu_u_test->p_value, description);
  }
  if (!compared.benchmarks.empty())
    out += fmt::format("{:<{}}{:+16.4f}{:+16.4f}{:>14}{:>14}{:>14}{:>14}\n", "OVERALL_GEOMEAN", width,
                       relative_change(compared.old_real_geomean, compared.new_real_geomean),
                       relative_change(compared.old_cpu_geomean, compared.new_cpu_geomean),
                       format_time(compared.old_real_geomean, "s"), format_time(compared.new_real_geomean, "s"),
                       format_time(compared.old_cpu_geomean, "s"), format_time(compared.new_cpu_geomean, "s"));
  if (!compared.benchmarks.empty())
    out += human_line(compared.old_real_geomean, compared.new_real_geomean, compared.old_cpu_geomean,
                      compared.new_cpu_geomean);
  out += "\nTime and CPU: (new - old) / |old| of the medians over the repetitions, as a fraction (-0.5: half the\n"
         "time); Time Old/New, CPU Old/New: in each benchmark's own unit, OVERALL_GEOMEAN in seconds; the line\n"
         "under each row says the same with units and in percent. _pvalue: two-sided Mann-Whitney U test\n"
         "(normal approximation, tie and continuity corrections), wall time then CPU time; below 0.05 the two runs differ.\n"
         "OVERALL_GEOMEAN: geometric mean of every repetition of the shared benchmarks.\n";
  if (unreliable)
    out += fmt::format("Fewer than {} repetitions: the U test cannot tell much apart; `make bench` (MODE=quick) runs {}.\n",
                       u_test_recommended_repetitions, u_test_recommended_repetitions);
  return out + ratio_section(compared);
}

}  // namespace asynclab::tool
