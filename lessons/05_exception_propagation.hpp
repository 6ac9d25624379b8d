#pragma once
/// \file
/// Lesson 05's contract: an exception that vanishes.

#include "lab/backend.hpp"
#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"

#include <chrono>
#include <string>

/// Lesson 05: an exception thrown in a detached task never reaches anyone, and its siblings work
/// on as if nothing had happened.
namespace lesson05 {

/// A request handler queries B backends at once. Backend 0 fails after F milliseconds; the others
/// work for W milliseconds, in steps of 10 ms.
struct scenario {
  int backends = 3;        ///< how many backends the handler queries at once (backend 0 fails)
  int fail_after_ms = 25;  ///< when backend 0 fails
  int work_ms = 200;       ///< how long each healthy backend works
};

/// The backend the scenario describes: query 0 fails after F ms, the others work W ms in 10 ms steps.
inline lab::backend::settings backend_of(const scenario& scenario)
{
  return {.work = std::chrono::milliseconds(scenario.work_ms),
          .step = std::chrono::milliseconds(10),
          .failing = 0,
          .fail_after = std::chrono::milliseconds(scenario.fail_after_ms)};
}

/// What a run observed: whether the failure reached the caller, what became of the other queries.
using outcome = lab::backend_outcome;

/// Spawns every backend's query with `asio::detached`: the failure is swallowed, the siblings
/// run to the end, and `io_context::run()` returns normally.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// Waits for the queries with `make_parallel_group(...).async_wait(wait_for_one_error(), ...)`:
/// the failure cancels the siblings at once and is rethrown to the caller.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// Another fix: spawns each query with a completion handler that rethrows its exception, if it
/// has one, out of `io_context::run()`. The loop stops at the failure, abandoning the siblings.
outcome solution_rethrowing_handler(const scenario& scenario, const lab::instruments& with = {});

/// Another fix: `co_await`s each query in turn, so the failure propagates through `co_await`;
/// the queries no longer overlap, and those after the failing one never start.
outcome solution_awaited_in_turn(const scenario& scenario, const lab::instruments& with = {});

/// What an awaitable operator (`||`, `&&`) handed its caller when one operand failed.
struct operator_outcome {
  std::chrono::nanoseconds wall{};  ///< how long the `co_await` of the operator took
  bool reached_caller = false;      ///< an exception came out of the `co_await`
  std::string caught;               ///< its `what()`, "" when nothing was thrown
  /// The exception the caller got, or the first one a `multiple_exceptions` holds, is the
  /// cancelled sibling's `operation_aborted` rather than the backend's real failure.
  bool caught_operation_aborted = false;
  bool timeout_won = false;  ///< `||` only: the result named the timeout as the operand that finished
};

/// The `||` trap: `co_await (query(failing backend) || timeout(work_ms))`. The fast failure does
/// not end the wait: `||` waits for one operand to succeed, and reports the timeout as the winner.
operator_outcome failure_or_timeout(const scenario& scenario);

/// The `&&` trap: `co_await (query(healthy backend) && query(failing backend))`. The failure
/// cancels operand 0, and the exception rethrown is operand 0's `operation_aborted`.
operator_outcome healthy_and_failure(const scenario& scenario);

/// What each role must show: the pitfall's caller never hears of the failure while every other
/// query works to its end; the solution's caller catches backend 0's own failure and every other
/// query is cancelled. The lesson's verdict and its tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const int others = scenario.backends - 1;
  if (role == lab::role::pitfall)
    return {lab::expect_yes_no("the failure does not reach the caller", "error reached caller", seen.reached_caller,
                               false),
            lab::expect_equal("every other query works to its end", "finished", seen.finished, others)};
  const bool names_it = seen.caught.find("backend 0 refused") != std::string::npos;
  return {lab::expectation{"the caller catches backend 0's own failure", names_it,
                           seen.reached_caller ? "caught: " + seen.caught : "nothing reached the caller"},
          lab::expect_equal("every other query is cancelled", "cancelled", seen.aborted, others)};
}

}  // namespace lesson05
