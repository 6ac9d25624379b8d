#include "lessons/04_context_switch_overhead.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

namespace {

// Suspensions are counted, not timed, so these checks hold on any machine. 10,007 items in
// batches of 1,000 leave a last, short batch of 7.
constexpr lesson04::scenario scenario{.items = 10'007, .batch = 1'000, .rounds = 8};

lab::expectations pitfall_shows(const lesson04::scenario& s = scenario)
{
  return expected(lab::role::pitfall, lesson04::pitfall(s), s);
}

lab::expectations solution_shows(const lesson04::scenario& s = scenario)
{
  return expected(lab::role::solution, lesson04::solution(s), s);
}

// The checksum of every item's work, done in one plain loop with no suspension at all.
std::uint64_t checksum_of_all_items()
{
  std::uint64_t checksum = 0;
  for (int item = 0; item < scenario.items; ++item) checksum = lesson04::process(checksum, item, scenario.rounds);
  return checksum;
}

}  // namespace

TEST_CASE("the pitfall suspends once per item", "[04][pitfall]")
{
  CHECK(pitfall_shows()["there is one suspension per item"]);
}

TEST_CASE("the pitfall processes every item", "[04][pitfall]")
{
  CHECK(pitfall_shows()["every item is processed"]);
  CHECK(lesson04::pitfall(scenario).checksum == checksum_of_all_items());
}

TEST_CASE("the solution suspends once per batch, the last one short", "[04][solution]")
{
  static_assert(lesson04::batches_of(scenario) == 11);
  CHECK(solution_shows()["there is one suspension per batch"]);
}

TEST_CASE("the solution processes every item, the same work as the pitfall", "[04][solution]")
{
  CHECK(solution_shows()["every item is processed"]);
  CHECK(lesson04::solution(scenario).checksum == checksum_of_all_items());
}

TEST_CASE("a million items in batches of a thousand cost the solution a thousand suspensions", "[04][solution]")
{
  constexpr lesson04::scenario many{.items = 1'000'000, .batch = 1'000, .rounds = 1};
  static_assert(lesson04::batches_of(many) == 1'000);
  CHECK(solution_shows(many)["there is one suspension per batch"]);
}

TEST_CASE("with a batch of one item the solution suspends as often as the pitfall", "[04][solution]")
{
  const lesson04::scenario one_per_batch{.items = 500, .batch = 1, .rounds = 8};
  CHECK(lesson04::solution(one_per_batch).suspensions == lesson04::pitfall(one_per_batch).suspensions);
}

TEST_CASE("the solution's run is one task on the timeline", "[04][solution]")
{
  // The lag probe may add stalls on a busy machine; the tasks are what the lesson draws.
  lab::timeline spans("solution");
  lesson04::solution(scenario, {.measure = true, .spans = &spans});
  CHECK(std::ranges::count(spans.spans(), lab::span_kind::task, &lab::span::kind) == 1);
}
