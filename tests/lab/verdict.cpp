#include "lab/runner/verdict.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;

namespace {

lab::runner::description lesson_with_ratio(std::optional<double> ratio)
{
  return {.number = "99", .name = "fake", .pitfall_api = "slow()", .solution_api = "fast()",
          .theory = [=] { return lab::theory{.ratio = ratio, .reasoning = "ten waits against one"}; },
          .mistake = [] { return std::string("it waited in turn."); },
          .fix = [] { return std::string("it waits at once."); }};
}

lab::runner::role_run run_of(lab::role role, std::chrono::nanoseconds wall, bool holds, std::string count)
{
  return {.which = role,
          .wall = wall,
          .observations = {{"done", "done", std::move(count), 0}},
          .expected = {{"it shows", holds, "as measured"}}};
}

}  // namespace

TEST_CASE("a verdict has the same four lines for every lesson", "[lab][verdict]")
{
  const auto v = lab::runner::judge(lesson_with_ratio(10.0), {run_of(lab::role::pitfall, 1s, true, "0 of 2"),
                                                              run_of(lab::role::solution, 100ms, true, "2 of 2")});
  CHECK(v.showed);
  REQUIRE(v.lines.size() == 4);
  CHECK(v.lines[0].label == "Mistake");
  CHECK(v.lines[1].text == "wall 1.00 s vs 100 ms; done 0 of 2 vs 2 of 2");
  CHECK(v.lines[2].text == "fast(): it waits at once.");
  CHECK(v.lines[3].text == "10x (ten waits against one); measured 10.00x");
}

TEST_CASE("a failed expectation is named with its evidence", "[lab][verdict]")
{
  const auto v = lab::runner::judge(lesson_with_ratio(10.0), {run_of(lab::role::pitfall, 1s, false, "0"),
                                                              run_of(lab::role::solution, 100ms, true, "0")});
  CHECK_FALSE(v.showed);
  CHECK(v.summary.find("the pitfall did not show that it shows (as measured)") != std::string::npos);
}

TEST_CASE("processor time decides the ratio when a lesson measures it, and wall time is shown beside", "[lab][verdict]")
{
  auto pitfall = run_of(lab::role::pitfall, 1s, true, "0");
  auto solution = run_of(lab::role::solution, 500ms, true, "0");
  pitfall.processor = 900ms;
  solution.processor = 90ms;
  const auto v = lab::runner::judge(lesson_with_ratio(10.0), {pitfall, solution});
  CHECK(*v.ratio == Approx(10.0));
  CHECK(v.lines[3].text == "10x (ten waits against one); measured 10.00x in processor time, 2.00x in wall time");
}

TEST_CASE("a headline count replaces the ratio when time is not the point", "[lab][verdict]")
{
  auto lesson = lesson_with_ratio(std::nullopt);
  lesson.headline = "done";
  const auto v = lab::runner::judge(lesson, {run_of(lab::role::pitfall, 1ms, true, "0 of 2"),
                                             run_of(lab::role::solution, 2ms, true, "2 of 2")});
  CHECK(v.showed);
  CHECK(v.lines[3].label == "Headline");
  CHECK(v.lines[3].text == "done 0 of 2 vs 2 of 2: ten waits against one");
}

TEST_CASE("one role alone gets no theory and says to run both", "[lab][verdict]")
{
  const auto v = lab::runner::judge(lesson_with_ratio(10.0), {run_of(lab::role::solution, 1s, true, "0")});
  CHECK(v.showed);
  CHECK(v.summary == "Only the solution ran, and it avoided it. Run without --only to compare the two.");
  CHECK(v.lines.size() == 2);
}
