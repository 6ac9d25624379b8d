#pragma once
/// \file
/// Lesson 01's contract: a blocking call inside a coroutine.

#include "lab/instruments.hpp"
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

}  // namespace lesson01
