#pragma once
/// \file
/// Lesson 02's contract: a task that never runs.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"

#include <chrono>
#include <optional>

/// Lesson 02: an Asio coroutine that is called but never awaited never runs, and a detached
/// task's result is not there yet when the caller reads it.
namespace lesson02 {

/// A page handler logs V visits, each write taking D milliseconds, then asks how many were logged
/// (reading the log back takes D milliseconds too).
struct scenario {
  int visits = 10;   ///< how many visits the handler logs
  int delay_ms = 10;  ///< how long writing one log entry takes
};

/// What a run observed.
struct outcome {
  std::chrono::nanoseconds wall{};  ///< from starting the handler to the loop running out of work
  int bodies_ran = 0;               ///< how many of the `visits` logging coroutines ran their body
  /// The count of logged visits as the handler read it, right after asking for it; empty when
  /// the counting task had not finished yet.
  std::optional<int> count_read;
  /// Whether the counting task had finished by the time the loop ran out of work (it may finish
  /// after the handler read its result, which is the second face of the pitfall).
  bool count_finished = false;
};

/// Calls `log_visit(...)` and keeps the awaitable without `co_await`; spawns the counting task
/// with `asio::detached` and reads its result at once.
///
/// The counts are the lesson's observables and cost nothing, so `with.measure` changes nothing;
/// `with.spans` gets one span per log write that ran.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// `co_await`s each `log_visit(...)`; spawns the counting task with `asio::use_awaitable` and
/// `co_await`s it before reading its result.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// The ways of starting a piece of work and getting its result that the benchmark compares.
enum class way_to_start {
  function_call,         ///< a plain function call, from a coroutine: the baseline
  co_await_directly,     ///< `co_await work(i)`
  co_spawn_awaitable,    ///< `co_await co_spawn(executor, work(i), use_awaitable)`
  co_spawn_detached,     ///< `co_spawn(executor, work(i), detached)`, the result sent back over a channel
};

/// Starts `count` pieces of work one after the other in the way `how`, each time waiting for its
/// result, on a fresh single-threaded `io_context`.
///
/// \returns the sum of the results, `count * (count + 1) / 2` whichever way was used, so that the
///   work cannot be optimised away and a test can check that every piece ran.
long long start_work(way_to_start how, int count);

/// What each role must show. The pitfall runs no logging body, and its count is read before the
/// counting task has finished, which finishes only afterwards. The solution runs every body and
/// reads the full count. The lesson's verdict and its tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const bool read = seen.count_read.has_value();
  if (role == lab::role::pitfall)
    return {lab::expect_equal("no logging body runs", "bodies ran", seen.bodies_ran, 0),
            lab::expect_yes_no("the count is not there yet when read", "count there when read", read, false),
            lab::expect_yes_no("the counting task finishes only after the count was read",
                               "counting task finished by the end", seen.count_finished, true)};
  return {lab::expect_equal("every logging body runs", "bodies ran", seen.bodies_ran, scenario.visits),
          lab::expect_equal("the full count is read", "count read", seen.count_read.value_or(-1), scenario.visits)};
}

}  // namespace lesson02
