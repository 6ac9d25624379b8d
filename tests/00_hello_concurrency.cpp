#include "lessons/00_hello_concurrency.hpp"

#include <catch2/catch.hpp>

namespace {

// 200 ms is long beside a busy machine's scheduling hiccups (a few ms), so the bounds below hold
// with a wide margin, and both versions together stay under a second.
constexpr lesson00::scenario scenario{.delay_ms = 200};
constexpr auto delay = std::chrono::milliseconds(scenario.delay_ms);

// The spans of hello (track 0) and world (track 1), recorded on a timeline.
struct words {
  lab::span hello;
  lab::span world;
};

words recorded_words(const lab::timeline& recorded)
{
  words said;
  int found = 0;
  for (const auto& span : recorded.spans()) {
    if (span.kind != lab::span_kind::task) continue;
    (span.track == 0 ? said.hello : said.world) = span;
    ++found;
  }
  REQUIRE(found == 2);
  return said;
}

}  // namespace

TEST_CASE("awaiting hello then world keeps only one of them waiting at a time", "[00][pitfall]")
{
  CHECK(expected(lab::role::pitfall, lesson00::pitfall(scenario), scenario)["one word waits at a time"]);
}

TEST_CASE("awaiting hello then world starts world only after hello has finished", "[00][pitfall]")
{
  lab::timeline recorded("pitfall");
  lesson00::pitfall(scenario, {.measure = true, .spans = &recorded});
  const auto said = recorded_words(recorded);
  CHECK(said.world.start >= said.hello.end);
}

TEST_CASE("awaiting hello then world takes at least both delays", "[00][pitfall]")
{
  // A timer never fires early, so this lower bound holds on any machine.
  const auto outcome = lesson00::pitfall(scenario);
  CHECK(outcome.wall >= 2 * delay);
}

TEST_CASE("hello && world keeps both waiting at the same time", "[00][solution]")
{
  CHECK(expected(lab::role::solution, lesson00::solution(scenario), scenario)["both words wait at once"]);
}

TEST_CASE("hello && world starts world before hello has finished", "[00][solution]")
{
  lab::timeline recorded("solution");
  lesson00::solution(scenario, {.measure = true, .spans = &recorded});
  const auto said = recorded_words(recorded);
  CHECK(said.world.start < said.hello.end);
}

TEST_CASE("hello && world still waits a whole delay: a timer never fires early", "[00][solution]")
{
  // That both waits overlap is proven above by the timeline, not by a clock; this lower bound
  // holds by construction on any machine.
  const auto outcome = lesson00::solution(scenario);
  CHECK(outcome.wall >= delay);
}
