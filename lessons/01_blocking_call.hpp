#pragma once
/// \file
/// Lesson 01's contract: a blocking call inside a coroutine.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"
#include "lab/tasks_outcome.hpp"

/// Lesson 01: a blocking call inside a coroutine freezes the event loop and serialises every task.
namespace lesson01 {

/// N tasks each wait D milliseconds, all on one single-threaded `io_context`.
struct scenario {
  int tasks = 10;      ///< how many tasks run at once
  int delay_ms = 100;  ///< how long each task waits
};

/// What a run observed: wall time, the most tasks in flight at once, the longest loop stall.
using outcome = lab::tasks_outcome;

/// Each task waits with `std::this_thread::sleep_for`: the thread, and with it the loop, is held.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// Each task waits with `asio::steady_timer::async_wait`: the task suspends and the loop runs on.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// What each role must show: the pitfall runs one task at a time and freezes the loop; the
/// solution runs every task at once and leaves the loop free. The lesson's verdict and its tests
/// both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto half_delay = std::chrono::milliseconds(scenario.delay_ms) / 2;
  if (role == lab::role::pitfall)
    return {lab::expect_equal("one task is in flight at a time", "in flight", seen.most_in_flight, 1),
            lab::expect_at_least("the loop stalls for half a delay or more", "loop stalled", seen.longest_stall,
                                 half_delay)};
  return {lab::expect_equal("every task is in flight at once", "in flight", seen.most_in_flight, scenario.tasks),
          lab::expect_below("the loop never stalls for half a delay", "loop stalled", seen.longest_stall,
                            half_delay)};
}

/// The lesson's theory: N waits one after another take N times as long as the N at once. The
/// verdict and the benchmark both call it.
inline double theory_ratio(const scenario& s) { return s.tasks; }

}  // namespace lesson01
