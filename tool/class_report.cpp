#include "tool/class_report.hpp"

#include "tool/lesson_ratios.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

namespace asynclab::tool {

namespace {

// Linear interpolation between the closest ranks (numpy's default, R's type 7).
double quantile(std::vector<double> values, double fraction)
{
  std::sort(values.begin(), values.end());
  const double position = fraction * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const auto above = std::min(below + 1, values.size() - 1);
  return values[below] + (values[above] - values[below]) * (position - static_cast<double>(below));
}

std::string most_common_commit(const std::vector<bench_run>& runs)
{
  std::map<std::string, int> counts;
  for (const auto& run : runs)
    if (!run.context.course_commit.empty()) ++counts[run.context.course_commit];
  std::string common;
  int most = 0;
  for (const auto& [commit, count] : counts)
    if (count > most) std::tie(common, most) = std::tie(commit, count);
  return common;
}

const ratio_pair* pair_for(const std::vector<lesson_ratios>& lessons, const lesson_column& column)
{
  for (const auto& lesson : lessons)
    if (lesson.lesson == column.lesson)
      for (const auto& pair : lesson.pairs)
        if (pair.suffix == column.suffix) return &pair;
  return nullptr;
}

std::optional<double> ratio_for(const std::vector<lesson_ratios>& lessons, const lesson_column& column)
{
  const auto* pair = pair_for(lessons, column);
  if (pair && pair->ratio() > 0) return pair->ratio();
  return std::nullopt;
}

// "0 vs 10 of 10": the pitfall's count against the solution's, for a counted column.
std::string count_for(const std::vector<lesson_ratios>& lessons, const lesson_column& column)
{
  for (const auto& lesson : lessons)
    if (lesson.lesson == column.lesson)
      for (const auto& pair : lesson.pairs)
        if (pair.suffix == column.suffix && pair.counted())
          return fmt::format("{:g} vs {}", pair.pitfall_count->seen, format_count(*pair.solution_count, false));
  return {};
}

std::string cpu_of(const run_context& context)
{
  const auto model = context.cpu_model.empty() ? std::string("unknown CPU") : context.cpu_model;
  return context.cpus > 0 ? fmt::format("{}, {} CPUs", model, context.cpus) : model;
}

// The fences outside which a ratio is an outlier, on a log scale; none below 3 machines. The
// quartiles of 3 values are too wide to fence anything, so 3 machines are fenced at half and
// twice their median instead.
std::optional<std::pair<double, double>> fences_of(const std::vector<double>& logs)
{
  if (logs.size() < 3) return std::nullopt;
  if (logs.size() == 3) {
    const double middle = quantile(logs, 0.5);
    return std::pair{middle - std::log(2.0), middle + std::log(2.0)};
  }
  const double q1 = quantile(logs, 0.25), q3 = quantile(logs, 0.75);
  const double reach = std::max(1.5 * (q3 - q1), std::log(1.25));
  return std::pair{q1 - reach, q3 + reach};
}

void mark_outliers(class_report& report, std::size_t column)
{
  std::vector<double> logs;
  for (const auto& machine : report.machines)
    if (machine.ratios[column]) logs.push_back(std::log(*machine.ratios[column]));
  const auto fences = fences_of(logs);
  if (!fences) return;
  for (auto& machine : report.machines)
    if (machine.ratios[column]) {
      const double value = std::log(*machine.ratios[column]);
      machine.outliers[column] = value < fences->first || value > fences->second;
    }
}

bool any_outlier(const class_report& report)
{
  return std::any_of(report.machines.begin(), report.machines.end(), [](const auto& machine) {
    return std::find(machine.outliers.begin(), machine.outliers.end(), true) != machine.outliers.end();
  });
}

// "98.5x -2%": the ratio and how far it is from the machine's theory, "!" when an outlier.
std::string cell(const machine_row& machine, std::size_t column)
{
  if (!machine.counts[column].empty()) return machine.counts[column];
  if (!machine.ratios[column]) return "-";
  auto text = format_ratio(*machine.ratios[column]);
  if (machine.theories[column]) text += " " + format_off(*machine.ratios[column], *machine.theories[column]);
  return text + (machine.outliers[column] ? " !" : "");
}

// "20.0x", or "84.1x-88.0x" when the theory took in what each machine measured.
std::string theory_of(const lesson_column& column)
{
  if (!column.theory_low) return "-";
  const auto low = format_ratio(*column.theory_low), high = format_ratio(*column.theory_high);
  return low == high ? low : low + "-" + high;
}

std::string header_of(const lesson_column& column)
{
  return fmt::format("{} ({})", column.lesson, column.counted ? *column.counted : pair_label(column.suffix));
}

std::string spread_of(const lesson_column& column)
{
  return column.machines ? fmt::format("{}-{}", format_ratio(column.lower_quartile), format_ratio(column.upper_quartile)) : "-";
}


std::string html_escaped(std::string_view text)
{
  std::string out;
  for (const char c : text) switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  return out;
}

std::string markdown_escaped(std::string_view text)
{
  std::string out;
  for (const char c : text) {
    if (c == '|' || c == '*' || c == '_' || c == '`') out += '\\';
    out += c;
  }
  return out;
}

constexpr std::string_view explanation =
    "Each cell: the pitfall's median wall time over the solution's, for the lesson's largest arguments,\n"
    "then how far it is from the lesson's theory on that machine (the theory row: what it predicts);\n"
    "for a lesson whose point is a count, the pitfall's count vs the solution's, of how many.\n"
    "Absolute times differ from laptop to laptop; these ratios should not.\n";
constexpr std::string_view outlier_note =
    "! an outlier: far from the rest of the class (on a log scale: Tukey's fences from 4 machines on,\n"
    "half or twice the median with 3).\n";

// The outliers' legend, when there is one to explain.
std::string outlier_note_of(const class_report& report)
{
  return any_outlier(report) ? std::string(outlier_note) : std::string();
}

// The chart's geometry: a log axis of ratios across, one strip per lesson with ratios down.
struct chart_frame {
  static constexpr int left = 260, right = 40, width = 1000, strip = 130, top = 40;
  double log_low = 0, log_high = 0;
  int strips = 0;

