#include "lab/chart.hpp"

#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

using namespace std::chrono_literals;

namespace {

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The part of a chart row between its two bars.
std::string bar_of(const std::string& row) { return row.substr(row.find('|') + 1, row.rfind('|') - row.find('|') - 1); }

}  // namespace

TEST_CASE("tasks one after another draw a staircase", "[lab][chart]")
{
  lab::timeline recorded("pitfall");
  const auto t0 = lab::clock::now();
  recorded.record(0, lab::span_kind::task, t0, t0 + 100ms);
  recorded.record(1, lab::span_kind::task, t0 + 100ms, t0 + 200ms);

  const auto lines = lines_of(lab::ascii_chart(recorded, {.width = 40}));
  REQUIRE(lines.size() >= 3);
  const auto first = bar_of(lines[0]), second = bar_of(lines[1]);
  CHECK(lines[0].find("task 1") != std::string::npos);
  CHECK(lines[1].find("task 2") != std::string::npos);
  CHECK(first.find('=') < second.find('='));
  CHECK(first.rfind('=') < second.rfind('='));
  CHECK(first.back() == ' ');
  CHECK(second.front() == ' ');
}

TEST_CASE("overlapping tasks draw the same bar", "[lab][chart]")
{
  lab::timeline recorded("solution");
  const auto t0 = lab::clock::now();
  for (int task = 0; task < 3; ++task) recorded.record(task, lab::span_kind::task, t0, t0 + 100ms);

  const auto lines = lines_of(lab::ascii_chart(recorded));
  CHECK(bar_of(lines[0]) == bar_of(lines[1]));
  CHECK(bar_of(lines[1]) == bar_of(lines[2]));
  CHECK(bar_of(lines[0]).find(' ') == std::string::npos);
}

TEST_CASE("a loop stall shows on the event loop row", "[lab][chart]")
{
  lab::timeline recorded("pitfall");
  const auto t0 = lab::clock::now();
  recorded.record(0, lab::span_kind::task, t0, t0 + 100ms);
  recorded.record(0, lab::span_kind::stall, t0 + 50ms, t0 + 100ms);

  const auto lines = lines_of(lab::ascii_chart(recorded, {.width = 40, .loop_row = true}));
  REQUIRE(lines.size() >= 2);
  CHECK(lines[1].find("event loop") != std::string::npos);
  const auto loop = bar_of(lines[1]);
  CHECK(loop.front() == ' ');
  CHECK(loop.back() == '#');
}

TEST_CASE("ten thousand tasks fit in a few rows of 80 columns", "[lab][chart]")
{
  lab::timeline recorded("many", 10000);
  const auto t0 = lab::clock::now();
  for (int task = 0; task < 10000; ++task)
    recorded.record(task, lab::span_kind::task, t0 + task * 1us, t0 + task * 1us + 1ms);

  const auto lines = lines_of(lab::ascii_chart(recorded, {.width = 80, .max_rows = 12}));
  CHECK(lines.size() <= 12 + 3);
  for (const auto& line : lines) CHECK(line.size() <= 80);
  CHECK(lines[0].find("tasks 1-834") != std::string::npos);
  CHECK(lines[11].find("-10000") != std::string::npos);
}

TEST_CASE("a shared span draws the shorter run shorter", "[lab][chart]")
{
  lab::timeline recorded("solution");
  const auto t0 = lab::clock::now();
  recorded.record(0, lab::span_kind::task, t0, t0 + 100ms);

  const auto bar = bar_of(lines_of(lab::ascii_chart(recorded, {.width = 40, .span = 1s}))[0]);
  const auto drawn = static_cast<double>(bar.find_last_of('=') + 1);
  CHECK(drawn / static_cast<double>(bar.size()) == Approx(0.1).margin(0.05));
}

TEST_CASE("the chrome trace gives every task its own track and every run its own process", "[lab][chart]")
{
  lab::timeline pitfall("pitfall"), solution("solution");
  const auto t0 = lab::clock::now();
  pitfall.record(0, lab::span_kind::task, t0, t0 + 100ms);
  pitfall.record(1, lab::span_kind::task, t0 + 100ms, t0 + 200ms);
  pitfall.record(0, lab::span_kind::stall, t0, t0 + 200ms);
  solution.record(0, lab::span_kind::task, t0, t0 + 100ms);

  std::ostringstream out;
  lab::write_chrome_trace(out, {&pitfall, &solution});
  const auto trace = boost::json::parse(out.str()).as_object();
  CHECK(trace.at("displayTimeUnit") == "ms");
  const auto& events = trace.at("traceEvents").as_array();
  const auto has = [&](const boost::json::object& wanted) {
    return std::ranges::any_of(events, [&](const boost::json::value& event) {
      return std::ranges::all_of(wanted, [&](const auto& field) {
        return event.as_object().contains(field.key()) && event.at(field.key()) == field.value();
      });
    });
  };
  CHECK(has({{"name", "process_name"}, {"pid", 1}, {"args", {{"name", "pitfall"}}}}));
  CHECK(has({{"name", "process_name"}, {"pid", 2}, {"args", {{"name", "solution"}}}}));
  CHECK(has({{"name", "task 1"}, {"cat", "task"}, {"ph", "X"}, {"pid", 1}, {"tid", 1}, {"ts", 0.0}, {"dur", 100000.0}}));
  CHECK(has({{"name", "task 2"}, {"pid", 1}, {"tid", 2}, {"ts", 100000.0}}));
  CHECK(has({{"name", "loop stalled"}, {"cat", "stall"}, {"pid", 1}, {"tid", 0}}));
  CHECK(has({{"name", "task 1"}, {"pid", 2}, {"tid", 1}, {"ts", 0.0}}));
}

