#include "tool/class_report.hpp"

#include "tests/tool/fixtures.hpp"

#include <catch2/catch.hpp>

#include <optional>

using namespace tool_test;
using namespace asynclab::tool;

namespace {

// One student's file: lesson 01 with the given pitfall time over a 5 ms solution, at tasks:100,
// and the theory the solution recorded, if any.
std::string student_json(const std::string& student, double pitfall_ms, const std::string& commit = "abc123",
                         std::optional<double> theory = std::nullopt,
                         const std::string& date = "2026-11-22T10:00:00+00:00")
{
  return benchmark_json({{"01_x/pitfall/tasks:1/real_time", {5, 5, 5}},
                         {"01_x/pitfall/tasks:100/real_time", {pitfall_ms, pitfall_ms, pitfall_ms}},
                         {"01_x/solution/tasks:1/real_time", {5, 5, 5}},
                         {.name = "01_x/solution/tasks:100/real_time", .real_times = {5, 5, 5}, .theory = theory}},
                        commit, student, "pc-" + student, date);
}

bench_run run_from(const std::string& json, const std::string& file)
{
  auto read = parse_bench_json(json, file);
  REQUIRE(read.run);
  return *read.run;
}

bench_run student_run(const std::string& student, double pitfall_ms, const std::string& commit = "abc123")
{
  return run_from(student_json(student, pitfall_ms, commit), student + ".json");
}

bench_run theory_run(const std::string& student, double pitfall_ms, double theory)
{
  return run_from(student_json(student, pitfall_ms, "abc123", theory), student + ".json");
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

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
  // Google Benchmark's debug-build warning is explained once, where it shows: by asynclab bench.
  for (const auto& text : {report_text(report), report_markdown(report), report_html(report)})
    CHECK_FALSE(has(text, "debug build"));
  // Nothing is marked, so there is no legend for the mark.
  CHECK_FALSE(has(report_text(report), "an outlier"));
}

TEST_CASE("each cell says how far the machine is from the lesson's theory, and a row gives the theory",
          "[tool][report][theory]")
{
  const auto report = build_class_report({theory_run("ada", 500, 100), theory_run("bob", 450, 100)});
  REQUIRE(report.lessons[0].theory_low);
  CHECK(*report.lessons[0].theory_low == Approx(100));
  const auto text = report_text(report);
  CHECK(has(text, "100x 0%"));
  CHECK(has(text, "90.0x -10%"));
  CHECK(has(text, "theory"));
  CHECK(has(report_markdown(report), "| theory | | | 100x |"));
  CHECK(has(report_html(report), "<td colspan=\"4\">theory</td><td class=\"ratio\">100x</td>"));
  CHECK(has(report_html(report), ">theory 100x</text>"));  // the chart's mark

  // A theory that takes in what each machine measured shows as the range the class recorded.
  const auto measured = build_class_report({theory_run("ada", 430, 87), theory_run("bob", 450, 92)});
  CHECK(has(report_text(measured), "86.0x -1%"));
  CHECK(has(report_markdown(measured), "| theory | | | 87.0x-92.0x |"));
}

TEST_CASE("a lesson without a theory keeps its cells and shows no theory", "[tool][report][theory]")
{
  const auto report = build_class_report({student_run("ada", 500), student_run("bob", 450)});
  CHECK_FALSE(report.lessons[0].theory_low);
  CHECK(has(report_markdown(report), "| theory | | | - |"));
  CHECK_FALSE(has(report_html(report), ">theory "));
}

TEST_CASE("a file passed twice, or a copy of it, counts once, and says so", "[tool][report][duplicates]")
{
  const auto ada = student_json("ada", 500);
  const auto report = build_class_report(
      {run_from(ada, "ada.json"), student_run("bob", 450), run_from(ada, "ada.json"), run_from(ada, "ada-copy.json")});
  REQUIRE(report.machines.size() == 2);
  CHECK(report.lessons[0].median == Approx(95));
  REQUIRE(report.problems.size() == 2);
  CHECK(report.problems[0] == "ada.json: given twice; counted once");
  CHECK(report.problems[1] == "ada-copy.json: the same results as ada.json; counted once");
}

TEST_CASE("of a student's several files only the latest counts, and the report says so", "[tool][report][duplicates]")
{
  const auto later = run_from(student_json("ada", 300, "abc123", std::nullopt, "2026-11-22T11:00:00+00:00"), "ada-2.json");
  const auto report = build_class_report({later, student_run("bob", 450), student_run("ada", 500)});
  REQUIRE(report.machines.size() == 2);
  CHECK(report.machines[0].file == "ada-2.json");
  CHECK(*report.machines[0].ratios[0] == Approx(60));
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0] == "ada.json: ada has two files, ada-2.json and ada.json; only the later, ada-2.json, counts");
}

