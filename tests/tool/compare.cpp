#include "tool/compare.hpp"

#include "tests/tool/fixtures.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace tool_test;
using namespace asynclab::tool;

namespace {

bench_run run_of(const std::vector<fake_benchmark>& benchmarks, const std::string& file, const std::string& commit = "abc123")
{
  auto read = parse_bench_json(benchmark_json(benchmarks, commit), file);
  REQUIRE(read.run);
  return *read.run;
}

const std::vector<double> nine_fives = {5.0, 5.1, 5.2, 4.9, 5.0, 5.1, 4.8, 5.0, 5.2};

}  // namespace

TEST_CASE("the change column follows compare.py's formula", "[tool][compare]")
{
  CHECK(relative_change(10, 15) == Approx(0.5));
  CHECK(relative_change(10, 5) == Approx(-0.5));
  CHECK(relative_change(0, 0) == 0);
  CHECK(relative_change(0, 4) == Approx(2.0));  // (new - old) / mean when old is 0
}

TEST_CASE("benchmarks are matched by name and the missing ones are named", "[tool][compare]")
{
  const auto old_run = run_of({{"01_x/pitfall/tasks:2", nine_fives}, {"01_x/solution/tasks:2", nine_fives}, {"09_gone/pitfall", {1}}}, "old.json");
  const auto new_run = run_of({{"01_x/solution/tasks:2", nine_fives}, {"01_x/pitfall/tasks:2", nine_fives}, {"10_new/pitfall", {1}}}, "new.json");
  const auto compared = compare_runs(old_run, new_run);
  REQUIRE(compared.benchmarks.size() == 2);
  CHECK(compared.benchmarks[0].name == "01_x/pitfall/tasks:2");
  CHECK(compared.only_in_old == std::vector<std::string>{"09_gone/pitfall"});
  CHECK(compared.only_in_new == std::vector<std::string>{"10_new/pitfall"});

  const auto notes = comparison_notes(compared, old_run, new_run);
  REQUIRE(notes.size() == 2);
  CHECK(notes[0] == "new.json: lacks 1 benchmark(s) of old.json, left out: 09_gone/pitfall");
  CHECK(notes[1] == "old.json: lacks 1 benchmark(s) of new.json, left out: 10_new/pitfall");
}

TEST_CASE("a slower new run shows its change, a small p-value and the geometric mean", "[tool][compare]")
{
  std::vector<double> doubled;
  for (const double value : nine_fives) doubled.push_back(2 * value);
  const auto old_run = run_of({{"01_x/solution/tasks:2", nine_fives}}, "old.json");
  const auto new_run = run_of({{"01_x/solution/tasks:2", doubled}}, "new.json");
  const auto compared = compare_runs(old_run, new_run);
  REQUIRE(compared.benchmarks.size() == 1);
  const auto& row = compared.benchmarks[0];
  CHECK(relative_change(row.old_real, row.new_real) == Approx(1.0));
  REQUIRE(row.real_u_test);
  CHECK(row.real_u_test->p_value < 0.001);  // no overlap between nine and nine values
  // The geometric mean of nine values around 5 ms, doubled: exactly twice as large.
  CHECK(compared.new_real_geomean == Approx(2 * compared.old_real_geomean));

  const auto text = format_comparison(compared, old_run, new_run);
  CHECK(text.find("01_x/solution/tasks:2_median") != std::string::npos);
  CHECK(text.find("01_x/solution/tasks:2_pvalue") != std::string::npos);
  CHECK(text.find("U Test, Repetitions: 9 vs 9") != std::string::npos);
  CHECK(text.find("WARNING: Results unreliable") == std::string::npos);
  CHECK(text.find("OVERALL_GEOMEAN") != std::string::npos);
  CHECK(text.find("+1.0000") != std::string::npos);
  // Under compare.py's row, the same with units and in percent.
  CHECK(text.find("01_x/solution/tasks:2_median") < text.find("    wall 5.00 ms -> 10.0 ms (+100.0%), CPU 500 us -> 1.00 ms (+100.0%)\n"));
  CHECK(text.find("Library was built as DEBUG") == std::string::npos);
}

TEST_CASE("fewer than nine repetitions get compare.py's warning, one gets no U test", "[tool][compare]")
{
  const auto few_old = run_of({{"01_x/solution", {5, 5.1, 5.2}}}, "old.json");
  const auto few_new = run_of({{"01_x/solution", {5, 5.1, 5.3}}}, "new.json");
  const auto few = format_comparison(compare_runs(few_old, few_new), few_old, few_new);
  CHECK(few.find("U Test, Repetitions: 3 vs 3. WARNING: Results unreliable! 9+ repetitions recommended.") != std::string::npos);

  const auto one_old = run_of({{"01_x/solution", {5}}}, "old.json");
  const auto one_new = run_of({{"01_x/solution", {6}}}, "new.json");
  const auto compared = compare_runs(one_old, one_new);
  REQUIRE(compared.benchmarks.size() == 1);
  CHECK_FALSE(compared.benchmarks[0].real_u_test);
  CHECK(format_comparison(compared, one_old, one_new).find("01_x/solution_pvalue") == std::string::npos);
}

TEST_CASE("each lesson's ratio is shown on both sides", "[tool][compare]")
{
  const auto old_run = run_of({{"01_x/pitfall/tasks:10", {50, 50, 50}}, {"01_x/solution/tasks:10", {5, 5, 5}}}, "old.json");
  const auto new_run = run_of({{"01_x/pitfall/tasks:10", {40, 40, 40}},
                               {.name = "01_x/solution/tasks:10", .real_times = {2, 2, 2}, .theory = 19.5}},
                              "new.json");
  const auto compared = compare_runs(old_run, new_run);
  REQUIRE(compared.old_ratios.size() == 1);
  REQUIRE(compared.new_ratios.size() == 1);
  CHECK(compared.old_ratios[0].pairs[0].ratio() == Approx(10));
  CHECK(compared.new_ratios[0].pairs[0].ratio() == Approx(20));
  const auto text = format_comparison(compared, old_run, new_run);
  CHECK(text.find("tasks:10 *") != std::string::npos);
  // The ratio's change in percent, and the theory beside it.
  CHECK(text.find("10.0x     20.0x   +100.0%     19.5x\n") != std::string::npos);
}

TEST_CASE("files from different course versions are compared with a note naming them", "[tool][compare]")
{
  const auto old_run = run_of({{"01_x/solution", {5}}}, "old.json", "aaa111");
  const auto new_run = run_of({{"01_x/solution", {5}}}, "new.json", "bbb222");
  const auto compared = compare_runs(old_run, new_run);
  CHECK(compared.benchmarks.size() == 1);
  const auto notes = comparison_notes(compared, old_run, new_run);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].starts_with("new.json: a different course version (bbb222) from old.json (aaa111)"));
}
