#include "lessons/13_lock_across_suspension.hpp"

#include <catch2/catch.hpp>

namespace {

// Two threads, three requests: one holds the connection, two waiters block both threads. A 50 ms
// query and a 400 ms deadline are long beside a busy machine's hiccups (tens of ms at worst): the
// pitfall's loop is frozen for the whole deadline, twice the bound below, and the solution's
// three queries take 150 ms, far within it. None of the counts depend on the machine's speed.
constexpr lesson13::scenario scenario{.threads = 2, .requests = 3, .query_ms = 50, .deadline_ms = 400};
constexpr auto deadline = std::chrono::milliseconds(scenario.deadline_ms);

lab::expectations pitfall_shows(const lesson13::outcome& seen)
{
  return expected(lab::role::pitfall, seen, scenario);
}

lab::expectations solution_shows(const lesson13::outcome& seen)
{
  return expected(lab::role::solution, seen, scenario);
}

}  // namespace

TEST_CASE("a blocking lock held across co_await makes the waiters block every thread of the loop", "[13][pitfall]")
{
  CHECK(pitfall_shows(lesson13::pitfall(scenario))["every thread of the loop blocks on the lock"]);
}

TEST_CASE("with every thread blocked, only the first request is served: the others give up", "[13][pitfall]")
{
  const auto outcome = lesson13::pitfall(scenario);
  CHECK(pitfall_shows(outcome)["only the first request is served"]);
  CHECK(outcome.gave_up == scenario.requests - 1);
}

TEST_CASE("the first request cannot resume to unlock before the waiters' deadline", "[13][pitfall]")
{
  // try_acquire_for never returns before the deadline, and the holder needs a thread to resume.
  // The deadline counts from just before the loop's threads start, which a busy machine may delay
  // by a few ms: a tenth of it is the margin.
  CHECK(lesson13::pitfall(scenario).wall >= deadline * 9 / 10);
}

TEST_CASE("a blocking lock held across co_await stalls the whole loop", "[13][pitfall]")
{
  const auto outcome = lesson13::pitfall(scenario);
  CHECK(pitfall_shows(outcome)["the loop stalls for half the deadline or more"]);
  CHECK(pitfall_shows(outcome)["the heartbeat misses most of its ticks"]);
}

TEST_CASE("more threads than waiters leave one to resume the holder: the requests take turns", "[13][pitfall]")
{
  // Three threads for three requests: the waiters block two at most, and the third resumes each
  // query's end in turn. (The lesson refuses this scenario: it hides the pitfall.) Three queries
  // take 150 ms; a deadline of a second leaves a busy machine a wide margin.
  constexpr lesson13::scenario spare{.threads = 3, .requests = 3, .query_ms = 50, .deadline_ms = 1000};
  const auto outcome = lesson13::pitfall(spare);
  CHECK(outcome.served == spare.requests);
  CHECK(outcome.gave_up == 0);
}

TEST_CASE("an asynchronous lock blocks no thread", "[13][solution]")
{
  CHECK(solution_shows(lesson13::solution(scenario))["no thread blocks on the lock"]);
}

TEST_CASE("with an asynchronous lock every request is served, one query after another", "[13][solution]")
{
  const auto outcome = lesson13::solution(scenario);
  CHECK(solution_shows(outcome)["every request is served"]);
  CHECK(outcome.gave_up == 0);
  // The queries take turns: never less than N x W, and far less than the deadline.
  CHECK(outcome.wall >= scenario.requests * std::chrono::milliseconds(scenario.query_ms));
  CHECK(outcome.wall < deadline);
}

TEST_CASE("an asynchronous lock leaves the loop free: the heartbeat keeps its ticks", "[13][solution]")
{
  const auto outcome = lesson13::solution(scenario);
  CHECK(solution_shows(outcome)["the loop never stalls for half the deadline"]);
  CHECK(solution_shows(outcome)["the heartbeat keeps most of its ticks"]);
}
