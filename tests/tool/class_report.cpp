#include "tool/class_report.hpp"

#include "tests/tool/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace tool_test;
using namespace asynclab::tool;

namespace {

// One student's file: lesson 01 with the given pitfall time over a 5 ms solution, at tasks:100.
bench_run student_run(const std::string& student, double pitfall_ms, const std::string& commit = "abc123")
{
  auto read = parse_bench_json(benchmark_json({{"01_x/pitfall/tasks:1/real_time", {5, 5, 5}},
                                               {"01_x/pitfall/tasks:100/real_time", {pitfall_ms, pitfall_ms, pitfall_ms}},
                                               {"01_x/solution/tasks:1/real_time", {5, 5, 5}},
                                               {"01_x/solution/tasks:100/real_time", {5, 5, 5}}},
                                              commit, student, "pc-" + student),
                               student + ".json");
  REQUIRE(read.run);
  return *read.run;
}

}  // namespace

TEST_CASE("the class report has a row per machine and a column per lesson's headline pair", "[tool][report]")
{
  const auto report = build_class_report({student_run("ada", 500), student_run("bob", 450), student_run("cy", 550)});
  REQUIRE(report.lessons.size() == 1);
  CHECK(report.lessons[0].lesson == "01_x");
  CHECK(report.lessons[0].suffix == "tasks:100/real_time");
  REQUIRE(report.machines.size() == 3);
  CHECK(report.machines[1].student == "bob");
  CHECK(report.machines[1].host == "pc-bob");
  CHECK(report.machines[1].cpu == "Test CPU, 4 CPUs");
  CHECK(*report.machines[1].ratios[0] == Approx(90));
  CHECK(report.lessons[0].median == Approx(100));
  CHECK(report.lessons[0].lower_quartile == Approx(95));
  CHECK(report.lessons[0].upper_quartile == Approx(105));
  CHECK(report.problems.empty());
  CHECK(report.debug_library_machines == 3);
  CHECK(report_text(report).find("Google Benchmark's library was a debug build on 3 machine(s)") != std::string::npos);
}

TEST_CASE("a machine far from the rest of the class is marked as an outlier", "[tool][report]")
{
  const auto report = build_class_report(
      {student_run("ada", 500), student_run("bob", 490), student_run("cy", 510), student_run("dan", 505), student_run("eve", 100)});
  REQUIRE(report.machines.size() == 5);
  CHECK(report.machines[4].outliers[0]);  // eve: 20x where the class measured about 100x
  for (int i = 0; i < 4; ++i) CHECK_FALSE(report.machines[static_cast<std::size_t>(i)].outliers[0]);
  CHECK(report_text(report).find("20.0x !") != std::string::npos);
  CHECK(report_markdown(report).find("**20.0x !**") != std::string::npos);
}

TEST_CASE("a file from another course version is left out with a line naming it", "[tool][report]")
{
  const auto report = build_class_report({student_run("ada", 500), student_run("bob", 500), student_run("old", 300, "0ld000")});
  CHECK(report.course_commit == "abc123");
  CHECK(report.machines.size() == 2);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0] == "old.json: course version 0ld000 differs from the class's abc123; left out");
}

TEST_CASE("a file without a lesson's pair keeps its row with an empty cell", "[tool][report]")
{
  auto partial = parse_bench_json(benchmark_json({{"01_x/solution/tasks:100/real_time", {5, 5, 5}}}, "abc123", "zoe"), "zoe.json");
  REQUIRE(partial.run);
  const auto report = build_class_report({student_run("ada", 500), *partial.run});
  REQUIRE(report.machines.size() == 2);
  CHECK_FALSE(report.machines[1].ratios[0]);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0] == "zoe.json: has no 01_x pair tasks:100; its cell is empty");
  CHECK(report.lessons[0].machines == 1);
}

TEST_CASE("the HTML page holds the table and a chart with a dot per machine, names escaped", "[tool][report]")
{
  const auto report = build_class_report({student_run("<ada>", 500), student_run("bob", 450)});
  const auto page = report_html(report);
  CHECK(page.starts_with("<!DOCTYPE html>"));
  CHECK(page.find("<svg") != std::string::npos);
  CHECK(page.find("</svg>") != std::string::npos);
  std::size_t dots = 0;
  for (auto at = page.find("<circle"); at != std::string::npos; at = page.find("<circle", at + 1)) ++dots;
  CHECK(dots == 2);
  CHECK(page.find("&lt;ada&gt;") != std::string::npos);
  CHECK(page.find("<ada>") == std::string::npos);
  CHECK(page.find("class median") != std::string::npos);
}

TEST_CASE("the Markdown table has a header, a row per machine and the class rows", "[tool][report]")
{
  const auto markdown = report_markdown(build_class_report({student_run("ada", 500), student_run("bob", 450)}));
  CHECK(markdown.find("| student | host | CPU | 01\\_x (tasks:100) |") != std::string::npos);
  CHECK(markdown.find("| ada | pc-ada | Test CPU, 4 CPUs | 100x |") != std::string::npos);
  CHECK(markdown.find("| **class median** | | | **95.0x** |") != std::string::npos);
}
