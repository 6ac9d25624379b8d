#include "tool/lesson_chart.hpp"

#include "lab/chart.hpp"
#include "lab/format.hpp"
#include "tool/lesson_ratios.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace asynclab::tool {
namespace {

std::string time_text(double seconds)
{
  return lab::human_duration(std::chrono::duration<double, std::nano>(seconds * 1e9));  // 1.46 ns stays 1.46
}

const lesson_ratios* ratios_for_lesson(const std::vector<lesson_ratios>& lessons, const std::string& lesson)
{
  const auto found = std::find_if(lessons.begin(), lessons.end(), [&](const auto& l) { return l.lesson == lesson; });
  return found == lessons.end() ? nullptr : &*found;
}

bool belongs_to(const std::string& name, const std::string& lesson) { return name.rfind(lesson + "/", 0) == 0; }

// A benchmark's arguments as a reader needs them: without how Google Benchmark timed it
// ("/manual_time", "/real_time", "/min_time:0.300").
std::string shown_name(std::string name)
{
  for (const std::string_view tail : {"/manual_time", "/real_time", "/process_time"})
    if (name.ends_with(tail)) name.erase(name.size() - tail.size());
  if (const auto iterations = name.find("/iterations:"); iterations != std::string::npos) name.erase(iterations);
  if (const auto min_time = name.find("/min_time:"); min_time != std::string::npos) name.erase(min_time);
  return name;
}

}  // namespace

namespace {

constexpr int plot_width = 480, ratio_width = 80, bar_height = 14, pair_gap = 14;

// Where a bar ends: a logarithmic axis from the decade below the fastest time to the decade above
// the slowest; for counts, a straight one from none to all.
struct bar_scale {
  double low = 1, decades = 1;
  bool counts = false;
  int label_width = 120;  // room for the longest label at its font size, so that none is cut

  int x_of(double value) const
  {
    const double share = counts ? value : std::log10(std::max(value, low) / low) / decades;
    return label_width + static_cast<int>(plot_width * share);
  }
};

bar_scale scale_of(const lesson_ratios& lesson)
{
  if (lesson.counted()) return {.low = 0, .decades = 1, .counts = true, .label_width = 120};
  double fastest = 1e300, slowest = 0;
  for (const auto& pair : lesson.pairs)
    for (double t : {pair.pitfall_seconds, pair.solution_seconds})
      if (t > 0) fastest = std::min(fastest, t), slowest = std::max(slowest, t);
  const double low = std::pow(10.0, std::floor(std::log10(fastest)));
  const double high = std::pow(10.0, std::ceil(std::log10(slowest)));
  return {.low = low, .decades = std::max(1.0, std::log10(high / low)), .counts = false, .label_width = 120};
}

// One pair: its label, the pitfall's bar and the solution's, and the ratio (none for counts).
std::string pair_bars(const ratio_pair& pair, const bar_scale& scale, int& y)
{
  auto svg = fmt::format(R"(<text x="{}" y="{}" class="label">{}</text>)" "\n", scale.label_width - 8, y + bar_height + 4,
                         shown_name(pair_label(pair.suffix)));
  const auto share = [](const headline_count& count) { return count.of > 0 ? count.seen / count.of : 0.0; };
  const std::pair<const char*, double> bars[] = {
      {"pitfall", scale.counts ? share(*pair.pitfall_count) : pair.pitfall_seconds},
      {"solution", scale.counts ? share(*pair.solution_count) : pair.solution_seconds}};
  for (const auto& [role, value] : bars) {
    const int end = scale.x_of(value);
    const auto shown = !scale.counts                      ? time_text(value)
                       : std::string_view(role) == "pitfall" ? format_count(*pair.pitfall_count)
                                                             : format_count(*pair.solution_count);
    // A value that would run past the picture's edge goes inside the end of its bar.
    const bool inside = end + 4 + static_cast<int>(shown.size()) * 9 > scale.label_width + plot_width + ratio_width;
    svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" class="{}"/>)"
                       R"(<text x="{}" y="{}" class="{}">{}</text>)" "\n",
                       scale.label_width, y, std::max(1, end - scale.label_width), bar_height, role,
                       inside ? end - 4 : end + 4, y + 12, inside ? "value inside" : "value", shown);
    y += bar_height + 2;
  }
  if (!scale.counts)
    svg += fmt::format(R"(<text x="{}" y="{}" class="ratio">{}</text>)" "\n", scale.label_width + plot_width + ratio_width,
                       y - bar_height + 2, format_ratio(pair.ratio()));
  y += pair_gap;
  return svg;
}

