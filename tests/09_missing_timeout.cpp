#include "lessons/09_missing_timeout.hpp"

#include "lab/debug/mode.hpp"
#include "lab/open_sockets.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;

namespace {

// Six requests, and the backend never answers connections 1 and 4: two silent requests. The others
// are answered after 10 ms, a hundred times within the one-second deadline (a machine loaded many
// times over can keep the backend's thread off a core for hundreds of milliseconds), and the
// watchdog stops a run after two seconds. Every check counts; the times below are bounds that
// hold by construction.
constexpr lesson09::scenario scenario{.requests = 6, .silent_every = 3, .delay_ms = 10, .deadline_ms = 1000};
constexpr int silent = lesson09::silent_of(scenario);
static_assert(silent == 2);

lab::expectations pitfall_shows(const lesson09::outcome& seen)
{
  return expected(lab::role::pitfall, seen, scenario);
}

lab::expectations solution_shows(const lesson09::outcome& seen)
{
  return expected(lab::role::solution, seen, scenario);
}

}  // namespace

TEST_CASE("with no deadline, the requests to silent connections still wait when the watchdog stops the run",
          "[09][pitfall]")
{
  const auto outcome = lesson09::pitfall(scenario);
  CHECK(pitfall_shows(outcome)["the silent requests still wait when the run is stopped"]);
  CHECK(pitfall_shows(outcome)["the watchdog has to stop the loop"]);
  CHECK(outcome.timed_out == 0);
}

TEST_CASE("with no deadline, every request the backend answers still gets its reply", "[09][pitfall]")
{
  CHECK(pitfall_shows(lesson09::pitfall(scenario))["every other request is answered"]);
}

TEST_CASE("with no deadline, the run does not end before the watchdog stops it", "[09][pitfall]")
{
  // The watchdog's timer never fires early, and nothing else could have ended the run.
  CHECK(lesson09::pitfall(scenario).wall >= lesson09::watchdog_of(scenario));
}

TEST_CASE("after the watchdog stops the pitfall, no socket stays open on either side", "[09][pitfall]")
{
  const int before = lab::open_sockets();
  const auto outcome = lesson09::pitfall(scenario);
  CHECK(lab::open_sockets() == before);
  CHECK(pitfall_shows(outcome)["no connection is left open"]);
}

TEST_CASE("a deadline on every wait times out exactly the requests to silent connections", "[09][solution]")
{
  const auto outcome = lesson09::solution(scenario);
  CHECK(solution_shows(outcome)["every silent request times out"]);
  CHECK(solution_shows(outcome)["every other request is answered"]);
}

TEST_CASE("with a deadline on every wait, the loop ends by itself with nothing pending", "[09][solution]")
{
  const auto outcome = lesson09::solution(scenario);
  CHECK(solution_shows(outcome)["no request is pending at the end"]);
  CHECK(solution_shows(outcome)["the loop ends by itself"]);
  CHECK(outcome.error.empty());
  // A deadline timer never fires early either.
  CHECK(outcome.wall >= std::chrono::milliseconds(scenario.deadline_ms));
}

TEST_CASE("a run with deadlines ends by itself and leaves no socket open on either side", "[09][solution]")
{
  const int before = lab::open_sockets();
  const auto outcome = lesson09::solution(scenario);
  CHECK(lab::open_sockets() == before);
  CHECK(solution_shows(outcome)["no connection is left open"]);
  CHECK(solution_shows(outcome)["the loop ends by itself"]);
}

TEST_CASE("a deadline lets a refused connection's error reach the caller at once, not as a timeout",
          "[09][solution]")
{
  // `request() || timeout()` would wait out the two-second deadline, call it a timeout and drop the
  // error (lesson 05's trap); a loopback refusal takes well under a millisecond.
  auto refused = scenario;
  refused.deadline_ms = 2000;
  refused.refused = true;
  const auto outcome = lesson09::solution(refused);
  CHECK_THAT(outcome.error, Catch::Matchers::Contains("refused"));
  CHECK(outcome.timed_out == 0);
  CHECK(outcome.wall < std::chrono::milliseconds(refused.deadline_ms / 2));
}

TEST_CASE("the debug mode reports the requests still waiting when the watchdog stops the loop as pending",
          "[09][pitfall]")
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::quiet);
  lesson09::pitfall(scenario);
  CHECK(lab::debug::of_kind(debugging.findings(), lab::debug::kind::pending_work).size() == 1);
}

TEST_CASE("with a deadline on every wait, the debug mode reports no pending work", "[09][solution]")
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::quiet);
  lesson09::solution(scenario);
  CHECK(lab::debug::of_kind(debugging.findings(), lab::debug::kind::pending_work).empty());
}
