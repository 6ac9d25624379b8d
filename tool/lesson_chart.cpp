#include "tool/lesson_chart.hpp"

#include "lab/chart.hpp"
#include "lab/format.hpp"
#include "tool/lesson_ratios.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <initializer_list>

namespace asynclab::tool {
namespace {

std::string time_text(double seconds)
{
  return lab::human_duration(std::chrono::duration<double, std::nano>(seconds * 1e9));  // 1.46 ns stays 1.46
}

bool belongs_to(const std::string& name, const std::string& lesson) { return name.rfind(lesson + "/", 0) == 0; }

}  // namespace

namespace {

// A count bar holds its words when it is long, at the picture's 16 px.
constexpr int count_bar_height = 18;
constexpr int plot_width = 480, ratio_width = 200, bar_height = 14, pair_gap = 22;

// Where a bar ends. Times: a straight axis of pitfall / solution from 1x, no difference, to a round
// number past the largest ratio or theory, so that a bar's length is what the pitfall lost.
// Counts: a straight one from none to all.
struct bar_scale {
  double top = 2;
  bool counts = false;
  int label_width = 120;  // room for the longest label at its font size, so that none is cut

  int x_of(double value) const
  {
    const double share = counts ? value : (std::clamp(value, 1.0, top) - 1) / (top - 1);
    return label_width + static_cast<int>(plot_width * share);
  }
};

// The first of `steps` times a power of ten that is at least `least`.
double round_up(double least, std::initializer_list<double> steps)
{
  const double decade = std::pow(10.0, std::floor(std::log10(least)));
  for (const double step : steps)
    if (step * decade >= least) return step * decade;
  return 10 * decade;
}

// A round number at least 5% past `largest`, so that the longest bar ends short of the axis.
double round_top(double largest) { return round_up(largest * 1.05, {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}); }

// About four ticks, at round steps.
double tick_step(double top) { return round_up(top / 4, {1, 2, 2.5, 5, 10}); }

bar_scale scale_of(const lesson_ratios& lesson)
{
  if (lesson.counted()) return {.top = 1, .counts = true};
  double largest = 2;
  for (const auto& pair : lesson.pairs) largest = std::max({largest, pair.ratio(), pair.theory.value_or(0.0)});
  return {.top = round_top(largest), .counts = false};
}

// A lesson whose point is a count: the pitfall's and the solution's, each a bar from none to all.
std::string count_bars(const ratio_pair& pair, const bar_scale& scale, int& y)
{
  auto svg = fmt::format(R"(<text x="{}" y="{}" class="label">{}</text>)" "\n", scale.label_width - 8, y + count_bar_height + 4,
                         pair_label(pair.suffix));
  const auto share = [](const headline_count& count) { return count.of > 0 ? count.seen / count.of : 0.0; };
  const std::pair<const char*, headline_count> counts[] = {{"pitfall", *pair.pitfall_count},
                                                           {"solution", *pair.solution_count}};
  for (const auto& [role, count] : counts) {
    const int end = scale.x_of(share(count));
    // Past the middle, the words go inside the bar's end: beside it they would run off the picture.
    const bool inside = share(count) > 0.5;
    svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" class="{}"/>)"
                       R"(<text x="{}" y="{}" class="value{}">{} {}</text>)" "\n",
                       scale.label_width, y, std::max(1, end - scale.label_width), count_bar_height, role,
                       inside ? end - 4 : end + 4, y + 14, inside ? " inside" : "", role,
                       format_count(count, std::string_view(role) == "pitfall"));
    y += count_bar_height + 2;
  }
  y += pair_gap;
  return svg;
}

// A pair of times: one bar from 1x to its ratio, the theory's mark across it, both ratios beside
// it, and the two times under it.
std::string ratio_bar(const ratio_pair& pair, const bar_scale& scale, int& y)
{
  const int end = scale.x_of(pair.ratio());
  auto svg = fmt::format(R"(<text x="{}" y="{}" class="label">{}</text>)" "\n", scale.label_width - 8, y + 12,
                         pair_label(pair.suffix));
  svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" class="pitfall"><title>{}</title></rect>)" "\n",
                     scale.label_width, y, std::max(1, end - scale.label_width), bar_height, format_ratio(pair.ratio()));
  auto beside = format_ratio(pair.ratio());
  if (pair.theory) {
    const int mark = scale.x_of(*pair.theory);
    svg += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" class="theory"/>)" "\n", mark, y - 4,
                       y + bar_height + 4);
    beside += fmt::format(" (theory {})", format_ratio(*pair.theory));
  }
  svg += fmt::format(R"(<text x="{}" y="{}" class="ratio">{}</text>)" "\n", scale.label_width + plot_width + 8, y + 12,
                     beside);
  svg += fmt::format(R"(<text x="{}" y="{}" class="value">pitfall {}, solution {}</text>)" "\n", scale.label_width,
                     y + bar_height + 12, time_text(pair.pitfall_seconds), time_text(pair.solution_seconds));
  y += bar_height + 16 + pair_gap;
  return svg;
}

