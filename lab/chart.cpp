#include "lab/chart.hpp"

#include "lab/json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <set>

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

double to_microseconds(nanoseconds d) { return static_cast<double>(d.count()) / 1000.0; }

}  // namespace

nanoseconds duration(const timeline& recorded)
{
  const auto spans = recorded.spans();
  if (spans.empty()) return nanoseconds{0};
  return latest_end(spans) - earliest_start(spans);
}

std::string ascii_chart(const timeline& recorded, const chart_options& options)
{
  const auto spans = recorded.spans();
  if (spans.empty()) return "(nothing was recorded)\n";

  const auto origin = earliest_start(spans);
  nanoseconds length = options.span.count() > 0 ? options.span : latest_end(spans) - origin;
  length = std::max(length, nanoseconds{1});

  // With more tasks than rows, each row stands for a group of `per_row` neighbouring tasks.
  const int tasks = task_count(spans);
  const int max_rows = std::max(options.max_rows, 1);
  const int per_row = std::max(1, (tasks + max_rows - 1) / max_rows);
  const int rows = (tasks + per_row - 1) / per_row;

  std::vector<std::string> labels;
  for (int row = 0; row < rows; ++row)
    labels.push_back(row_label(row * per_row, std::min(tasks, (row + 1) * per_row) - 1));
  labels.emplace_back("event loop");
  std::size_t label_width = 0;
  for (const auto& label : labels) label_width = std::max(label_width, label.size());

  const int cells = std::max(10, options.width - static_cast<int>(label_width) - 3);
  const auto cell_of = [&](clock::time_point t) {
    const auto offset = std::clamp<std::int64_t>((t - origin).count(), 0, length.count() - 1);
    return static_cast<int>(offset * cells / length.count());
  };

  std::vector<std::vector<int>> in_flight(rows, std::vector<int>(cells, 0));
  std::vector<bool> stalled(cells, false);
  for (const auto& s : spans) {
    const int first = cell_of(s.start);
    const int last = std::max(first, cell_of(s.end - nanoseconds{1}));
    for (int cell = first; cell <= last; ++cell) {
      if (s.kind == span_kind::stall)
        stalled[cell] = true;
      else
        ++in_flight[s.track / per_row][cell];
    }
  }

  std::string chart;
  for (int row = 0; row < rows; ++row) {
    const int tasks_in_row = std::min(tasks, (row + 1) * per_row) - row * per_row;
    std::string bar;
    for (int count : in_flight[row]) bar += count == 0 ? ' ' : count >= tasks_in_row ? '=' : '-';
    chart += fmt::format("{:>{}} |{}|\n", labels[row], label_width, bar);
  }
  std::string loop;
  for (bool s : stalled) loop += s ? '#' : ' ';
  chart += fmt::format("{:>{}} |{}|\n", labels.back(), label_width, loop);

  const auto end_label = human_duration(length);
  chart += fmt::format("{:>{}} 0{:>{}}\n", "", label_width, end_label, cells + 1);
  chart += fmt::format("{:>{}} = in flight   {}# loop stalled\n", "", label_width,
                       per_row > 1 ? "- some in flight   " : "");
  return chart;
}

void write_chrome_trace(std::ostream& out, const std::vector<const timeline*>& timelines)
{
  out << "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[";
  bool first_event = true;
  const auto event = [&](const std::string& json) {
    out << (first_event ? "\n" : ",\n") << json;
    first_event = false;
  };

  for (std::size_t index = 0; index < timelines.size(); ++index) {
    const int pid = static_cast<int>(index) + 1;
    const auto spans = timelines[index]->spans();
    event(fmt::format(R"({{"name":"process_name","ph":"M","pid":{},"tid":0,"args":{{"name":{}}}}})", pid,
                      json_quoted(timelines[index]->name())));
    event(fmt::format(R"({{"name":"process_sort_index","ph":"M","pid":{},"tid":0,"args":{{"sort_index":{}}}}})",
                      pid, pid));
    event(fmt::format(R"({{"name":"thread_name","ph":"M","pid":{},"tid":0,"args":{{"name":"event loop"}}}})", pid));
    if (spans.empty()) continue;

    // One track per task (tid = task number + 1) keeps overlapping tasks apart.
    std::set<int> named_tracks;
    const auto origin = earliest_start(spans);
    for (const auto& s : spans) {
      const bool is_task = s.kind == span_kind::task;
      const int tid = is_task ? s.track + 1 : 0;
      if (is_task && named_tracks.insert(tid).second)
        event(fmt::format(R"({{"name":"thread_name","ph":"M","pid":{},"tid":{},"args":{{"name":"task {}"}}}})",
                          pid, tid, tid));
      event(fmt::format(
          R"({{"name":"{}","cat":"{}","ph":"X","pid":{},"tid":{},"ts":{:.3f},"dur":{:.3f},"args":{{"thread":{}}}}})",
          is_task ? fmt::format("task {}", tid) : std::string("loop stalled"), is_task ? "task" : "stall", pid, tid,
          to_microseconds(s.start - origin), to_microseconds(s.end - s.start), s.thread));
    }
  }
  out << "\n]}\n";
}

std::string human_duration(nanoseconds d)
{
  const double ns = static_cast<double>(d.count());
  const auto three_digits = [](double value, const char* unit) {
    if (value >= 100) return fmt::format("{:.0f} {}", value, unit);
    if (value >= 10) return fmt::format("{:.1f} {}", value, unit);
    return fmt::format("{:.2f} {}", value, unit);
  };
  if (ns >= 1e9) return fmt::format("{:.2f} s", ns / 1e9);
  if (ns >= 1e6) return three_digits(ns / 1e6, "ms");
  if (ns >= 1e3) return three_digits(ns / 1e3, "us");
  return fmt::format("{:.0f} ns", ns);
}

}  // namespace lab