  double x_of(double ratio) const
  {
    return left + (std::log10(ratio) - log_low) / (log_high - log_low) * (width - left - right);
  }
  int axis_y() const { return top + strip * strips; }
};

chart_frame frame_of(const class_report& report)
{
  double low = 1, high = 1;
  for (const auto& machine : report.machines)
    for (const auto& values : {machine.ratios, machine.theories})
      for (const auto& value : values)
        if (value) {
          low = std::min(low, *value);
          high = std::max(high, *value);
        }
  const auto strips = std::count_if(report.lessons.begin(), report.lessons.end(), [](const auto& c) { return !c.counted; });
  return {.log_low = std::log10(low) - 0.15, .log_high = std::log10(high) + 0.15, .strips = static_cast<int>(strips)};
}

// Gridlines at 1, 2 and 5 times each power of ten, and the axis's title.
std::string chart_axis(const chart_frame& frame)
{
  std::string svg;
  for (int decade = static_cast<int>(std::floor(frame.log_low)); decade <= static_cast<int>(std::ceil(frame.log_high)); ++decade)
    for (const double step : {1.0, 2.0, 5.0}) {
      const double tick = step * std::pow(10.0, decade);
      if (std::log10(tick) < frame.log_low || std::log10(tick) > frame.log_high) continue;
      const double x = frame.x_of(tick);
      svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"{3}\" stroke-dasharray=\"{4}\"/>\n", x,
                         frame.top, frame.axis_y(), tick == 1 ? "#555" : "#ddd", tick == 1 ? "6,4" : "none");
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}x</text>\n", x, frame.axis_y() + 24, tick);
    }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">pitfall / solution (log scale; 1x: no "
                     "difference)</text>\n",
                     (frame.left + frame.width - frame.right) / 2, frame.axis_y() + 46);
  return svg;
}

std::string who_of(const machine_row& machine) { return machine.student.empty() ? machine.host : machine.student; }

// Up to this many machines, each dot carries its name; beyond, its row number, with a key beside
// the chart.
constexpr std::size_t named_dots = 8;

