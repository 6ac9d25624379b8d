#include "lessons/10_unbounded_concurrency.hpp"

#include "lab/open_sockets.hpp"

#include <catch2/catch.hpp>

namespace {

// 30 requests against a backend that serves 10 at once, each for 250 ms: 30 loopback connects take
// a few milliseconds even on a busy machine, far less than one delay, so every request beyond the
// first ten arrives while those ten hold the backend. The solution runs three rounds, 0.75 s.
constexpr lesson10::scenario turning_away{.requests = 30, .limit = 10, .delay_ms = 250, .queue = 0};

// 100 requests against a backend that queues beyond 10, each for 100 ms: ten rounds, 1 s, so that
// the last requests of the pitfall wait on the wire for many delays, far more than a busy
// machine's hiccups.
constexpr lesson10::scenario queueing{.requests = 100, .limit = 10, .delay_ms = 100, .queue = 1};
constexpr auto queueing_delay = std::chrono::milliseconds(queueing.delay_ms);

}  // namespace

TEST_CASE("one task per request puts every request on the wire at once", "[10][pitfall]")
{
  const auto shows = expected(lab::role::pitfall, lesson10::pitfall(turning_away), turning_away);
  CHECK(shows["every request is on the wire at once"]);
  CHECK(shows["most requests are turned away"]);
}

TEST_CASE("a backend that serves ten at once turns away every request beyond them", "[10][pitfall]")
{
  const auto outcome = lesson10::pitfall(turning_away);
  CHECK(outcome.rejected == turning_away.requests - turning_away.limit);
  CHECK(outcome.answered == turning_away.limit);
}

TEST_CASE("a backend that queues holds the unlimited requests on the wire for many delays", "[10][pitfall]")
{
  const auto outcome = lesson10::pitfall(queueing);
  CHECK(expected(lab::role::pitfall, outcome, queueing)["requests wait on the wire for many delays"]);
  CHECK(outcome.rejected == 0);
  CHECK(outcome.answered == queueing.requests);
}

TEST_CASE("no socket stays open after the pitfall's run", "[10][pitfall]")
{
  const int before = lab::open_sockets();
  lesson10::pitfall(turning_away);
  lesson10::pitfall(queueing);
  CHECK(lab::open_sockets() == before);
}

TEST_CASE("a limit of ten keeps exactly ten requests on the wire at once", "[10][solution]")
{
  const auto shows = expected(lab::role::solution, lesson10::solution(turning_away), turning_away);
  CHECK(shows["the limit keeps K requests on the wire at once"]);
}

TEST_CASE("with a limit the backend turns no request away, and answers every one", "[10][solution]")
{
  const auto shows = expected(lab::role::solution, lesson10::solution(turning_away), turning_away);
  CHECK(shows["no request is turned away"]);
  CHECK(shows["every request is answered"]);
}

TEST_CASE("with a limit no request waits on the wire: its p99 is one delay, not the queue", "[10][solution]")
{
  // Each request is on the wire for one delay and a loopback round trip; the pitfall's last ones
  // wait about ten delays. Five leave a margin of several times both ways.
  const auto outcome = lesson10::solution(queueing);
  CHECK(outcome.p99 >= queueing_delay);
  CHECK(outcome.p99 < 5 * queueing_delay);
}

TEST_CASE("against a queueing backend the limit costs little time: it keeps the backend's pace", "[10][solution]")
{
  // Ten rounds of one delay is a lower bound by construction. A limit tighter than the backend's
  // would take rounds of its own, several times as many: twice the pace is the margin.
  const auto outcome = lesson10::solution(queueing);
  CHECK(outcome.wall >= lesson10::backend_pace(queueing));
  CHECK(outcome.wall < 2 * lesson10::backend_pace(queueing));
}

TEST_CASE("no socket stays open after the solution's run", "[10][solution]")
{
  const int before = lab::open_sockets();
  lesson10::solution(turning_away);
  lesson10::solution(queueing);
  CHECK(lab::open_sockets() == before);
}
