#include "lab/chart.hpp"

#include "lab/format.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lab {
namespace {

using std::chrono::nanoseconds;

clock::time_point earliest_start(const std::vector<span>& spans)
{
  return std::min_element(spans.begin(), spans.end(), [](auto& a, auto& b) { return a.start < b.start; })->start;
}

clock::time_point latest_end(const std::vector<span>& spans)
{
  return std::max_element(spans.begin(), spans.end(), [](auto& a, auto& b) { return a.end < b.end; })->end;
}

int task_count(const std::vector<span>& spans)
{
  int tracks = 0;
  for (const auto& s : spans)
    if (s.kind == span_kind::task) tracks = std::max(tracks, s.track + 1);
  return tracks;
}

std::string row_label(int first_task, int last_task)
{
  // People count tasks from 1.
  if (first_task == last_task) return fmt::format("task {}", first_task + 1);
  return fmt::format("tasks {}-{}", first_task + 1, last_task + 1);
}

}  // namespace

nanoseconds duration(const timeline& recorded)
{
  const auto spans = recorded.spans();
  if (spans.empty()) return nanoseconds{0};
  return latest_end(spans) - earliest_start(spans);
}

namespace {

/// A timeline cut into rows (a task or a group of tasks each, then the event loop) and cells of time.
struct grid {
  std::vector<std::string> labels;               // one per task row, then the event loop's
  std::vector<int> tasks_in_row;                 // how many tasks each task row stands for
  std::vector<std::vector<int>> in_flight;       // per task row, per cell: tasks in flight
  std::vector<std::vector<bool>> failed;         // per task row, per cell: did a task fail there
  std::vector<bool> stalled;                     // per cell: was the loop stalled
  bool loop_row = false;                         // draw the event loop's row
  bool any_failure = false;                      // some task failed
  int per_row = 1;                               // tasks per row
  nanoseconds length{1};                         // the time the cells cover together
};

/// A timeline with no task gets one empty row that says so.
constexpr const char* no_task_label = "no task ran";

grid grid_of(const std::vector<span>& spans, const chart_options& options, int cells)
{
  grid g;
  const auto origin = spans.empty() ? clock::time_point{} : earliest_start(spans);
  const auto own_length = spans.empty() ? nanoseconds{0} : latest_end(spans) - origin;
  g.length = std::max(options.span.count() > 0 ? options.span : own_length, nanoseconds{1});

  // With more tasks than rows, each row stands for a group of `per_row` neighbouring tasks.
  const int tasks = task_count(spans);
  const int max_rows = std::max(options.max_rows, 1);
  g.per_row = std::max(1, (tasks + max_rows - 1) / max_rows);
  const int rows = (tasks + g.per_row - 1) / g.per_row;
  for (int row = 0; row < rows; ++row) {
    const int last = std::min(tasks, (row + 1) * g.per_row) - 1;
    g.labels.push_back(row_label(row * g.per_row, last));
    g.tasks_in_row.push_back(last + 1 - row * g.per_row);
  }
  if (rows == 0) {
    g.labels.emplace_back(no_task_label);
    g.tasks_in_row.push_back(1);
  }
  g.labels.emplace_back("event loop");

  const auto cell_of = [&](clock::time_point t) {
    const auto offset = std::clamp<std::int64_t>((t - origin).count(), 0, g.length.count() - 1);
    return static_cast<int>(offset * cells / g.length.count());
  };
  g.in_flight.assign(g.tasks_in_row.size(), std::vector<int>(cells, 0));
  g.failed.assign(g.tasks_in_row.size(), std::vector<bool>(cells, false));
  g.stalled.assign(cells, false);
  g.loop_row = options.loop_row;
  for (const auto& s : spans) {
    const int first = cell_of(s.start);
    const int last = std::max(first, cell_of(s.end - nanoseconds{1}));
    const auto row = static_cast<std::size_t>(s.track / g.per_row);
    if (s.kind != span_kind::stall && row >= g.in_flight.size()) continue;  // a task that never ran
    if (s.kind == span_kind::failure) {
      g.failed[row][first] = true;
      g.any_failure = true;
      continue;
    }
    for (int cell = first; cell <= last; ++cell) {
      if (s.kind == span_kind::stall)
        g.stalled[cell] = true;
      else
        ++g.in_flight[row][cell];
    }
  }
  return g;
}

}  // namespace