// One dot per machine, red when it is an outlier, each labelled so that a student finds their own
// on a projector: by name in a small class, else by number. In the order of their ratios, labels
// alternate above and below the dots, so that neighbours do not overlap.
std::string chart_dots(const class_report& report, std::size_t column, const chart_frame& frame, int middle)
{
  std::vector<std::size_t> order;
  for (std::size_t m = 0; m < report.machines.size(); ++m)
    if (report.machines[m].ratios[column]) order.push_back(m);
  std::sort(order.begin(), order.end(),
            [&](auto a, auto b) { return *report.machines[a].ratios[column] < *report.machines[b].ratios[column]; });
  const bool named = report.machines.size() <= named_dots;
  std::string svg;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto& machine = report.machines[order[k]];
    const auto colour = machine.outliers[column] ? "#d62728" : "#333";
    const double x = frame.x_of(*machine.ratios[column]);
    svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{}\" r=\"8\" fill=\"{}\" fill-opacity=\"0.7\"><title>{}: {}</title></circle>\n", x,
                       middle, colour, html_escaped(who_of(machine)), format_ratio(*machine.ratios[column]));
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"15\" fill=\"{}\">{}</text>\n", x,
                       k % 2 == 0 ? middle - 14 : middle + 27, colour,
                       named ? html_escaped(who_of(machine)) : std::to_string(order[k] + 1));
  }
  return svg;
}

// The theory, a green line (a band when it took in what each machine measured).
std::string chart_theory(const lesson_column& lesson, const chart_frame& frame, int middle)
{
  if (!lesson.theory_low) return {};
  const double low = frame.x_of(*lesson.theory_low), high = frame.x_of(*lesson.theory_high);
  return fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#2ca02c\"><title>theory {}</title></rect>\n"
                     "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"15\" fill=\"#2ca02c\">theory {}</text>\n",
                     low - 1.5, middle - 30, std::max(3.0, high - low + 3), 60, theory_of(lesson), (low + high) / 2,
                     middle - 36, theory_of(lesson));
}

// A lesson's strip: its name, the quartiles as a band, the median as a bar, the machines' dots.
std::string chart_strip(const class_report& report, std::size_t column, const chart_frame& frame, int middle)
{
  const auto& lesson = report.lessons[column];
  auto svg = fmt::format("<text x=\"10\" y=\"{}\" font-weight=\"bold\">{}</text>\n", middle - 4, html_escaped(lesson.lesson));
  svg += fmt::format("<text x=\"10\" y=\"{}\" fill=\"#555\">{}</text>\n", middle + 18, html_escaped(pair_label(lesson.suffix)));
  if (lesson.machines == 0) return svg;
  svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#cfe0f5\"/>\n", frame.x_of(lesson.lower_quartile),
                     middle - 22, std::max(2.0, frame.x_of(lesson.upper_quartile) - frame.x_of(lesson.lower_quartile)), 44);
  svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#1f4e8c\" stroke-width=\"4\"><title>class "
                     "median {3}</title></line>\n",
                     frame.x_of(lesson.median), middle - 28, middle + 28, format_ratio(lesson.median));
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"#1f4e8c\">median {}</text>\n",
                     frame.x_of(lesson.median), middle + 52, format_ratio(lesson.median));
  return svg + chart_theory(lesson, frame, middle) + chart_dots(report, column, frame, middle);
}

// The lessons' ratios on a log axis, one strip per lesson; lessons whose point is a count have no
// ratio to draw.
std::string svg_chart(const class_report& report)
{
  const auto frame = frame_of(report);
  const int height = frame.axis_y() + 50;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "font-family=\"sans-serif\" font-size=\"18\">\n",
      frame.width, height);
  svg += chart_axis(frame);
  int strip = 0;
  for (std::size_t column = 0; column < report.lessons.size(); ++column)
    if (!report.lessons[column].counted)
      svg += chart_strip(report, column, frame, frame.top + frame.strip * strip++ + frame.strip / 2);
  return svg + "</svg>\n";
}

// The chart, and beside it, when its dots carry numbers, the key to them.
std::string chart_with_key(const class_report& report)
{
  if (report.machines.size() <= named_dots) return svg_chart(report);
  std::string key = "<table class=\"key\">\n<tr><th>#</th><th>who</th></tr>\n";
  for (std::size_t m = 0; m < report.machines.size(); ++m)
    key += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", m + 1, html_escaped(who_of(report.machines[m])));
  return "<div style=\"display: flex; gap: 2em; align-items: flex-start\">\n" + svg_chart(report) + key +
         "</table>\n</div>\n";
}

using run_ratios = std::pair<const bench_run*, std::vector<lesson_ratios>>;

