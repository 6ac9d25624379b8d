// The asynclab subcommands as a student calls them: exit codes and one-line errors.

#include "tool/bench_results.hpp"

#include "tests/tool/fixtures.hpp"

#include <catch2/catch.hpp>
#include <fmt/ranges.h>

#include <filesystem>

using namespace tool_test;

TEST_CASE("compare and report refuse a bad command line with exit code 2 and one line", "[tool][command]")
{
  const std::vector<std::vector<std::string>> bad_lines = {
      {"compare"},          {"compare", "only-one.json"},         {"compare", "a.json", "b.json", "--colour"},
      {"report"},           {"report", "--format", "pdf", "x.json"}, {"report", "--output"},
      {"bench", "1"},       {"bench", "--mode", "fast"}};
  for (const auto& arguments : bad_lines) {
    INFO(fmt::format("asynclab {}", fmt::join(arguments, " ")));
    const auto result = run_asynclab(arguments);
    CHECK(result.exit_code == 2);
    CHECK(lines_in(result.err) == 1);
    CHECK(result.out.empty());
  }
}

TEST_CASE("compare names the file it cannot read and fails with exit code 1", "[tool][command]")
{
  const scratch_folder scratch;
  const auto good = scratch.write("good.json", benchmark_json({{"01_x/solution", {5, 5, 5}}}));
  const auto broken = scratch.write("broken.json", "{\"benchmarks\": [");
  const auto result = run_asynclab({"compare", good, broken});
  CHECK(result.exit_code == 1);
  CHECK(lines_in(result.err) == 1);
  CHECK(result.err.find(broken + ": not valid JSON") != std::string::npos);
}

TEST_CASE("compare prints the table and names benchmarks missing from one side", "[tool][command]")
{
  const scratch_folder scratch;
  const auto old_file = scratch.write("old.json", benchmark_json({{"01_x/solution", {5, 5, 5}}, {"01_x/pitfall", {9, 9, 9}}}));
  const auto new_file = scratch.write("new.json", benchmark_json({{"01_x/solution", {6, 6, 6}}}));
  const auto result = run_asynclab({"compare", old_file, new_file});
  CHECK(result.exit_code == 0);
  CHECK(result.err == fmt::format("asynclab compare: {}: lacks 1 benchmark(s) of {}, left out: 01_x/pitfall\n", new_file, old_file));
  CHECK(result.out.find("01_x/solution_median") != std::string::npos);
  // Google Benchmark's debug-build warning is explained where it shows, by asynclab bench.
  CHECK(result.out.find("DEBUG") == std::string::npos);
}

TEST_CASE("chart refuses a lesson the file lacks in one line, and finds one by its number", "[tool][command]")
{
  const scratch_folder scratch;
  const auto file = scratch.write("run.json", benchmark_json({{"01_x/pitfall/tasks:2", {10, 10, 10}},
                                                              {"01_x/solution/tasks:2", {5, 5, 5}}}));
  const auto svg = scratch.path("chart.svg");
  const auto missing = run_asynclab({"chart", file, "--lesson", "02_unawaited_task", "--svg", svg});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == fmt::format("asynclab chart: {} has no pitfall/solution pair of lesson 02_unawaited_task "
                                   "(it has 01_x)\n", file));
  CHECK_FALSE(std::filesystem::exists(svg));

  const auto found = run_asynclab({"chart", file, "--lesson", "01", "--svg", svg});
  CHECK(found.exit_code == 0);
  CHECK(contents_of(svg).find(">2.00x</text>") != std::string::npos);  // no theory recorded: the ratio alone
}

TEST_CASE("report shows the readable files and names each one it left out", "[tool][command]")
{
  const scratch_folder scratch;
  const auto pair = [](double pitfall) {
    return std::vector<fake_benchmark>{{"01_x/pitfall/tasks:10", {pitfall, pitfall, pitfall}}, {"01_x/solution/tasks:10", {5, 5, 5}}};
  };
  const auto ada = scratch.write("ada.json", benchmark_json(pair(50), "abc123", "ada"));
  const auto bob = scratch.write("bob.json", benchmark_json(pair(45), "abc123", "bob"));
  const auto old = scratch.write("old.json", benchmark_json(pair(45), "0ld000", "old"));
  const auto broken = scratch.write("broken.json", "not json");
  const auto empty = scratch.write("empty.json", R"({"benchmarks": []})");
  const auto html = scratch.path("class.html");

  const auto text = run_asynclab({"report", ada, broken, bob, old, empty, "/nonexistent.json"});
  CHECK(text.exit_code == 1);
  CHECK(lines_in(text.err) == 4);
  CHECK(text.err.find(broken + ": not valid JSON") != std::string::npos);
  CHECK(text.err.find(empty + ": no benchmark results") != std::string::npos);
  CHECK(text.err.find("/nonexistent.json: cannot read it") != std::string::npos);
  CHECK(text.err.find("old.json: course version 0ld000 differs") != std::string::npos);  // without its folder
  CHECK(text.out.find("Class report: 2 machine(s)") != std::string::npos);
  CHECK(text.out.find("10.0x") != std::string::npos);
  CHECK(text.out.find("9.00x") != std::string::npos);

  const auto page = run_asynclab({"report", "--format", "html", "--output", html, ada, bob});
  CHECK(page.exit_code == 0);
  CHECK(page.err.empty());
  CHECK(contents_of(html).find("<svg") != std::string::npos);
}

// `asynclab bench` needs the benchmark executable, which sanitizer builds leave out.
#ifdef ASYNCLAB_BENCHMARKS
TEST_CASE("bench records the student, the course's commit and the CPU in the results", "[tool][command]")
{
  const scratch_folder scratch;
  const auto out = scratch.path("bench.json");
  // Lesson 01 with its quick mode's flags, narrowed after "--" to one benchmark run briefly.
  const auto result = run_asynclab({"bench", "01", "--student", "Ada, L=1", "--out", out, "--",
                                "--benchmark_filter=^01_blocking_call/solution/tasks:2/", "--benchmark_repetitions=2",
                                "--benchmark_min_time=0.01"});
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("asynclab bench: quick mode took") != std::string::npos);
  const auto read = asynclab::tool::read_bench_file(out);
  REQUIRE(read.run);
  CHECK(read.run->context.student == "Ada L-1");  // ',' and '=' would split --benchmark_context
  CHECK(read.run->context.mode == "quick");
  CHECK_FALSE(read.run->context.compiler.empty());
  CHECK_FALSE(read.run->context.cpu_model.empty());
  REQUIRE(read.run->benchmarks.size() == 1);
  CHECK(read.run->benchmarks[0].real_time.size() == 2);
}

TEST_CASE("bench for a lesson that does not exist exits 2 with one line naming it", "[tool][command]")
{
  const scratch_folder scratch;
  const auto result = run_asynclab({"bench", "99", "--out", scratch.path("none.json")});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "asynclab bench: there are no benchmarks for lesson 99 (see asynclab list)\n");
  CHECK_FALSE(std::filesystem::exists(scratch.path("none.json")));
}
#endif