std::string ascii_chart(const timeline& recorded, const chart_options& options)
{
  const auto spans = recorded.spans();
  std::size_t label_width = 0;
  for (const auto& label : grid_of(spans, options, 1).labels) label_width = std::max(label_width, label.size());
  const int cells = std::max(10, options.width - static_cast<int>(label_width) - 3);
  const auto g = grid_of(spans, options, cells);

  std::string chart;
  for (std::size_t row = 0; row < g.in_flight.size(); ++row) {
    std::string bar;
    for (int cell = 0; cell < cells; ++cell) {
      const int count = g.in_flight[row][static_cast<std::size_t>(cell)];
      bar += g.failed[row][static_cast<std::size_t>(cell)] ? 'X'
             : count == 0                                   ? ' '
             : count >= g.tasks_in_row[row]                 ? '='
                                                            : '-';
    }
    chart += fmt::format("{:>{}} |{}|\n", g.labels[row], label_width, bar);
  }
  if (g.loop_row) {
    std::string loop;
    for (bool s : g.stalled) loop += s ? '#' : ' ';
    chart += fmt::format("{:>{}} |{}|\n", g.labels.back(), label_width, loop);
  }

  chart += fmt::format("{:>{}} 0{:>{}}\n", "", label_width, human_duration(g.length), cells + 1);
  std::string legend = "= in flight";
  if (g.per_row > 1) legend += "   - some in flight";
  if (g.any_failure) legend += "   X failed";
  if (g.loop_row) legend += "   # loop stalled";
  chart += fmt::format("{:>{}} {}\n", "", label_width, legend);
  return chart;
}

namespace {

// The SVG's geometry: narrow enough that a phone shrinks it little, fonts large enough to survive.
constexpr int label_width = 120, cells = 480, row_height = 22, bar_height = 14, title_height = 26;
// Room on the right for half of the last tick's label ("50.0 ms"), which is centred on the axis's end.
constexpr int svg_width = label_width + cells + 40;
constexpr const char* task_colour = "#3b82c4";
constexpr const char* stall_colour = "#d9534f";
constexpr const char* failure_colour = "#c0392b";

/// Runs of equal cells become one rectangle: full colour where every task of the row was in
/// flight, lighter where only some were.
template <class LevelOf>
std::string bar_rects(int y, LevelOf level_of, const char* colour)
{
  std::string rects;
  for (int cell = 0; cell < cells;) {
    const double level = level_of(cell);
    int end = cell + 1;
    while (end < cells && level_of(end) == level) ++end;
    if (level > 0)
      rects += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" fill-opacity="{:.2f}"/>)" "\n",
                           label_width + cell, y + (row_height - bar_height) / 2, end - cell, bar_height, colour, level);
    cell = end;
  }
  return rects;
}

std::string label(int y, const std::string& text)
{
  return fmt::format(R"(<text x="{}" y="{}" class="label">{}</text>)" "\n", label_width - 8, y + 15, text);
}

/// One run's panel: its title, a row per task (or group), the loop's row, a line at each failure.
std::string panel(const timeline& recorded, const chart_options& options, int& y, grid& seen)
{
  const auto g = grid_of(recorded.spans(), options, cells);
  std::string body = fmt::format(R"(<text x="0" y="{}" class="title">{}</text>)" "\n", y + 17, recorded.name());
  y += title_height;
  const int top = y;
  for (std::size_t row = 0; row < g.in_flight.size(); ++row) {
    body += label(y, g.labels[row]);
    if (g.labels[row] == no_task_label)
      body += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" class="empty"/>)" "\n", label_width,
                          y + (row_height - bar_height) / 2, cells, bar_height);
    const int group = g.tasks_in_row[row];
    body += bar_rects(y, [&](int cell) {
      const int count = g.in_flight[row][static_cast<std::size_t>(cell)];
      return count == 0 ? 0.0 : count >= group ? 1.0 : 0.45;
    }, task_colour);
    y += row_height;
  }
  if (g.loop_row) {
    body += label(y, g.labels.back());
    body += bar_rects(y, [&](int cell) { return g.stalled[static_cast<std::size_t>(cell)] ? 1.0 : 0.0; }, stall_colour);
    y += row_height;
  }
  // A failure is a moment: a line across the panel, and a cross on the row of the task that failed.
  for (std::size_t row = 0; row < g.failed.size(); ++row)
    for (int cell = 0; cell < cells; ++cell) {
      if (!g.failed[row][static_cast<std::size_t>(cell)]) continue;
      const int x = label_width + cell, mid = top + static_cast<int>(row) * row_height + row_height / 2;
      body += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" class="failure"/>)" "\n", x, top, x, y);
      body += fmt::format(R"(<path d="M{} {}l10 10m0 -10l-10 10" class="cross"/>)" "\n", x - 5, mid - 5);
    }
  seen.per_row = std::max(seen.per_row, g.per_row);
  seen.loop_row = seen.loop_row || g.loop_row;
  seen.any_failure = seen.any_failure || g.any_failure;
  y += 8;
  return body;
}