TEST_CASE("with three machines, one far from the other two is marked", "[tool][report]")
{
  const auto report = build_class_report({student_run("ada", 492.5), student_run("bob", 515), student_run("cy", 110.5)});
  CHECK_FALSE(report.machines[0].outliers[0]);
  CHECK_FALSE(report.machines[1].outliers[0]);
  CHECK(report.machines[2].outliers[0]);  // 22.1x where the others measured 98.5x and 103x
  CHECK(has(report_text(report), "22.1x !"));
  CHECK(has(report_text(report), "! an outlier"));
  // Two machines are not enough to call either one an outlier.
  const auto two = build_class_report({student_run("ada", 500), student_run("cy", 110)});
  CHECK_FALSE(two.machines[1].outliers[0]);
}

TEST_CASE("in a small class every dot of the chart carries its name; in a large one, its number and a key",
          "[tool][report][chart]")
{
  const auto small = report_html(build_class_report({student_run("ada", 500), student_run("bob", 450)}));
  CHECK(count_of(small, "font-size=\"15\" fill=\"#333\">ada</text>") == 1);
  CHECK(count_of(small, "font-size=\"15\" fill=\"#333\">bob</text>") == 1);
  CHECK_FALSE(has(small, "class=\"key\""));

  std::vector<bench_run> runs;
  for (int m = 0; m < 10; ++m) runs.push_back(student_run(fmt::format("s{}", m), 400 + 10 * m));
  const auto large = report_html(build_class_report(runs));
  CHECK(count_of(large, "<circle") == 10);
  for (int m = 1; m <= 10; ++m) CHECK(has(large, fmt::format("fill=\"#333\">{}</text>", m)));
  CHECK(has(large, "class=\"key\""));
  CHECK(has(large, "<tr><td>10</td><td>s9</td></tr>"));
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
  CHECK(report.problems[0] == "zoe.json: has no 01_x tasks:100 pair; its cell is empty");
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

TEST_CASE("the report names files without their folders, and a file lacking lessons in one line",
          "[tool][report]")
{
  auto ada = student_run("ada", 500);
  ada.file = "/home/teacher/class/ada.json";
  auto partial = parse_bench_json(benchmark_json({{"02_y/pitfall", {5, 5, 5}}, {"02_y/solution", {5, 5, 5}}}, "abc123", "zoe"),
                                  "/home/teacher/class/zoe.json");
  REQUIRE(partial.run);
  auto other = parse_bench_json(benchmark_json({{"03_z/pitfall", {9, 9, 9}}, {"03_z/solution", {3, 3, 3}}}, "abc123", "cy"),
                                "/home/teacher/class/cy.json");
  REQUIRE(other.run);
  const auto report = build_class_report({ada, *partial.run, *other.run});
  CHECK(report.machines[0].file == "ada.json");
  REQUIRE(report.problems.size() == 3);
  CHECK(report.problems[0] ==
        "ada.json: has no pair for 2 lessons (02_y (no arguments), 03_z (no arguments)); their cells are empty");
  for (const auto& text : {report_markdown(report), report_html(report)}) CHECK_FALSE(has(text, "/home/teacher"));
}
