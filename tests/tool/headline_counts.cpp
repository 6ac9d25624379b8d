// A lesson whose point is a count, not a time (tests/tool/headline_counts.json: lesson 02_y runs
// 0 of 10 bodies in its pitfall and 10 of 10 in its solution, lesson 01_x is timed): every tool
// shows the counts and no ratio for it.

#include "tool/bench_commands.hpp"
#include "tool/bench_results.hpp"
#include "tool/class_report.hpp"
#include "tool/lesson_chart.hpp"

#include "tests/tool/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace tool_test;
using namespace asynclab::tool;

namespace {

const std::string fixture = std::string(ASYNCLAB_TOOL_TESTS) + "/headline_counts.json";

bench_run counted_run()
{
  auto read = read_bench_file(fixture);
  REQUIRE(read.run);
  return *read.run;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("bench's summary gives a counted lesson's counts, not a ratio", "[tool][headline]")
{
  const auto summary = bench_summary(counted_run());
  CHECK(has(summary, "  02_y: pitfall 0 of 10 bodies run, solution 10 of 10\n"));
  CHECK(has(summary, "  01_x (tasks:10): the pitfall took 10.0x as long as the solution\n"));
  CHECK_FALSE(has(summary, "0.02x"));
}

TEST_CASE("compare gives a counted lesson's counts on both sides, not a ratio", "[tool][headline]")
{
  const auto compared = run_asynclab({"compare", fixture, fixture});
  REQUIRE(compared.exit_code == 0);
  CHECK(has(compared.out, "old: pitfall 0 of 10 bodies run, solution 10 of 10\n"));
  CHECK(has(compared.out, "new: pitfall 0 of 10 bodies run, solution 10 of 10\n"));
  CHECK_FALSE(has(compared.out, "0.02x"));
}

TEST_CASE("the class report shows a counted lesson's counts and leaves it out of the statistics and chart",
          "[tool][headline]")
{
  const auto report = build_class_report({counted_run()});
  REQUIRE(report.lessons.size() == 2);
  CHECK(report.lessons[1].counted == std::optional<std::string>("bodies run"));
  CHECK(report.lessons[1].machines == 0);
  CHECK(report.machines[0].counts[1] == "0 vs 10 of 10");
  CHECK_FALSE(report.machines[0].ratios[1]);
  CHECK_FALSE(report.machines[0].outliers[1]);
  CHECK(report.problems.empty());
  for (const auto& text : {report_text(report), report_markdown(report), report_html(report)}) {
    CHECK(has(text, "y (bodies run)"));  // Markdown escapes the _
    CHECK(has(text, "0 vs 10 of 10"));
    CHECK_FALSE(has(text, "0.02x"));
  }
  const auto page = report_html(report);
  CHECK(has(page, ">01_x</text>"));
  CHECK_FALSE(has(page, ">02_y</text>"));  // no strip in the chart
}

TEST_CASE("a counted lesson's chart and table show the counts, without a ratio", "[tool][headline]")
{
  const auto run = counted_run();
  const auto lessons = ratios_of(run);
  const auto* lesson = find_lesson_ratios(lessons, "02_y");
  REQUIRE(lesson);
  const auto table = lesson_chart_markdown(run, *lesson);
  CHECK(has(table, "| benchmark | pitfall | solution |\n"));
  CHECK(has(table, "| (no arguments) | 0 of 10 bodies run | 10 of 10 bodies run |\n"));
  CHECK_FALSE(has(table, "pitfall / solution"));
  const auto svg = lesson_chart_svg(*lesson);
  CHECK(has(svg, ">pitfall 0 of 10 bodies run</text>"));
  CHECK(has(svg, ">solution 10 of 10</text>"));
  CHECK_FALSE(has(svg, "class=\"ratio\""));
}
