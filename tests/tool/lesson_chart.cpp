#include "tool/lesson_chart.hpp"

#include "tests/tool/fixtures.hpp"

#include <catch2/catch.hpp>

using asynclab::tool::parse_bench_json;

namespace {

asynclab::tool::bench_run lesson_01_run()
{
  auto read = parse_bench_json(tool_test::benchmark_json({{"01_x/pitfall/tasks:10/real_time", {50, 52, 51}},
                                                          {"01_x/solution/tasks:10/real_time", {5, 5, 5}},
                                                          {"01_x/pitfall/tasks:100/real_time", {500, 510, 505}},
                                                          {"01_x/solution/tasks:100/real_time", {5, 5, 5}},
                                                          {"01_x/per_start", {0.5, 0.5, 0.5}, "us"},
                                                          {"02_y/pitfall", {1, 1, 1}}}),
                               "run.json");
  REQUIRE(read.run);
  return *read.run;
}

}  // namespace

TEST_CASE("a lesson's chart table pairs each pitfall with its solution and gives the ratio", "[tool][chart]")
{
  const auto table = asynclab::tool::lesson_chart_markdown(lesson_01_run(), "01_x");
  CHECK(table.find("| tasks:10 | 51.0 ms | 5.00 ms | 10.2x |") != std::string::npos);
  CHECK(table.find("| tasks:100 | 505 ms | 5.00 ms | 101x |") != std::string::npos);
  CHECK(table.find("| `per_start` | 500 ns |") != std::string::npos);
  CHECK(table.find("02_y") == std::string::npos);
  CHECK(table.find("Measured on alice on pc-1 (Test CPU, 4 CPUs), Release build") != std::string::npos);
}

TEST_CASE("a lesson's chart draws two bars and a ratio per pair, on a log axis", "[tool][chart]")
{
  const auto svg = asynclab::tool::lesson_chart_svg(lesson_01_run(), "01_x");
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  // Bars are 14 pixels high; the legend's squares are 12.
  const auto count = [&](const std::string& bar) {
    std::size_t found = 0;
    for (auto at = svg.find(bar); at != std::string::npos; at = svg.find(bar, at + 1)) ++found;
    return found;
  };
  CHECK(count(R"(height="14" class="pitfall")") == 2);
  CHECK(count(R"(height="14" class="solution")") == 2);
  CHECK(svg.find(">10.2x</text>") != std::string::npos);
  CHECK(svg.find(">101x</text>") != std::string::npos);
  // Decades from 1 ms (below the fastest, 5 ms) to 1 s (above the slowest, 505 ms).
  CHECK(svg.find(">1.00 ms</text>") != std::string::npos);
  CHECK(svg.find(">1.00 s</text>") != std::string::npos);
}

TEST_CASE("a lesson missing from the results gets a chart and a table that say so", "[tool][chart]")
{
  const auto run = lesson_01_run();
  CHECK(asynclab::tool::lesson_chart_svg(run, "09_missing").find("No pitfall/solution benchmark pairs for 09_missing") !=
        std::string::npos);
  CHECK(asynclab::tool::lesson_chart_markdown(run, "09_missing").find("No benchmark results for 09_missing") != std::string::npos);
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
  const auto table = asynclab::tool::lesson_chart_markdown(*read.run, "04_x");
  CHECK(table.find("| other measurement | median wall time | each |") != std::string::npos);
  CHECK(table.find("| `function_call/calls:1000` | 1.50 us | 1.50 ns |") != std::string::npos);
  CHECK(table.find("| `work_item` | 11.0 ns |  |") != std::string::npos);
  CHECK(table.find("min_time") == std::string::npos);
}
