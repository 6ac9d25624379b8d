// The tools on the real thing: the course's benchmark executable runs a tiny selection twice, and
// compare and report read what it wrote.

#include "tool/compare.hpp"
#include "tool/class_report.hpp"

#include "tests/tool/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace tool_test;
using namespace asynclab::tool;

namespace {

// Lesson 01 with two tasks: the pitfall waits 5 ms twice, the solution once; 3 repetitions of at
// least 10 ms.
std::string tiny_benchmark_run(const scratch_folder& scratch, const std::string& name, const std::string& student)
{
  const auto out = scratch.path(name);
  const auto ran = run({ASYNCLAB_BENCHMARKS, "--benchmark_filter=^01_blocking_call/(pitfall|solution)/tasks:2/",
                        "--benchmark_min_time=0.01", "--benchmark_repetitions=3",
                        fmt::format("--benchmark_context=student={},asynclab_commit=test", student),
                        "--benchmark_out=" + out, "--benchmark_out_format=json"});
  REQUIRE(ran.exit_code == 0);
  return out;
}

}  // namespace

TEST_CASE("the real benchmark executable writes JSON that compare and report read", "[tool][real]")
{
  const scratch_folder scratch;
  const auto first = read_bench_file(tiny_benchmark_run(scratch, "first.json", "ada"));
  const auto second = read_bench_file(tiny_benchmark_run(scratch, "second.json", "bob"));
  REQUIRE(first.run);
  REQUIRE(second.run);

  // Our benchmark main and the --benchmark_context flag both reach the context.
  CHECK(first.run->context.student == "ada");
  CHECK(first.run->context.course_commit == "test");
  CHECK_FALSE(first.run->context.compiler.empty());
  CHECK_FALSE(first.run->context.build_type.empty());
  REQUIRE(first.run->benchmarks.size() == 2);
  for (const auto& benchmark : first.run->benchmarks) {
    CHECK(benchmark.real_time.size() == 3);
    // sleep_for and the timer never return early: 5 ms at least, per iteration.
    CHECK(benchmark.median_real_time() >= 0.005);
  }

  const auto compared = compare_runs(*first.run, *second.run);
  REQUIRE(compared.benchmarks.size() == 2);
  CHECK(compared.only_in_old.empty());
  CHECK(compared.benchmarks[0].real_u_test);
  const auto text = format_comparison(compared, *first.run, *second.run);
  CHECK(text.find("01_blocking_call/pitfall/tasks:2/real_time_pvalue") != std::string::npos);
  CHECK(text.find("U Test, Repetitions: 3 vs 3. WARNING: Results unreliable! 9+ repetitions recommended.") != std::string::npos);
  REQUIRE(compared.old_ratios.size() == 1);
  CHECK(compared.old_ratios[0].lesson == "01_blocking_call");
  CHECK(compared.old_ratios[0].pairs[0].ratio() > 0);
  // The solution records the lesson's theory, from the function its verdict calls.
  CHECK(compared.old_ratios[0].pairs[0].theory == 2.0);

  const auto report = build_class_report({*first.run, *second.run});
  CHECK(report.problems.empty());
  REQUIRE(report.machines.size() == 2);
  REQUIRE(report.lessons.size() == 1);
  CHECK(report.lessons[0].suffix == "tasks:2/real_time");
  CHECK(report.machines[0].ratios[0]);
  CHECK(report.machines[1].ratios[0]);
  CHECK(report_text(report).find("ada") != std::string::npos);
}
