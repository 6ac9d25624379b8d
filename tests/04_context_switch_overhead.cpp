#include "lessons/04_context_switch_overhead.hpp"

#include <catch2/catch.hpp>

namespace {

// Suspensions are counted, not timed, so these checks hold on any machine. 10,007 items in
// batches of 1,000 leave a last, short batch of 7.
constexpr lesson04::scenario scenario{.items = 10'007, .batch = 1'000, .rounds = 8};

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
  const auto outcome = lesson04::pitfall(scenario);
  CHECK(outcome.suspensions == scenario.items);
}

TEST_CASE("the pitfall processes every item", "[04][pitfall]")
{
  const auto outcome = lesson04::pitfall(scenario);
  CHECK(outcome.processed == scenario.items);
  CHECK(outcome.checksum == checksum_of_all_items());
}

TEST_CASE("the solution suspends once per batch, the last one short", "[04][solution]")
{
  const auto outcome = lesson04::solution(scenario);
  CHECK(outcome.suspensions == 11);
}

TEST_CASE("the solution processes every item, the same work as the pitfall", "[04][solution]")
{
  const auto outcome = lesson04::solution(scenario);
  CHECK(outcome.processed == scenario.items);
  CHECK(outcome.checksum == checksum_of_all_items());
}

TEST_CASE("a million items in batches of a thousand cost the solution a thousand suspensions", "[04][solution]")
{
  const lesson04::scenario many{.items = 1'000'000, .batch = 1'000, .rounds = 1};
  const auto outcome = lesson04::solution(many);
  CHECK(outcome.suspensions == many.items / many.batch);
}

TEST_CASE("with a batch of one item the solution suspends as often as the pitfall", "[04][solution]")
{
  const lesson04::scenario one_per_batch{.items = 500, .batch = 1, .rounds = 8};
  CHECK(lesson04::solution(one_per_batch).suspensions == lesson04::pitfall(one_per_batch).suspensions);
}

TEST_CASE("the solution records its run on the timeline when given one", "[04][solution]")
{
  lab::timeline spans("solution");
  lesson04::solution(scenario, {.measure = true, .spans = &spans});
  REQUIRE(spans.spans().size() == 1);
  CHECK(spans.spans().front().kind == lab::span_kind::task);
}
