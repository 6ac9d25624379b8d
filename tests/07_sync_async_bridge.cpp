#include "lessons/07_sync_async_bridge.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

// Four calls of 100 ms on two pool threads: the pitfall's calls take 400 ms, the solution's two
// rounds 200 ms. 100 ms is long beside a busy machine's scheduling hiccups (a few ms), and the
// watchdog's bound (1.00 s) is more than twice what either run needs unless it waits for itself.
constexpr lesson07::scenario scenario{.calls = 4, .delay_ms = 100, .threads = 2};
constexpr auto delay = std::chrono::milliseconds(scenario.delay_ms);
constexpr auto bound = lesson07::bound_of(scenario);

lab::expectations pitfall_shows(const lesson07::outcome& seen) { return expected(lab::role::pitfall, seen, scenario); }
lab::expectations solution_shows(const lesson07::outcome& seen) { return expected(lab::role::solution, seen, scenario); }

}  // namespace

TEST_CASE("a future waited on from the loop's own thread does not complete within the bound", "[07][pitfall]")
{
  CHECK(pitfall_shows(lesson07::pitfall(scenario))["the run does not complete within the bound"]);
}

TEST_CASE("the watchdog ends the wait: the pitfall still ends in bounded time", "[07][pitfall]")
{
  // The watchdog steps in at the bound and the rest takes milliseconds; twice the bound is a wide margin.
  const auto outcome = lesson07::pitfall(scenario);
  CHECK(outcome.run >= bound);
  CHECK(outcome.run < 2 * bound);
}

TEST_CASE("legacy calls made straight from coroutines all run on the loop's thread and stall it", "[07][pitfall]")
{
  const auto shows = pitfall_shows(lesson07::pitfall(scenario));
  CHECK(shows["every legacy call runs on the loop's thread"]);
  CHECK(shows["the loop stalls for half a delay or more"]);
}

TEST_CASE("legacy calls on the loop take turns: at least calls x delay", "[07][pitfall]")
{
  // sleep_for never returns early, so this lower bound holds on any machine.
  CHECK(lesson07::pitfall(scenario).wall >= scenario.calls * delay);
}

TEST_CASE("with the report on a pool thread, run_sync gets its rate: the run completes within the bound",
          "[07][solution]")
{
  const auto outcome = lesson07::solution(scenario);
  CHECK(solution_shows(outcome)["the run completes within the bound"]);
  CHECK(outcome.run < bound);
}

TEST_CASE("to_thread runs every legacy call on a pool thread and leaves the loop free", "[07][solution]")
{
  const auto shows = solution_shows(lesson07::solution(scenario));
  CHECK(shows["no legacy call runs on the loop's thread"]);
  CHECK(shows["the loop never stalls for half a delay"]);
}

TEST_CASE("a pool of two overlaps the calls: two rounds, far less than calls x delay", "[07][solution]")
{
  // Two rounds of 100 ms in theory; calls x delay leaves a margin of 200 ms.
  const auto outcome = lesson07::solution(scenario);
  CHECK(outcome.wall >= lesson07::rounds_of(scenario) * delay);
  CHECK(outcome.wall < scenario.calls * delay);
}

TEST_CASE("run_sync on the loop's own thread refuses at once, with an error that says why", "[07][solution]")
{
  const auto outcome = lesson07::on_the_loop::solution(std::chrono::milliseconds(1000));
  CHECK(outcome.completed);
  CHECK(outcome.refused.find("loop's own thread") != std::string::npos);
  CHECK(outcome.run < std::chrono::milliseconds(500));
}

TEST_CASE("a future's get() on the loop's own thread checks nothing: it waits until the watchdog", "[07][pitfall]")
{
  const auto outcome = lesson07::on_the_loop::pitfall(std::chrono::milliseconds(200));
  CHECK_FALSE(outcome.completed);
  CHECK(outcome.refused.empty());
  CHECK(outcome.run >= std::chrono::milliseconds(200));
}