// The axis (from 1x, or none to all for counts), then the legend.
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
    tick(1, "1x");
    const double step = tick_step(scale.top);
    for (double value = step; value <= scale.top * 1.001; value += step)
      if (value > 1.001) tick(value, fmt::format("{:g}x", value));
  }
  y += 26;
  if (scale.counts)
    svg += fmt::format(R"(<rect x="{}" y="{}" width="12" height="12" class="pitfall"/><text x="{}" y="{}" class="legend">pitfall</text>)"
                       R"(<rect x="{}" y="{}" width="12" height="12" class="solution"/><text x="{}" y="{}" class="legend">solution</text>)"
                       R"(<text x="{}" y="{}" class="legend">the count each observed, of how many</text>)" "\n",
                       scale.label_width, y, scale.label_width + 16, y + 10, scale.label_width + 80, y, scale.label_width + 96, y + 10,
                       scale.label_width + 170, y + 10);
  else
    svg += fmt::format(R"(<text x="{}" y="{}" class="legend">pitfall / solution, of the median times, from 1x</text>)"
                       R"(<text x="{}" y="{}" class="legend"><tspan class="theory-text">|</tspan> the lesson's theory</text>)" "\n",
                       scale.label_width, y + 10, scale.label_width, y + 30);
  y += scale.counts ? 18 : 38;
  return svg;
}

}  // namespace

const lesson_ratios* find_lesson_ratios(const std::vector<lesson_ratios>& lessons, const std::string& lesson)
{
  const auto found = std::find_if(lessons.begin(), lessons.end(), [&](const auto& l) {
    return l.lesson == lesson || l.lesson.starts_with(lesson + "_");
  });
  return found == lessons.end() ? nullptr : &*found;
}

std::string lesson_chart_svg(const lesson_ratios& lesson)
{
  auto scale = scale_of(lesson);
  std::size_t longest = 0;
  for (const auto& pair : lesson.pairs) longest = std::max(longest, pair_label(pair.suffix).size());
  scale.label_width = 16 + static_cast<int>(longest) * 9;  // 9 px a character at 16 px
  std::string body;
  int y = 10;
  for (const auto& pair : lesson.pairs)
    if (pair.counted() == scale.counts) body += scale.counts ? count_bars(pair, scale, y) : ratio_bar(pair, scale, y);
  body += axis_and_legend(scale, y);

  const int width = scale.label_width + plot_width + ratio_width + 10;
  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" font-family="sans-serif">)" "\n"
      R"(<style>:root{{color-scheme:light dark}} text{{fill:#222;font-size:16px}} .label{{text-anchor:end}} )"
      R"(.ratio{{font-weight:bold}} .tick{{text-anchor:middle}} .axis{{stroke:#888}} )"
      R"(@media (prefers-color-scheme: dark){{text{{fill:#ddd}}}} )"
      R"(.theory{{stroke:#2ca02c;stroke-width:3}} .theory-text{{fill:#2ca02c;font-weight:bold}} )"
      R"(.pitfall{{fill:#d9534f}} .solution{{fill:#3b82c4}} text.inside{{fill:#fff;text-anchor:end}}</style>)" "\n{}</svg>\n",
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
        text += fmt::format("| {} | {} | {} |\n", pair_label(pair.suffix), format_count(*pair.pitfall_count),
                            format_count(*pair.solution_count));
    return text + "\n";
  }
  std::string text = "| benchmark | pitfall | solution | ratio | theory |\n|---|---|---|---|---|\n";
  for (const auto& pair : lesson.pairs)
    text += fmt::format("| {} | {} | {} | {} | {} |\n", pair_label(pair.suffix), time_text(pair.pitfall_seconds),
                        time_text(pair.solution_seconds), format_ratio(pair.ratio()),
                        pair.theory ? format_ratio(*pair.theory) : "-");
  return text + "\n";
}

}  // namespace

std::string lesson_chart_markdown(const bench_run& run, const lesson_ratios& pairs)
{
  const auto& lesson = pairs.lesson;
  std::string text = pairs_table(pairs);

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
    text += fmt::format("| `{}` | {} |", pair_label(b->name.substr(lesson.size() + 1)), time_text(b->median_real_time()));
    if (any_each) {
      auto each = b->each;
      std::sort(each.begin(), each.end());
      text += fmt::format(" {} |", each.empty() ? "" : time_text(each[each.size() / 2]));
    }
    text += "\n";
  }
  if (!others.empty()) text += "\n";

  const auto& c = run.context;
  text += fmt::format("Measured on {} ({}{}), {} build{}.\n", run.machine(), c.cpu_model.empty() ? "unknown CPU" : c.cpu_model,
                      c.cpus > 0 ? fmt::format(", {} CPUs", c.cpus) : "", c.build_type.empty() ? "unknown" : c.build_type,
                      c.date.empty() ? "" : ", " + c.date);
  return text;
}

}  // namespace asynclab::tool