// The same results: one file passed twice, or a copy of it.
bool same_results(const bench_run& one, const bench_run& other)
{
  if (one.context.date != other.context.date || one.context.host != other.context.host ||
      one.benchmarks.size() != other.benchmarks.size())
    return false;
  for (std::size_t i = 0; i < one.benchmarks.size(); ++i)
    if (one.benchmarks[i].name != other.benchmarks[i].name ||
        one.benchmarks[i].real_time != other.benchmarks[i].real_time)
      return false;
  return true;
}

// The runs of the class's course version, each machine once: a copy of a file counts once, and of a
// student's several files the latest. A problem for every run left out.
std::vector<const bench_run*> distinct_runs(const std::vector<bench_run>& runs, class_report& report)
{
  std::vector<const bench_run*> kept;
  for (const auto& run : runs) {
    const auto& commit = run.context.course_commit;
    if (!commit.empty() && commit != report.course_commit) {
      report.problems.push_back(fmt::format("{}: course version {} differs from the class's {}; left out", run.file,
                                            commit, report.course_commit));
      continue;
    }
    const auto copy = std::find_if(kept.begin(), kept.end(), [&](const auto* k) { return same_results(*k, run); });
    if (copy != kept.end()) {
      report.problems.push_back(run.file == (*copy)->file
                                    ? fmt::format("{}: given twice; counted once", run.file)
                                    : fmt::format("{}: the same results as {}; counted once", run.file, (*copy)->file));
      continue;
    }
    const auto& student = run.context.student;
    const auto same_student = std::find_if(kept.begin(), kept.end(), [&](const auto* k) {
      return !student.empty() && k->context.student == student;
    });
    if (same_student != kept.end()) {
      // Dates are ISO 8601, which compare as text.
      const bool later = run.context.date > (*same_student)->context.date;
      const auto* counted = later ? &run : *same_student;
      report.problems.push_back(fmt::format("{}: {} has two files, {} and {}; only the later, {}, counts", run.file,
                                            student, (*same_student)->file, run.file, counted->file));
      *same_student = counted;
      continue;
    }
    if (commit.empty() && !report.course_commit.empty())
      report.problems.push_back(
          fmt::format("{}: records no course version (not written by asynclab bench?); kept", run.file));
    kept.push_back(&run);
  }
  return kept;
}

// The runs with their ratios; a column for every lesson one of them has.
std::vector<run_ratios> runs_of_the_class(const std::vector<bench_run>& runs, class_report& report)
{
  std::vector<run_ratios> kept;
  for (const auto* run : distinct_runs(runs, report)) {
    kept.emplace_back(run, ratios_of(*run));
    for (const auto& lesson : kept.back().second) {
      const bool known = std::any_of(report.lessons.begin(), report.lessons.end(),
                                     [&](const auto& c) { return c.lesson == lesson.lesson; });
      const auto& headline = lesson.pairs[lesson.headline];
      if (!known)
        report.lessons.push_back({.lesson = lesson.lesson, .suffix = headline.suffix,
                                  .counted = lesson.counted() ? std::optional(headline.pitfall_count->what) : std::nullopt});
    }
  }
  return kept;
}

machine_row machine_of(const bench_run& run, const std::vector<lesson_ratios>& lessons, class_report& report)
{
  machine_row row{.file = run.file,
                  .student = run.context.student,
                  .host = run.context.host,
                  .cpu = cpu_of(run.context),
                  .ratios = {},
                  .theories = {},
                  .counts = {},
                  .outliers = std::vector<bool>(report.lessons.size(), false)};
  std::vector<std::string> missing;
  for (const auto& column : report.lessons) {
    row.counts.push_back(column.counted ? count_for(lessons, column) : std::string());
    row.ratios.push_back(column.counted ? std::nullopt : ratio_for(lessons, column));
    const auto* pair = pair_for(lessons, column);
    row.theories.push_back(pair && !column.counted ? pair->theory : std::nullopt);
    if (!row.ratios.back() && row.counts.back().empty())
      missing.push_back(fmt::format("{} {}", column.lesson, pair_label(column.suffix)));
  }
  // One line per file, however many lessons it lacks: a one-lesson file is a normal hand-in.
  if (missing.size() == 1)
    report.problems.push_back(fmt::format("{}: has no {} pair; its cell is empty", run.file, missing[0]));
  else if (!missing.empty())
    report.problems.push_back(fmt::format("{}: has no pair for {} lessons ({}); their cells are empty", run.file,
                                          missing.size(), fmt::join(missing, ", ")));
  return row;
}

