#include "lessons/02_unawaited_task.hpp"

#include <catch2/catch.hpp>

namespace {

// The observables are counts and whether a value was there when read: they do not depend on the
// machine's speed, so a short write delay keeps the run quick without weakening any check.
constexpr lesson02::scenario scenario{.visits = 5, .delay_ms = 1};

lab::expectations pitfall_shows() { return expected(lab::role::pitfall, lesson02::pitfall(scenario), scenario); }
lab::expectations solution_shows() { return expected(lab::role::solution, lesson02::solution(scenario), scenario); }

}  // namespace

TEST_CASE("a coroutine that is called but never awaited never runs its body", "[02][pitfall]")
{
  CHECK(pitfall_shows()["no logging body runs"]);
}

TEST_CASE("a detached task has not finished when the caller reads its result", "[02][pitfall]")
{
  CHECK(pitfall_shows()["the count is not there yet when read"]);
}

TEST_CASE("the detached task does finish, but only after the caller has moved on", "[02][pitfall]")
{
  // Read too early and finished by the end: it finished after the read.
  const auto shows = pitfall_shows();
  CHECK(shows["the count is not there yet when read"]);
  CHECK(shows["the counting task finishes only after the count was read"]);
}

TEST_CASE("a coroutine that is awaited runs its body, every time", "[02][solution]")
{
  CHECK(solution_shows()["every logging body runs"]);
}

TEST_CASE("a task spawned with use_awaitable and awaited has its result ready when read", "[02][solution]")
{
  CHECK(solution_shows()["the full count is read"]);
}

TEST_CASE("every correct way to start work runs each piece once and delivers its result", "[02][solution]")
{
  using lesson02::way_to_start;
  const int count = 100;
  const long long expected = count * (count + 1) / 2;
  for (const auto how : {way_to_start::function_call, way_to_start::co_await_directly,
                         way_to_start::co_spawn_awaitable, way_to_start::co_spawn_detached}) {
    CAPTURE(static_cast<int>(how));
    CHECK(lesson02::start_work(how, count) == expected);
  }
}
