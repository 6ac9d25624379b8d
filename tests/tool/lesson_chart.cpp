#include "tool/lesson_chart.hpp"

#include "tests/tool/fixtures.hpp"

#include <catch2/catch.hpp>

using asynclab::tool::parse_bench_json;

namespace {

asynclab::tool::bench_run lesson_01_run()
{
  auto read = parse_bench_json(tool_test::benchmark_json({{"01_x/pitfall/tasks:10/real_time", {50, 52, 51}},
                                                          {.name = "01_x/solution/tasks:10/real_time",
                                                           .real_times = {5, 5, 5}, .theory = 10.0},
                                                          {"01_x/pitfall/tasks:100/real_time", {500, 510, 505}},
                                                          {.name = "01_x/solution/tasks:100/real_time",
                                                           .real_times = {5, 5, 5}, .theory = 100.0},
                                                          {"01_x/per_start", {0.5, 0.5, 0.5}, "us"},
                                                          {"02_y/pitfall", {1, 1, 1}}}),
                               "run.json");
  REQUIRE(read.run);
  return *read.run;
}

const asynclab::tool::lesson_ratios& lesson_01(const std::vector<asynclab::tool::lesson_ratios>& lessons)
{
  const auto* found = asynclab::tool::find_lesson_ratios(lessons, "01_x");
  REQUIRE(found);
  return *found;
}

}  // namespace

TEST_CASE("a lesson's chart table pairs each pitfall with its solution and gives the ratio and theory", "[tool][chart]")
{
  const auto run = lesson_01_run();
  const auto table = asynclab::tool::lesson_chart_markdown(run, lesson_01(asynclab::tool::ratios_of(run)));
  CHECK(table.find("| tasks:10 | 51.0 ms | 5.00 ms | 10.2x | 10.0x |") != std::string::npos);
  CHECK(table.find("| tasks:100 | 505 ms | 5.00 ms | 101x | 100x |") != std::string::npos);
  CHECK(table.find("| `per_start` | 500 ns |") != std::string::npos);
  CHECK(table.find("02_y") == std::string::npos);
  CHECK(table.find("Measured on alice on pc-1 (Test CPU, 4 CPUs), Release build") != std::string::npos);
}

TEST_CASE("a lesson's chart draws one bar per pair on a ratio axis from 1x, with the theory's mark",
          "[tool][chart]")
{
  const auto lessons = asynclab::tool::ratios_of(lesson_01_run());
  const auto svg = asynclab::tool::lesson_chart_svg(lesson_01(lessons));
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(tool_test::count_of(svg, R"(height="14" class="pitfall")") == 2);
  CHECK(tool_test::count_of(svg, R"(class="theory")") == 2);
  CHECK(svg.find(">10.2x (theory 10.0x)</text>") != std::string::npos);
  CHECK(svg.find(">101x (theory 100x)</text>") != std::string::npos);
  CHECK(svg.find(">pitfall 505 ms, solution 5.00 ms</text>") != std::string::npos);
  // The axis starts at 1x, no difference, and ends at a round number past 101x: a bar's length
  // is what the pitfall lost, 480 pixels for 150x - 1x.
  CHECK(svg.find(">1x</text>") != std::string::npos);
  CHECK(svg.find(">50x</text>") != std::string::npos);
  CHECK(svg.find(">150x</text>") != std::string::npos);
  CHECK(svg.find(R"( y="62" width="322" height="14" class="pitfall")") != std::string::npos);
  CHECK(svg.find(" ms</text><line") == std::string::npos);  // no time axis
}

TEST_CASE("a lesson is found by its number or its whole name, and a missing one is not", "[tool][chart]")
{
  const auto lessons = asynclab::tool::ratios_of(lesson_01_run());
  CHECK(asynclab::tool::find_lesson_ratios(lessons, "01") == &lessons[0]);
  CHECK(asynclab::tool::find_lesson_ratios(lessons, "01_x") == &lessons[0]);
  CHECK(asynclab::tool::find_lesson_ratios(lessons, "0") == nullptr);
  CHECK(asynclab::tool::find_lesson_ratios(lessons, "09_missing") == nullptr);
}

TEST_CASE("a lesson's other measurements show what one operation costs, under short names", "[tool][chart]")
{
  const auto read = parse_bench_json(R"({"context": {}, "benchmarks": [
      {"name": "04_x/function_call/calls:1000/min_time:0.300/real_time", "run_name": "04_x/function_call/calls:1000/min_time:0.300/real_time",
       "run_type": "iteration", "real_time": 1500, "cpu_time": 1500, "time_unit": "ns", "ns_each": 1.5},
      {"name": "04_x/work_item/min_time:0.300/real_time", "run_name": "04_x/work_item/min_time:0.300/real_time",
       "run_type": "iteration", "real_time": 11, "cpu_time": 11, "time_unit": "ns"}]})",
                                     "run.json");
  REQUIRE(read.run);
  const auto table =
      asynclab::tool::lesson_chart_markdown(*read.run, asynclab::tool::lesson_ratios{.lesson = "04_x", .pairs = {}});
  CHECK(table.find("| other measurement | median wall time | each |") != std::string::npos);
  CHECK(table.find("| `function_call/calls:1000` | 1.50 us | 1.50 ns |") != std::string::npos);
  CHECK(table.find("| `work_item` | 11.0 ns |  |") != std::string::npos);
  CHECK(table.find("min_time") == std::string::npos);
}
