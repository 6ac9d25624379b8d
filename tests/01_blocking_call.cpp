#include "lessons/01_blocking_call.hpp"

#include <catch2/catch.hpp>

namespace {

// 100 ms is long beside a busy machine's scheduling hiccups (a few ms), so the bounds below hold
// with a wide margin; five tasks keep the pitfall's run to half a second.
constexpr lesson01::scenario scenario{.tasks = 5, .delay_ms = 100};
constexpr auto delay = std::chrono::milliseconds(scenario.delay_ms);

lab::expectations pitfall_shows() { return expected(lab::role::pitfall, lesson01::pitfall(scenario), scenario); }
lab::expectations solution_shows() { return expected(lab::role::solution, lesson01::solution(scenario), scenario); }

}  // namespace

TEST_CASE("a blocking sleep lets only one task wait at a time", "[01][pitfall]")
{
  CHECK(pitfall_shows()["one task is in flight at a time"]);
}

TEST_CASE("a blocking sleep stalls the event loop for at least half the delay", "[01][pitfall]")
{
  CHECK(pitfall_shows()["the loop stalls for half a delay or more"]);
}

TEST_CASE("blocking sleeps add up: the pitfall takes at least tasks x delay", "[01][pitfall]")
{
  // sleep_for never returns early, so this lower bound holds on any machine.
  const auto outcome = lesson01::pitfall(scenario);
  CHECK(outcome.wall >= scenario.tasks * delay);
}

TEST_CASE("an asynchronous wait lets every task wait at the same time", "[01][solution]")
{
  CHECK(solution_shows()["every task is in flight at once"]);
}

TEST_CASE("an asynchronous wait leaves the event loop free", "[01][solution]")
{
  CHECK(solution_shows()["the loop never stalls for half a delay"]);
}

TEST_CASE("asynchronous waits overlap: the solution takes far less than tasks x delay", "[01][solution]")
{
  // About one delay in theory; tasks x delay leaves a margin of five times.
  const auto outcome = lesson01::solution(scenario);
  CHECK(outcome.wall >= delay);
  CHECK(outcome.wall < scenario.tasks * delay);
}
