#include "tool/bench_commands.hpp"
#include "tool/bench_results.hpp"
#include "tool/lesson_ratios.hpp"

#include "tests/tool/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace tool_test;
using asynclab::tool::parse_bench_json;

TEST_CASE("a run keeps every repetition and computes its own median", "[tool][read]")
{
  const auto read = parse_bench_json(benchmark_json({{"01_x/pitfall/tasks:10/real_time", {50, 52, 51, 80, 49}}}), "a.json");
  REQUIRE(read.run);
  REQUIRE(read.run->benchmarks.size() == 1);
  const auto& times = read.run->benchmarks[0];
  CHECK(times.name == "01_x/pitfall/tasks:10/real_time");
  CHECK(times.real_time.size() == 5);  // the mean row is not a repetition
  CHECK(times.median_real_time() == Approx(0.051));
  CHECK(times.median_cpu_time() == Approx(0.0051));
  CHECK_FALSE(times.from_median_row);
}

TEST_CASE("a run reads who ran it, where, and with which version of the course", "[tool][read]")
{
  const auto read = parse_bench_json(benchmark_json({{"01_x/solution", {1}}}, "c0ffee", "Ada", "lab-7"), "a.json");
  REQUIRE(read.run);
  CHECK(read.run->context.student == "Ada");
  CHECK(read.run->context.host == "lab-7");
  CHECK(read.run->context.course_commit == "c0ffee");
  CHECK(read.run->context.cpus == 4);
  CHECK(read.run->context.library_build_type == "debug");
  CHECK(read.run->machine() == "Ada on lab-7");
}

TEST_CASE("a file with only aggregates falls back on Google Benchmark's median row", "[tool][read]")
{
  const auto read = parse_bench_json(R"({"context": {}, "benchmarks": [
      {"name": "01_x/pitfall_mean", "run_name": "01_x/pitfall", "run_type": "aggregate", "aggregate_name": "mean",
       "real_time": 7.0, "cpu_time": 1.0, "time_unit": "us"},
      {"name": "01_x/pitfall_median", "run_name": "01_x/pitfall", "run_type": "aggregate", "aggregate_name": "median",
       "real_time": 6.0, "cpu_time": 1.0, "time_unit": "us"}]})",
                                     "agg.json");
  REQUIRE(read.run);
  REQUIRE(read.run->benchmarks.size() == 1);
  CHECK(read.run->benchmarks[0].from_median_row);
  CHECK(read.run->benchmarks[0].median_real_time() == Approx(6e-6));
}

TEST_CASE("malformed JSON is one line naming the file and where it broke", "[tool][read]")
{
  const auto read = parse_bench_json("{\n  \"context\": {},\n  \"benchmarks\": [ {\"name\": }\n", "broken.json");
  CHECK_FALSE(read.run);
  CHECK(read.problem.starts_with("broken.json: not valid JSON"));
  CHECK(read.problem.find("line 3") != std::string::npos);
  CHECK(read.problem.find('\n') == std::string::npos);
}

TEST_CASE("JSON that is not Google Benchmark output is refused by name", "[tool][read]")
{
  const auto read = parse_bench_json(R"({"lessons": [1, 2]})", "other.json");
  CHECK_FALSE(read.run);
  CHECK(read.problem == "other.json: not Google Benchmark output (it has no \"benchmarks\" list)");
}

TEST_CASE("a file with no benchmark results is refused by name", "[tool][read]")
{
  const auto read = parse_bench_json(R"({"context": {}, "benchmarks": []})", "empty.json");
  CHECK_FALSE(read.run);
  CHECK(read.problem.starts_with("empty.json: no benchmark results"));
}

TEST_CASE("a file that cannot be read is named with the reason", "[tool][read]")
{
  const auto read = asynclab::tool::read_bench_file("/nonexistent/results.json");
  CHECK_FALSE(read.run);
  CHECK(read.problem == "/nonexistent/results.json: cannot read it (No such file or directory)");
}

