#pragma once
/// \file
/// Lesson 09's contract: an await with no deadline.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"

#include <chrono>
#include <string>

/// Lesson 09: a `co_await` on a reply that never comes waits forever; a deadline on every wait
/// ends it.
namespace lesson09 {

/// N requests at once, each on its own connection, to a loopback backend that answers after D
/// milliseconds, except every S-th connection (the 1st, the 1 + S-th, ...), which it accepts and
/// never answers. The solution gives up on a reply after T milliseconds; the lesson's watchdog
/// stops the pitfall's loop after 2 x T.
struct scenario {
  int requests = 12;      ///< how many requests are made at once
  int silent_every = 4;   ///< the backend never answers every S-th connection
  int delay_ms = 20;      ///< how long the backend takes to answer the others
  int deadline_ms = 500;  ///< how long the solution waits for a reply
  /// Tests only: the backend has gone, so every connection is refused at once. A deadline must
  /// let that error reach the caller at once, not wait it out and call it a timeout.
  bool refused = false;
};

/// How many connections the backend never answers: the 1st, the 1 + S-th, ... of N (none when S
/// is 0, as the benchmark of what the deadlines cost sets it).
constexpr int silent_of(const scenario& scenario)
{
  if (scenario.silent_every == 0) return 0;
  return (scenario.requests + scenario.silent_every - 1) / scenario.silent_every;
}

/// When the lesson's watchdog stops a run that has not ended by itself: twice the deadline, long
/// after every reply that will ever come has come.
constexpr std::chrono::milliseconds watchdog_of(const scenario& scenario)
{
  return std::chrono::milliseconds(2 * scenario.deadline_ms);
}

/// What a run observed, on the client's side and on the backend's.
struct outcome {
  std::chrono::nanoseconds wall{};       ///< from the first request to the loop's return
  std::chrono::nanoseconds processor{};  ///< processor time the loop's thread used meanwhile
  int answered = 0;                 ///< requests whose reply came
  int timed_out = 0;                ///< requests given up at their deadline
  int pending = 0;                  ///< requests still waiting for a reply when the loop returned
  bool stopped = false;             ///< the watchdog stopped the loop with work pending
  int left_open = 0;                ///< connections the backend still saw open after the run
  std::string error;                ///< what the run ended with, "" when nothing was thrown
};

/// The outcome of a run that ended: `seen` as the requests left it, with the loop run's wall time,
/// whether the watchdog stopped it, its error, and the connections the backend still saw open.
template <typename Run>
outcome ended(outcome seen, const Run& run, int left_open)
{
  seen.wall = run.wall;
  seen.processor = run.processor;
  seen.stopped = run.stopped;
  seen.error = run.caught();
  seen.left_open = left_open;
  return seen;
}

/// How long the backend may take to see a closed connection closed.
constexpr std::chrono::milliseconds close_grace{1000};

/// `co_await`s each reply with no deadline: the silent connections' requests wait until the
/// lesson's watchdog stops the loop.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// Waits for each reply and a deadline timer in a parallel group with `wait_for_one()`:
/// whichever ends first ends the wait, and the request's own error, if it failed, goes on (where
/// `request() || timeout()` would wait for the timeout, lesson 05's trap).
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// What each role must show: the pitfall leaves the silent requests waiting until the watchdog
/// stops its loop; the solution times them out and its loop ends by itself. Both answer every
/// other request and leave no connection open. The lesson's verdict and its tests judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const int silent = silent_of(scenario);
  const auto answered = lab::expect_equal("every other request is answered", "answered", seen.answered,
                                          scenario.requests - silent);
  const auto closed = lab::expect_equal("no connection is left open", "left open", seen.left_open, 0);
  if (role == lab::role::pitfall)
    return {lab::expect_equal("the silent requests still wait when the run is stopped", "pending", seen.pending,
                              silent),
            lab::expect_yes_no("the watchdog has to stop the loop", "stopped", seen.stopped, true), answered,
            closed};
  return {lab::expect_equal("every silent request times out", "timed out", seen.timed_out, silent),
          lab::expect_equal("no request is pending at the end", "pending", seen.pending, 0),
          lab::expect_yes_no("the loop ends by itself", "stopped", seen.stopped, false), answered, closed};
}

}  // namespace lesson09
