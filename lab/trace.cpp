// Chrome trace-event JSON (the format Perfetto and chrome://tracing open), written with Boost.JSON.

#include "lab/chart.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <ostream>
#include <set>

namespace lab {
namespace {

namespace json = boost::json;

double microseconds(std::chrono::nanoseconds d) { return static_cast<double>(d.count()) / 1000.0; }

json::object metadata(const char* name, int pid, int tid, json::object args)
{
  return {{"name", name}, {"ph", "M"}, {"pid", pid}, {"tid", tid}, {"args", std::move(args)}};
}

}  // namespace

void write_chrome_trace(std::ostream& out, const std::vector<const timeline*>& timelines)
{
  json::array events;
  for (std::size_t index = 0; index < timelines.size(); ++index) {
    const int pid = static_cast<int>(index) + 1;
    const auto spans = timelines[index]->spans();
    events.push_back(metadata("process_name", pid, 0, {{"name", timelines[index]->name()}}));
    events.push_back(metadata("process_sort_index", pid, 0, {{"sort_index", pid}}));
    events.push_back(metadata("thread_name", pid, 0, {{"name", "event loop"}}));
    if (spans.empty()) continue;

    // One track per task (tid = task number + 1) keeps overlapping tasks apart.
    std::set<int> named_tracks;
    const auto origin = std::ranges::min(spans, {}, &span::start).start;
    for (const auto& s : spans) {
      if (s.kind == span_kind::failure) {  // a moment on the task's own track
        events.push_back(json::object{{"name", "failed"}, {"cat", "failure"}, {"ph", "i"}, {"s", "t"},
                                      {"pid", pid}, {"tid", s.track + 1}, {"ts", microseconds(s.start - origin)}});
        continue;
      }
      const bool is_task = s.kind == span_kind::task;
      const int tid = is_task ? s.track + 1 : 0;
      const auto name = is_task ? "task " + std::to_string(tid) : std::string("loop stalled");
      if (is_task && named_tracks.insert(tid).second)
        events.push_back(metadata("thread_name", pid, tid, {{"name", name}}));
      events.push_back(json::object{{"name", name},
                                    {"cat", is_task ? "task" : "stall"},
                                    {"ph", "X"},
                                    {"pid", pid},
                                    {"tid", tid},
                                    {"ts", microseconds(s.start - origin)},
                                    {"dur", microseconds(s.end - s.start)},
                                    {"args", {{"thread", s.thread}}}});
    }
  }
  out << json::serialize(json::object{{"displayTimeUnit", "ms"}, {"traceEvents", std::move(events)}}) << '\n';
}

}  // namespace lab
