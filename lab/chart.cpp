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
  std::vector<std::string> labels;               // one per row; the last is the event loop's
  std::vector<int> tasks_in_row;                 // how many tasks each task row stands for
  std::vector<std::vector<int>> in_flight;       // per task row, per cell: tasks in flight
  std::vector<bool> stalled;                     // per cell: was the loop stalled
  int per_row = 1;                               // tasks per row
  nanoseconds length{1};                         // the time the cells cover together
};

grid grid_of(const std::vector<span>& spans, const chart_options& options, int cells)
{
  grid g;
  const auto origin = earliest_start(spans);
  g.length = std::max(options.span.count() > 0 ? options.span : latest_end(spans) - origin, nanoseconds{1});

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
  g.labels.emplace_back("event loop");

  const auto cell_of = [&](clock::time_point t) {
    const auto offset = std::clamp<std::int64_t>((t - origin).count(), 0, g.length.count() - 1);
    return static_cast<int>(offset * cells / g.length.count());
  };
  g.in_flight.assign(rows, std::vector<int>(cells, 0));
  g.stalled.assign(cells, false);
  for (const auto& s : spans) {
    const int first = cell_of(s.start);
    const int last = std::max(first, cell_of(s.end - nanoseconds{1}));
    for (int cell = first; cell <= last; ++cell) {
      if (s.kind == span_kind::stall)
        g.stalled[cell] = true;
      else
        ++g.in_flight[s.track / g.per_row][cell];
    }
  }
  return g;
}

}  // namespace

std::string ascii_chart(const timeline& recorded, const chart_options& options)
{
  const auto spans = recorded.spans();
  if (spans.empty()) return "(nothing was recorded)\n";

  std::size_t label_width = 0;
  for (const auto& label : grid_of(spans, options, 1).labels) label_width = std::max(label_width, label.size());
  const int cells = std::max(10, options.width - static_cast<int>(label_width) - 3);
  const auto g = grid_of(spans, options, cells);

  std::string chart;
  for (std::size_t row = 0; row < g.in_flight.size(); ++row) {
    std::string bar;
    for (int count : g.in_flight[row]) bar += count == 0 ? ' ' : count >= g.tasks_in_row[row] ? '=' : '-';
    chart += fmt::format("{:>{}} |{}|\n", g.labels[row], label_width, bar);
  }
  std::string loop;
  for (bool s : g.stalled) loop += s ? '#' : ' ';
  chart += fmt::format("{:>{}} |{}|\n", g.labels.back(), label_width, loop);

  chart += fmt::format("{:>{}} 0{:>{}}\n", "", label_width, human_duration(g.length), cells + 1);
  chart += fmt::format("{:>{}} = in flight   {}# loop stalled\n", "", label_width,
                       g.per_row > 1 ? "- some in flight   " : "");
  return chart;
}

std::string svg_chart(const std::vector<const timeline*>& timelines, const chart_options& options)
{
  constexpr int label_width = 110, cells = 600, row_height = 18, bar_height = 12, title_height = 24;
  constexpr int width = label_width + cells + 20;
  const char* task_colour = "#3b82c4";
  const char* stall_colour = "#d9534f";

  std::string body;
  int y = 0;
  nanoseconds length{1};
  for (const auto* recorded : timelines) {
    const auto spans = recorded->spans();
    if (spans.empty()) continue;
    const auto g = grid_of(spans, options, cells);
    length = g.length;
    body += fmt::format(R"(<text x="0" y="{}" class="title">{}</text>)" "\n", y + 16, recorded->name());
    y += title_height;

    // Runs of equal cells become one rectangle: full colour where every task of the row was in
    // flight, lighter where only some were.
    const auto draw_row = [&](const std::string& label, auto level_of, const char* colour) {
      body += fmt::format(R"(<text x="{}" y="{}" class="label">{}</text>)" "\n", label_width - 8, y + 13, label);
      for (int cell = 0; cell < cells;) {
        const double level = level_of(cell);
        int end = cell + 1;
        while (end < cells && level_of(end) == level) ++end;
        if (level > 0)
          body += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" fill-opacity="{:.2f}"/>)" "\n",
                              label_width + cell, y + (row_height - bar_height) / 2, end - cell, bar_height, colour,
                              level);
        cell = end;
      }
      y += row_height;
    };
    for (std::size_t row = 0; row < g.in_flight.size(); ++row) {
      const int group = g.tasks_in_row[row];
      draw_row(g.labels[row], [&](int cell) {
        const int count = g.in_flight[row][cell];
        return count == 0 ? 0.0 : count >= group ? 1.0 : 0.45;
      }, task_colour);
    }
    draw_row(g.labels.back(), [&](int cell) { return g.stalled[cell] ? 1.0 : 0.0; }, stall_colour);
    y += 8;
  }

  // The shared time axis, with ticks at round times: 1, 2 or 5 times a power of ten.
  body += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>)" "\n", label_width, y, label_width + cells, y);
  std::int64_t step = 1;
  for (int i = 0; length.count() / step > 6; ++i) step = i % 3 == 1 ? step * 5 / 2 : step * 2;  // 1, 2, 5, 10, 20, ...
  for (std::int64_t at = 0; at <= length.count(); at += step) {
    const int x = label_width + static_cast<int>(at * cells / length.count());
    body += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>)" "\n", x, y, x, y + 4);
    body += fmt::format(R"(<text x="{}" y="{}" class="tick">{}</text>)" "\n", x, y + 16,
                        at == 0 ? std::string("0") : human_duration(nanoseconds{at}));
  }
  y += 24;
  body += fmt::format(R"(<rect x="{}" y="{}" width="12" height="12" fill="{}"/><text x="{}" y="{}" class="legend">task in flight</text>)"
                      R"(<rect x="{}" y="{}" width="12" height="12" fill="{}"/><text x="{}" y="{}" class="legend">event loop stalled</text>)" "\n",
                      label_width, y, task_colour, label_width + 18, y + 10, label_width + 140, y, stall_colour,
                      label_width + 158, y + 10);
  y += 20;

  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" font-family="sans-serif">)" "\n"
      R"(<style>.title{{font-size:14px;font-weight:bold}} .label{{font-size:11px;text-anchor:end}} )"
      R"(.tick{{font-size:10px;text-anchor:middle}} .legend{{font-size:11px}} .axis{{stroke:#888;stroke-width:1}}</style>)" "\n"
      "{}</svg>\n",
      width, y, width, y, body);
}



}  // namespace lab
