#pragma once
/// \file
/// Lesson 05's contract: an exception that vanishes.

#include "lab/instruments.hpp"

#include <chrono>
#include <optional>
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

/// How long one step of a healthy backend's work takes.
inline constexpr std::chrono::milliseconds step{10};

/// What a run observed.
struct outcome {
  std::chrono::nanoseconds wall{};  ///< from starting the handler to the caller's wait returning
  bool reached_caller = false;      ///< the failure reached the code that started the handler
  std::string caught;               ///< what the caller caught (its `what()`), "" when nothing
  int siblings_finished = 0;  ///< healthy backends that did all their work
  int siblings_aborted = 0;   ///< healthy backends whose wait ended with `operation_aborted`
  int steps_after_failure = 0;  ///< steps of work the healthy backends finished after the failure
  /// From the failure to the caller's wait returning, with the error or without it.
  std::chrono::nanoseconds failure_to_caller{};
};

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

}  // namespace lesson05
