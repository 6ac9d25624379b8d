#include "lessons/11_async_cleanup.hpp"

#include "lab/open_sockets.hpp"

#include <catch2/catch.hpp>

namespace {

// Job 0 fails after eight answers of 50 ms and half a delay of checking, at 425 ms; the quick jobs
// have made their request and said goodbye by 100 ms, and the slow ones would work for 4 s: the
// counts below do not depend on the machine's speed, with a margin of 325 ms on the closest pair.
constexpr lesson11::scenario scenario{.jobs = 6, .slow = 2, .delay_ms = 50};
constexpr int cleaned_up = 1 + scenario.slow;

lab::expectations pitfall_shows(const lesson11::outcome& seen) { return expected(lab::role::pitfall, seen, scenario); }
lab::expectations solution_shows(const lesson11::outcome& seen) { return expected(lab::role::solution, seen, scenario); }

}  // namespace

TEST_CASE("a close at the end of the happy path is skipped by every job that fails or is cancelled",
          "[11][pitfall]")
{
  const auto outcome = lesson11::pitfall(scenario);
  const auto shows = pitfall_shows(outcome);
  CHECK(shows["job 0 fails and the slow jobs are cancelled"]);
  CHECK(shows["every failed or cancelled job leaves its connection open"]);
  CHECK(outcome.left_open == cleaned_up);
}

TEST_CASE("with the close at the end of the happy path only the jobs that succeed say goodbye", "[11][pitfall]")
{
  const auto outcome = lesson11::pitfall(scenario);
  CHECK(pitfall_shows(outcome)["only the jobs that succeeded say goodbye"]);
  CHECK(outcome.goodbyes == scenario.jobs - cleaned_up);
}

TEST_CASE("the session's end closes the sockets left open, without a goodbye", "[11][pitfall]")
{
  // RAII covers the socket: nothing stays open in the process or at the server, but the server
  // heard no goodbye on the connections the session's end closed.
  const int sockets_before = lab::open_sockets();
  const auto outcome = lesson11::pitfall(scenario);
  CHECK(pitfall_shows(outcome)["the session's end closes every socket"]);
  CHECK(outcome.accepted - outcome.goodbyes == cleaned_up);
  CHECK(lab::open_sockets() == sockets_before);
}

TEST_CASE("a close after catch (...) runs after a failure but not in a cancelled job", "[11][pitfall]")
{
  // Without reset_cancellation_state, a cancelled job's close throws operation_aborted at its first
  // co_await: only the cancelled jobs' connections stay open.
  const auto outcome = lesson11::close_after_catch(scenario);
  CHECK(outcome.failed == 1);
  CHECK(outcome.cancelled == scenario.slow);
  CHECK(outcome.left_open == scenario.slow);
  CHECK(outcome.goodbyes == scenario.jobs - scenario.slow);
}

TEST_CASE("with_connection closes every connection, whether its job succeeds, fails or is cancelled",
          "[11][solution]")
{
  const auto outcome = lesson11::solution(scenario);
  const auto shows = solution_shows(outcome);
  CHECK(shows["no connection is left open"]);
  // The cleanup does not swallow what ended the body: job 0's error still reaches the group, which
  // cancels the slow jobs.
  CHECK(shows["job 0 fails and the slow jobs are cancelled"]);
  CHECK(outcome.succeeded == scenario.jobs - cleaned_up);
}

TEST_CASE("with_connection says goodbye on every connection", "[11][solution]")
{
  CHECK(solution_shows(lesson11::solution(scenario))["every job says goodbye"]);
}

TEST_CASE("with_connection closes every socket with a goodbye, and none stays open in the process", "[11][solution]")
{
  const int sockets_before = lab::open_sockets();
  const auto outcome = lesson11::solution(scenario);
  CHECK(solution_shows(outcome)["the session's end closes every socket"]);
  CHECK(outcome.goodbyes == outcome.accepted);
  CHECK(lab::open_sockets() == sockets_before);
}