std::string axis(int& y, nanoseconds length)
{
  // Ticks at round times: 1, 2 or 5 times a power of ten.
  std::string body = fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>)" "\n", label_width, y,
                                 label_width + cells, y);
  std::int64_t step = 1;
  for (int i = 0; length.count() / step > 5; ++i) step = i % 3 == 1 ? step * 5 / 2 : step * 2;  // 1, 2, 5, 10, ...
  for (std::int64_t at = 0; at <= length.count(); at += step) {
    const int x = label_width + static_cast<int>(at * cells / length.count());
    body += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>)" "\n", x, y, x, y + 4);
    body += fmt::format(R"(<text x="{}" y="{}" class="tick">{}</text>)" "\n", x, y + 18,
                        at == 0 ? std::string("0") : human_duration(nanoseconds{at}));
  }
  y += 28;
  return body;
}

/// The legend names only what the picture can show.
std::string legend(int& y, const grid& seen)
{
  std::string body;
  int x = label_width;
  const auto entry = [&](const std::string& mark, const std::string& text) {
    body += mark + fmt::format(R"(<text x="{}" y="{}" class="legend">{}</text>)" "\n", x + 18, y + 12, text);
    x += 18 + static_cast<int>(text.size()) * 8 + 16;
  };
  const auto swatch = [&](const char* colour, double opacity) {
    return fmt::format(R"(<rect x="{}" y="{}" width="13" height="13" fill="{}" fill-opacity="{:.2f}"/>)", x, y, colour,
                       opacity);
  };
  entry(swatch(task_colour, 1.0), "in flight");
  if (seen.per_row > 1) entry(swatch(task_colour, 0.45), "some in flight");
  if (seen.any_failure)
    entry(fmt::format(R"(<path d="M{} {}l12 12m0 -12l-12 12" class="cross"/>)", x, y), "failed");
  if (seen.loop_row) entry(swatch(stall_colour, 1.0), "event loop stalled");
  y += 22;
  return body;
}

}  // namespace

std::string svg_chart(const std::vector<const timeline*>& timelines, const chart_options& options)
{
  // Every panel on the same time axis: the given span, or the longest run's.
  chart_options shared = options;
  if (shared.span.count() <= 0)
    for (const auto* recorded : timelines) shared.span = std::max(shared.span, duration(*recorded));
  shared.span = std::max(shared.span, nanoseconds{1});

  std::string body, names;
  int y = 0;
  grid seen;
  seen.per_row = 1;
  for (const auto* recorded : timelines) {
    body += panel(*recorded, shared, y, seen);
    names += (names.empty() ? "" : ", ") + recorded->name();
  }
  body += axis(y, shared.span);
  body += legend(y, seen);

  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" font-family="sans-serif">)" "\n"
      "<title>Timeline of the {2}, on one time axis</title>\n"
      R"(<style>:root{{color-scheme:light dark}} text{{fill:#222}} .title{{font-size:15px;font-weight:bold}} .label{{font-size:13px;text-anchor:end}} )"
      R"(.tick{{font-size:13px;text-anchor:middle}} .legend{{font-size:13px}} .axis{{stroke:#888;stroke-width:1}} )"
      R"(.empty{{fill:none;stroke:#888;stroke-dasharray:4 3}} )"
      R"(.failure{{stroke:{3};stroke-width:1.5;stroke-dasharray:3 2}} .cross{{stroke:{3};stroke-width:2.5;fill:none}} )"
      R"(@media (prefers-color-scheme: dark){{text{{fill:#ddd}} .axis{{stroke:#aaa}}}}</style>)" "\n"
      "{4}</svg>\n",
      svg_width, y, names, failure_colour, body);
}

}  // namespace lab
