#include "lessons/05_exception_propagation.hpp"

#include "lab/debug/mode.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

// Backend 0 fails after 25 ms, between two 10 ms steps of the other backends, which work for
// 200 ms: the checks below count and compare, and none depends on the machine's speed.
constexpr lesson05::scenario scenario{.backends = 3, .fail_after_ms = 25, .work_ms = 200};
constexpr int others = scenario.backends - 1;
constexpr int steps = scenario.work_ms / 10;

lab::expectations pitfall_shows(const lesson05::outcome& seen) { return expected(lab::role::pitfall, seen, scenario); }
lab::expectations solution_shows(const lesson05::outcome& seen) { return expected(lab::role::solution, seen, scenario); }

bool names_the_real_failure(const std::string& caught) { return caught.find("backend 0") != std::string::npos; }

}  // namespace

TEST_CASE("an exception in a detached task does not reach the caller", "[05][pitfall]")
{
  // The call returns normally: the program would report success.
  const auto outcome = lesson05::pitfall(scenario);
  CHECK(pitfall_shows(outcome)["the failure does not reach the caller"]);
  CHECK(outcome.caught.empty());
}

TEST_CASE("after a detached task fails, its siblings run to the end", "[05][pitfall]")
{
  const auto outcome = lesson05::pitfall(scenario);
  CHECK(pitfall_shows(outcome)["every other query works to its end"]);
  CHECK(outcome.aborted == 0);
  // Backend 0 failed after about 2 of the 20 steps; far more than half are done afterwards.
  CHECK(outcome.steps_after_failure > others * steps / 2);
}

TEST_CASE("a parallel group rethrows the failure to the caller", "[05][solution]")
{
  CHECK(solution_shows(lesson05::solution(scenario))["the caller catches backend 0's own failure"]);
}

TEST_CASE("a parallel group cancels the siblings at the failure: they see operation_aborted", "[05][solution]")
{
  const auto outcome = lesson05::solution(scenario);
  CHECK(solution_shows(outcome)["every other query is cancelled"]);
  CHECK(outcome.finished == 0);
  // At most the one step each sibling had already finished when the cancellation arrived.
  CHECK(outcome.steps_after_failure <= others);
}

TEST_CASE("with a parallel group the caller knows of the failure long before the siblings' work would end",
          "[05][solution]")
{
  // The pitfall's caller waits out the siblings' remaining work (about 175 ms); the solution's
  // hears at once. A quarter of the work leaves a margin of many times.
  const auto outcome = lesson05::solution(scenario);
  CHECK(outcome.failure_to_caller < std::chrono::milliseconds(scenario.work_ms) / 4);
}

TEST_CASE("a completion handler that rethrows stops the loop at the failure and reaches the caller",
          "[05][solution]")
{
  const auto outcome = lesson05::solution_rethrowing_handler(scenario);
  CHECK(solution_shows(outcome)["the caller catches backend 0's own failure"]);
  // The siblings are neither finished nor cancelled: the loop stopped and they were abandoned.
  CHECK(outcome.finished == 0);
  CHECK(outcome.aborted == 0);
}

TEST_CASE("awaiting the tasks in turn propagates the failure and starts no later task", "[05][solution]")
{
  const auto outcome = lesson05::solution_awaited_in_turn(scenario);
  CHECK(solution_shows(outcome)["the caller catches backend 0's own failure"]);
  CHECK(outcome.finished == 0);
  CHECK(outcome.steps_after_failure == 0);
}

TEST_CASE("a fast failure under || counts as a win for the timeout, and the error is dropped", "[05][pitfall]")
{
  const auto outcome = lesson05::failure_or_timeout(scenario);
  CHECK(outcome.timeout_won);
  CHECK_FALSE(outcome.reached_caller);
  // The failure did not end the wait: the caller waited for the whole timeout.
  CHECK(outcome.wall >= std::chrono::milliseconds(scenario.work_ms));
}

TEST_CASE("when && fails, the caller gets operand 0's operation_aborted, not the real failure", "[05][pitfall]")
{
  const auto outcome = lesson05::healthy_and_failure(scenario);
  CHECK(outcome.reached_caller);
  // Both operands failed, so && threw asio::multiple_exceptions holding operand 0's exception.
  CHECK(outcome.caught == "multiple exceptions");
  CHECK(outcome.caught_operation_aborted);
  CHECK_FALSE(names_the_real_failure(outcome.caught));
}

TEST_CASE("the debug mode reports the detached task's exception as dropped", "[05][pitfall]")
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::quiet);
  lesson05::pitfall(scenario);
  const auto dropped = lab::debug::of_kind(debugging.findings(), lab::debug::kind::dropped_exception);
  REQUIRE(dropped.size() == 1);
  CHECK(names_the_real_failure(dropped[0].detail));
}

TEST_CASE("with a parallel group, the debug mode reports no dropped exception", "[05][solution]")
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::quiet);
  lesson05::solution(scenario);
  CHECK(lab::debug::of_kind(debugging.findings(), lab::debug::kind::dropped_exception).empty());
}