// The axis, one tick per decade (or none, all for counts), then the legend.
std::string axis_and_legend(const bar_scale& scale, int& y)
{
  auto svg = fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>)" "\n", scale.label_width, y,
                         scale.label_width + plot_width, y);
  const auto tick = [&](double value, const std::string& text) {
    const int x = scale.x_of(value);
    svg += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/><text x="{}" y="{}" class="tick">{}</text>)" "\n",
                       x, y, x, y + 4, x, y + 16, text);
  };
  if (scale.counts) {
    tick(0, "none");
    tick(1, "all");
  } else {
    for (int decade = 0; decade <= static_cast<int>(scale.decades); ++decade)
      tick(scale.low * std::pow(10.0, decade), time_text(scale.low * std::pow(10.0, decade)));
  }
  y += 26;
  svg += fmt::format(R"(<rect x="{}" y="{}" width="12" height="12" class="pitfall"/><text x="{}" y="{}" class="legend">pitfall</text>)"
                     R"(<rect x="{}" y="{}" width="12" height="12" class="solution"/><text x="{}" y="{}" class="legend">solution</text>)"
                     R"(<text x="{}" y="{}" class="legend">{}</text>)" "\n",
                     scale.label_width, y, scale.label_width + 16, y + 10, scale.label_width + 80, y, scale.label_width + 96, y + 10,
                     scale.label_width, y + 30,
                     scale.counts ? "the count each observed, of how many"
                                  : "median wall time per run, log scale; right: pitfall / solution");
  y += 38;
  return svg;
}

}  // namespace

std::string lesson_chart_svg(const bench_run& run, const std::string& lesson)
{
  const auto lessons = ratios_of(run);
  const auto* found = ratios_for_lesson(lessons, lesson);
  if (!found)
    return fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" width="420" height="30" font-family="sans-serif">)"
                       R"(<text x="0" y="20" font-size="13">No pitfall/solution benchmark pairs for {} in this run.</text></svg>)"
                       "\n",
                       lesson);
  auto scale = scale_of(*found);
  std::size_t longest = 0;
  for (const auto& pair : found->pairs) longest = std::max(longest, shown_name(pair_label(pair.suffix)).size());
  scale.label_width = 16 + static_cast<int>(longest) * 9;  // 9 px a character at 16 px
  std::string body;
  int y = 10;
  for (const auto& pair : found->pairs)
    if (pair.counted() == scale.counts) body += pair_bars(pair, scale, y);
  body += axis_and_legend(scale, y);

  const int width = scale.label_width + plot_width + ratio_width + 10;
  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" font-family="sans-serif">)" "\n"
      R"(<style>:root{{color-scheme:light dark}} text{{fill:#222;font-size:16px}} .label{{text-anchor:end}} )"
      R"(.ratio{{font-weight:bold;text-anchor:end}} .tick{{text-anchor:middle}} .axis{{stroke:#888}} )"
      R"(@media (prefers-color-scheme: dark){{text{{fill:#ddd}}}} .value.inside{{fill:#fff;text-anchor:end}} )"
      R"(.pitfall{{fill:#d9534f}} .solution{{fill:#3b82c4}}</style>)" "\n{}</svg>\n",
      width, y, width, y, body);
}

namespace {

// The pairs as a Markdown table: times and their ratio, or, for a lesson whose point is a count,
// the counts alone.
std::string pairs_table(const lesson_ratios& lesson)
{
  if (lesson.counted()) {
    std::string text = "| benchmark | pitfall | solution |\n|---|---|---|\n";
    for (const auto& pair : lesson.pairs)
      if (pair.counted())
        text += fmt::format("| {} | {} | {} |\n", shown_name(pair_label(pair.suffix)), format_count(*pair.pitfall_count),
                            format_count(*pair.solution_count));
    return text + "\n";
  }
  std::string text = "| benchmark | pitfall | solution | pitfall / solution |\n|---|---|---|---|\n";
  for (const auto& pair : lesson.pairs)
    text += fmt::format("| {} | {} | {} | {} |\n", shown_name(pair_label(pair.suffix)), time_text(pair.pitfall_seconds),
                        time_text(pair.solution_seconds), format_ratio(pair.ratio()));
  return text + "\n";
}

}  // namespace

std::string lesson_chart_markdown(const bench_run& run, const std::string& lesson)
{
  std::string text;
  const auto lessons = ratios_of(run);
  if (const auto* found = ratios_for_lesson(lessons, lesson)) text += pairs_table(*found);

  // The other measurements, with the cost of one operation where the benchmark reports it.
  std::vector<const benchmark_times*> others;
  bool any_each = false;
  for (const auto& b : run.benchmarks) {
    const auto rest = b.name.substr(std::min(b.name.size(), lesson.size() + 1));
    if (!belongs_to(b.name, lesson) || rest.rfind("pitfall", 0) == 0 || rest.rfind("solution", 0) == 0) continue;
    others.push_back(&b);
    any_each = any_each || !b.each.empty();
  }
  if (!others.empty())
    text += any_each ? "| other measurement | median wall time | each |\n|---|---|---|\n"
                     : "| other measurement | median wall time |\n|---|---|\n";
  for (const auto* b : others) {
    text += fmt::format("| `{}` | {} |", shown_name(b->name.substr(lesson.size() + 1)), time_text(b->median_real_time()));
    if (any_each) text += fmt::format(" {} |", b->each.empty() ? "" : time_text(median(b->each)));
    text += "\n";
  }
  if (!others.empty()) text += "\n";
  if (text.empty()) text = fmt::format("No benchmark results for {} in this run.\n\n", lesson);

  const auto& c = run.context;
  text += fmt::format("Measured on {} ({}{}), {} build{}.\n", run.machine(), c.cpu_model.empty() ? "unknown CPU" : c.cpu_model,
                      c.cpus > 0 ? fmt::format(", {} CPUs", c.cpus) : "", c.build_type.empty() ? "unknown" : c.build_type,
                      c.date.empty() ? "" : ", " + c.date);
  return text;
}

}  // namespace asynclab::tool