// The class median, the quartiles and the outliers of a column of ratios.
void summarise(class_report& report, std::size_t column)
{
  std::vector<double> ratios;
  auto& lesson = report.lessons[column];
  for (const auto& machine : report.machines) {
    if (machine.ratios[column]) ratios.push_back(*machine.ratios[column]);
    if (const auto& theory = machine.theories[column]) {
      lesson.theory_low = std::min(lesson.theory_low.value_or(*theory), *theory);
      lesson.theory_high = std::max(lesson.theory_high.value_or(*theory), *theory);
    }
  }
  lesson.machines = static_cast<int>(ratios.size());
  if (ratios.empty()) return;
  lesson.median = quantile(ratios, 0.5);
  lesson.lower_quartile = quantile(ratios, 0.25);
  lesson.upper_quartile = quantile(ratios, 0.75);
  mark_outliers(report, column);
}

}  // namespace

namespace {

// The runs, each named by its file's name without its folders (the teacher's paths stay out of a
// handout), unless two files share a name.
std::vector<bench_run> named_by_file_name(std::vector<bench_run> runs)
{
  const auto name_of = [](const bench_run& run) { return std::filesystem::path(run.file).filename().string(); };
  for (auto& run : runs) {
    const auto name = name_of(run);
    const bool shared = std::count_if(runs.begin(), runs.end(), [&](const auto& other) {
                          return name_of(other) == name && other.file != run.file;
                        }) > 0;
    if (!shared && !name.empty()) run.file = name;
  }
  return runs;
}

}  // namespace

class_report build_class_report(const std::vector<bench_run>& given)
{
  const auto runs = named_by_file_name(given);
  class_report report;
  report.course_commit = most_common_commit(runs);
  for (const auto& [run, lessons] : runs_of_the_class(runs, report))
    report.machines.push_back(machine_of(*run, lessons, report));
  for (std::size_t column = 0; column < report.lessons.size(); ++column) summarise(report, column);
  return report;
}

std::string report_text(const class_report& report)
{
  std::size_t student_width = 7, host_width = 4, cpu_width = 3;
  for (const auto& machine : report.machines) {
    student_width = std::max(student_width, machine.student.size());
    host_width = std::max(host_width, machine.host.size());
    cpu_width = std::max(cpu_width, machine.cpu.size());
  }
  std::vector<std::size_t> widths;
  for (const auto& column : report.lessons) widths.push_back(std::max<std::size_t>(12, header_of(column).size()) + 2);
  const auto label_width = student_width + host_width + cpu_width + 4;

  std::string out = fmt::format("Class report: {} machine(s), course version {}\n{}\n", report.machines.size(),
                                report.course_commit.empty() ? "unknown" : report.course_commit, explanation);
  auto line = [&](std::string_view student, std::string_view host, std::string_view cpu, auto&& cell_of) {
    auto text = fmt::format("{:<{}}  {:<{}}  {:<{}}", student, student_width, host, host_width, cpu, cpu_width);
    for (std::size_t column = 0; column < report.lessons.size(); ++column) text += fmt::format("{:>{}}", cell_of(column), widths[column]);
    return text + "\n";
  };
  const auto header = line("student", "host", "CPU", [&](std::size_t c) { return header_of(report.lessons[c]); });
  out += header + std::string(header.size() - 1, '-') + "\n";
  for (const auto& machine : report.machines)
    out += line(machine.student.empty() ? "-" : machine.student, machine.host, machine.cpu, [&](std::size_t c) { return cell(machine, c); });
  out += std::string(header.size() - 1, '-') + "\n";
  out += fmt::format("{:<{}}", "class median", label_width);
  for (std::size_t c = 0; c < report.lessons.size(); ++c)
    out += fmt::format("{:>{}}", report.lessons[c].machines ? format_ratio(report.lessons[c].median) : "-", widths[c]);
  out += fmt::format("\n{:<{}}", "spread (quartiles)", label_width);
  for (std::size_t c = 0; c < report.lessons.size(); ++c) out += fmt::format("{:>{}}", spread_of(report.lessons[c]), widths[c]);
  out += fmt::format("\n{:<{}}", "theory", label_width);
  for (std::size_t c = 0; c < report.lessons.size(); ++c)
    out += fmt::format("{:>{}}", theory_of(report.lessons[c]), widths[c]);
  return out + "\n" + outlier_note_of(report);
}