TEST_CASE("pitfall and solution pair by suffix, and the largest arguments are the headline", "[tool][ratios]")
{
  const auto read = parse_bench_json(benchmark_json({
                                         {"01_x/pitfall/tasks:1/real_time", {5, 5, 5}},
                                         {"01_x/pitfall/tasks:100/real_time", {500, 510, 490}},
                                         {"01_x/pitfall/tasks:10/real_time", {50, 50, 50}},
                                         {"01_x/solution/tasks:1/real_time", {5, 5, 5}},
                                         {"01_x/solution/tasks:100/real_time", {5, 5, 5}},
                                         {"01_x/solution/tasks:10/real_time", {5, 5, 5}},
                                         {"02_y/pitfall/tasks:4", {8, 8, 8}},  // no solution: no pair
                                         {"02_y/timeline", {1, 1, 1}},
                                         {"lab/recording/off/tasks:100", {1, 1, 1}},
                                     }),
                                     "a.json");
  REQUIRE(read.run);
  const auto lessons = asynclab::tool::ratios_of(*read.run);
  REQUIRE(lessons.size() == 1);
  CHECK(lessons[0].lesson == "01_x");
  REQUIRE(lessons[0].pairs.size() == 3);
  const auto& headline = lessons[0].pairs[lessons[0].headline];
  CHECK(headline.suffix == "tasks:100/real_time");
  CHECK(headline.ratio() == Approx(100));
  CHECK(asynclab::tool::pair_label(headline.suffix) == "tasks:100");
  CHECK(asynclab::tool::pair_label("requests:16/iterations:1/manual_time") == "requests:16");
  CHECK(asynclab::tool::pair_label("iterations:3/real_time") == "(no arguments)");
  CHECK(asynclab::tool::format_ratio(headline.ratio()) == "100x");
}

TEST_CASE("a pair carries the lesson's theory from the solution's rows, and a pair without one works", "[tool][ratios]")
{
  const auto read = parse_bench_json(
      benchmark_json({{"01_x/pitfall/tasks:20", {100, 100, 100}},
                      {.name = "01_x/solution/tasks:20", .real_times = {5, 5, 5}, .theory = 20.0},
                      {"00_y/pitfall", {10, 10, 10}},
                      {"00_y/solution", {5, 5, 5}}}),
      "a.json");
  REQUIRE(read.run);
  const auto lessons = asynclab::tool::ratios_of(*read.run);
  REQUIRE(lessons.size() == 2);
  REQUIRE(lessons[0].pairs[0].theory);
  CHECK(*lessons[0].pairs[0].theory == Approx(20));
  CHECK_FALSE(lessons[1].pairs[0].theory);
  CHECK(lessons[1].pairs[0].ratio() == Approx(2));
  CHECK(asynclab::tool::format_off(19, 20) == "-5%");
  CHECK(asynclab::tool::format_off(20.04, 20) == "0%");
  CHECK(asynclab::tool::format_off(23, 20) == "+15%");
  // What asynclab bench prints after a run.
  const auto summary = asynclab::tool::bench_summary(*read.run);
  CHECK(summary.find("  01_x (tasks:20): the pitfall took 20.0x as long as the solution (theory: 20.0x)\n") !=
        std::string::npos);
  CHECK(summary.find("  00_y ((no arguments)): the pitfall took 2.00x as long as the solution\n") != std::string::npos);
}

TEST_CASE("NaN, which Google Benchmark writes for the spread of a counter that is always 0, is read as no value",
          "[tool][read]")
{
  const auto text = benchmark_json({{.name = "02_y/pitfall", .real_times = {1, 1, 1}, .headline = 0.0, .headline_of = 10.0}});
  // The mean row's headline as Google Benchmark writes a coefficient of variation of 0 / 0.
  auto with_nan = text;
  const auto key = with_nan.rfind("\"headline\":");
  REQUIRE(key != std::string::npos);
  const auto value = key + std::string_view("\"headline\":").size();
  with_nan.replace(value, with_nan.find_first_of(",}", value) - value, " -nan");
  const auto read = parse_bench_json(with_nan, "a.json");
  INFO(read.problem);
  REQUIRE(read.run);
  CHECK(read.run->benchmarks[0].headline.size() == 3);
}
