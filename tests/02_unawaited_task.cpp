#include "lessons/02_unawaited_task.hpp"

#include <catch2/catch.hpp>

namespace {

// The observables are counts and whether a value was there when read: they do not depend on the
// machine's speed, so a short write delay keeps the run quick without weakening any check.
constexpr lesson02::scenario scenario{.visits = 5, .delay_ms = 1};

}  // namespace

TEST_CASE("a coroutine that is called but never awaited never runs its body", "[02][pitfall]")
{
  const auto outcome = lesson02::pitfall(scenario);
  CHECK(outcome.bodies_ran == 0);
}

TEST_CASE("a detached task has not finished when the caller reads its result", "[02][pitfall]")
{
  const auto outcome = lesson02::pitfall(scenario);
  CHECK_FALSE(outcome.count_read.has_value());
}

TEST_CASE("the detached task does finish, but only after the caller has moved on", "[02][pitfall]")
{
  const auto outcome = lesson02::pitfall(scenario);
  CHECK(outcome.count_task_finished);
}

TEST_CASE("a coroutine that is awaited runs its body, every time", "[02][solution]")
{
  const auto outcome = lesson02::solution(scenario);
  CHECK(outcome.bodies_ran == scenario.visits);
}

TEST_CASE("a task spawned with use_awaitable and awaited has its result ready when read", "[02][solution]")
{
  const auto outcome = lesson02::solution(scenario);
  REQUIRE(outcome.count_read.has_value());
  CHECK(*outcome.count_read == scenario.visits);
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