std::string report_markdown(const class_report& report)
{
  std::string out = fmt::format("## Class report: {} machine(s), course version `{}`\n\n{}\n", report.machines.size(),
                                report.course_commit.empty() ? "unknown" : report.course_commit, explanation);
  out += "| student | host | CPU |";
  for (const auto& column : report.lessons) out += fmt::format(" {} |", markdown_escaped(header_of(column)));
  out += "\n|---|---|---|";
  for (std::size_t c = 0; c < report.lessons.size(); ++c) out += "---:|";
  out += "\n";
  for (const auto& machine : report.machines) {
    out += fmt::format("| {} | {} | {} |", markdown_escaped(machine.student.empty() ? "-" : machine.student), markdown_escaped(machine.host),
                       markdown_escaped(machine.cpu));
    for (std::size_t c = 0; c < report.lessons.size(); ++c)
      out += fmt::format(" {} |", machine.outliers[c] ? fmt::format("**{}**", cell(machine, c)) : cell(machine, c));
    out += "\n";
  }
  out += "| **class median** | | |";
  for (const auto& column : report.lessons) out += fmt::format(" **{}** |", column.machines ? format_ratio(column.median) : "-");
  out += "\n| spread (quartiles) | | |";
  for (const auto& column : report.lessons) out += fmt::format(" {} |", spread_of(column));
  out += "\n| theory | | |";
  for (const auto& column : report.lessons) out += fmt::format(" {} |", theory_of(column));
  out += "\n\n" + outlier_note_of(report);
  for (const auto& problem : report.problems) out += fmt::format("\n- {}", markdown_escaped(problem));
  return out + (report.problems.empty() ? "" : "\n");
}

std::string report_html(const class_report& report)
{
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>asynclab: class report</title>\n<style>\n"
      "body { font-family: sans-serif; font-size: 20px; margin: 2em; color: #222; }\n"
      "table { border-collapse: collapse; margin: 1em 0; }\n"
      "th, td { padding: 0.3em 0.8em; border-bottom: 1px solid #ccc; text-align: left; }\n"
      "td.ratio { text-align: right; font-variant-numeric: tabular-nums; }\n"
      "td.outlier { color: #d62728; font-weight: bold; }\n"
      "tr.summary td { font-weight: bold; border-top: 2px solid #333; }\n"
      "</style>\n</head>\n<body>\n";
  out += fmt::format("<h1>Class report: {} machine(s)</h1>\n<p>Course version <code>{}</code>. {}</p>\n", report.machines.size(),
                     html_escaped(report.course_commit.empty() ? "unknown" : report.course_commit), html_escaped(explanation));
  out += chart_with_key(report);
  out += "<table>\n<tr><th>#</th><th>student</th><th>host</th><th>CPU</th>";
  for (const auto& column : report.lessons) out += fmt::format("<th>{}</th>", html_escaped(header_of(column)));
  out += "</tr>\n";
  for (std::size_t m = 0; m < report.machines.size(); ++m) {
    const auto& machine = report.machines[m];
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td>", m + 1,
                       html_escaped(machine.student.empty() ? "-" : machine.student), html_escaped(machine.host),
                       html_escaped(machine.cpu));
    for (std::size_t c = 0; c < report.lessons.size(); ++c)
      out += fmt::format("<td class=\"ratio{}\">{}</td>", machine.outliers[c] ? " outlier" : "", html_escaped(cell(machine, c)));
    out += "</tr>\n";
  }
  out += "<tr class=\"summary\"><td colspan=\"4\">class median</td>";
  for (const auto& column : report.lessons)
    out += fmt::format("<td class=\"ratio\">{}</td>", column.machines ? format_ratio(column.median) : "-");
  out += "</tr>\n<tr><td colspan=\"4\">spread (quartiles)</td>";
  for (const auto& column : report.lessons) out += fmt::format("<td class=\"ratio\">{}</td>", spread_of(column));
  out += "</tr>\n<tr><td colspan=\"4\">theory</td>";
  for (const auto& column : report.lessons) out += fmt::format("<td class=\"ratio\">{}</td>", theory_of(column));
  out += "</tr>\n</table>\n";
  if (any_outlier(report)) out += fmt::format("<p>{}</p>\n", html_escaped(outlier_note));
  if (!report.problems.empty()) {
    out += "<ul>\n";
    for (const auto& problem : report.problems) out += fmt::format("<li>{}</li>\n", html_escaped(problem));
    out += "</ul>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace asynclab::tool