TEST_CASE("the svg chart draws a panel per run, tasks in flight and the stalled loop", "[lab][chart]")
{
  lab::timeline pitfall("pitfall"), solution("solution");
  const auto t0 = lab::clock::now();
  pitfall.record(0, lab::span_kind::task, t0, t0 + 100ms);
  pitfall.record(1, lab::span_kind::task, t0 + 100ms, t0 + 200ms);
  pitfall.record(0, lab::span_kind::stall, t0, t0 + 200ms);
  solution.record(0, lab::span_kind::task, t0, t0 + 100ms);
  solution.record(1, lab::span_kind::task, t0, t0 + 100ms);

  const auto svg = lab::svg_chart({&pitfall, &solution}, {.span = 200ms, .loop_row = true});
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find(">pitfall</text>") != std::string::npos);
  CHECK(svg.find(">solution</text>") != std::string::npos);
  // Each task's 100 ms is half of the 480-pixel-wide axis; the pitfall's second task starts halfway.
  CHECK(svg.find(R"(<rect x="120" y="30" width="240" height="14" fill="#3b82c4")") != std::string::npos);
  CHECK(svg.find(R"(<rect x="360" y="52" width="240" height="14" fill="#3b82c4")") != std::string::npos);
  // The pitfall's loop was stalled the whole time: one red bar across the axis.
  CHECK(svg.find(R"(width="480" height="14" fill="#d9534f")") != std::string::npos);
  CHECK(svg.find("event loop stalled</text>") != std::string::npos);
  CHECK(svg.find("<title>") != std::string::npos);
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
}

TEST_CASE("a run in which no task ran draws an empty row that says so", "[lab][chart]")
{
  lab::timeline pitfall("pitfall"), solution("solution");
  const auto t0 = lab::clock::now();
  solution.record(0, lab::span_kind::task, t0, t0 + 100ms);

  const auto lines = lines_of(lab::ascii_chart(pitfall, {.width = 40, .span = 100ms}));
  REQUIRE(lines.size() >= 2);
  CHECK(lines[0].find("no task ran |") != std::string::npos);
  CHECK(bar_of(lines[0]).find_first_not_of(' ') == std::string::npos);
  const auto svg = lab::svg_chart({&pitfall, &solution});
  CHECK(svg.find(">pitfall</text>") != std::string::npos);
  CHECK(svg.find(">no task ran</text>") != std::string::npos);
  CHECK(svg.find(">solution</text>") != std::string::npos);
}

TEST_CASE("the loop's row and its legend appear only for a lesson that watches the loop", "[lab][chart]")
{
  lab::timeline recorded("solution");
  const auto t0 = lab::clock::now();
  recorded.record(0, lab::span_kind::task, t0, t0 + 100ms);
  recorded.record(0, lab::span_kind::stall, t0, t0 + 2ms);  // a lesson that does not watch may still see one

  CHECK(lab::ascii_chart(recorded).find("loop") == std::string::npos);
  CHECK(lab::svg_chart({&recorded}).find("loop") == std::string::npos);
  const auto watched = lab::ascii_chart(recorded, {.loop_row = true});
  CHECK(watched.find("event loop |") != std::string::npos);
  CHECK(watched.find("# loop stalled") != std::string::npos);
  CHECK(lab::svg_chart({&recorded}, {.loop_row = true}).find("event loop stalled") != std::string::npos);
}

TEST_CASE("a failure is marked at its moment on the failing task's row", "[lab][chart]")
{
  lab::timeline recorded("pitfall");
  const auto t0 = lab::clock::now();
  recorded.record(0, lab::span_kind::task, t0, t0 + 50ms);
  recorded.record(0, lab::span_kind::failure, t0 + 50ms, t0 + 50ms);
  recorded.record(1, lab::span_kind::task, t0, t0 + 100ms);

  const auto lines = lines_of(lab::ascii_chart(recorded, {.width = 40}));
  const auto bar = bar_of(lines[0]);
  CHECK(bar.find('X') == bar.size() / 2);
  CHECK(bar_of(lines[1]).find('X') == std::string::npos);
  CHECK(lines.back().find("X failed") != std::string::npos);
  const auto svg = lab::svg_chart({&recorded});
  CHECK(svg.find(R"(<line x1="360" y1="26" x2="360")") != std::string::npos);
  CHECK(svg.find(">failed</text>") != std::string::npos);
}

TEST_CASE("the chrome trace shows a failure as a moment on the task's track", "[lab][chart]")
{
  lab::timeline recorded("pitfall");
  const auto t0 = lab::clock::now();
  recorded.record(0, lab::span_kind::task, t0, t0 + 50ms);
  recorded.record(0, lab::span_kind::failure, t0 + 50ms, t0 + 50ms);

  std::ostringstream out;
  lab::write_chrome_trace(out, {&recorded});
  const auto events = boost::json::parse(out.str()).at("traceEvents").as_array();
  CHECK(std::ranges::any_of(events, [](const boost::json::value& e) {
    const auto& o = e.as_object();
    return o.at("name") == "failed" && o.at("ph") == "i" && o.at("tid") == 1 && o.at("ts") == 50000.0;
  }));
  CHECK(std::ranges::none_of(events, [](const boost::json::value& e) { return e.at("name") == "loop stalled"; }));
}
