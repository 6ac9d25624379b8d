#pragma once
/// \file
/// The heartbeat: a latency-sensitive task that ticks at fixed times on the loop, and counts the
/// ticks it missed while the loop was busy elsewhere.

#include "lab/instruments.hpp"
#include "lab/run_tasks.hpp"
#include "lab/tasks_outcome.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>

namespace lab {

/// A coroutine that must tick every `period`, at start + period, start + 2 x period, ... on the
/// event loop: a game's frame, a keep-alive, a progress bar. When the loop was busy as a tick
/// fell due, the tick runs late and every later due time that already passed is missed: the
/// heartbeat ticks once and carries on from the next due time still ahead.
///
/// Where the lag probe (`lab/lag_probe.hpp`) measures how long the loop froze, the heartbeat
/// counts what a task on it lost. The heartbeat and the code that calls `stop()` must run on the
/// same single-threaded executor.
///
/// ```cpp
/// lab::heartbeat beat(io.get_executor(), std::chrono::milliseconds(5));
/// asio::co_spawn(io, beat.run(), asio::detached);
/// // ... when the work is done: beat.stop();
/// beat.ticks(); beat.missed();
/// ```
class heartbeat {
 public:
  /// \param executor the event loop to tick on; \param period the time between two due ticks.
  heartbeat(const boost::asio::any_io_executor& executor, std::chrono::nanoseconds period);

  /// Ticks until `stop()` is called.
  boost::asio::awaitable<void> run();

  /// Ends `run()`. The due times that passed without a tick, the last one's too, count as missed.
  void stop();

  /// How many ticks ran.
  int ticks() const { return ticks_; }
  /// How many due times passed without a tick.
  int missed() const { return missed_; }

 private:
  boost::asio::steady_timer timer_;
  std::chrono::nanoseconds period_;
  bool stopped_ = false;
  int ticks_ = 0;
  int missed_ = 0;
};

/// What `run_tasks_with_heartbeat` observed: the tasks, as `run_tasks` sees them, and the heartbeat.
struct heartbeat_tasks_outcome : tasks_outcome {
  int ticks = 0;         ///< the heartbeat's ticks that ran
  int ticks_missed = 0;  ///< its due times that passed without a tick
};

/// `run_tasks`, with a heartbeat that ticks every `period` on the same loop: spawned before the
/// tasks, so it is already waiting when they start, and stopped when the last task finishes.
heartbeat_tasks_outcome run_tasks_with_heartbeat(int count, const task_factory& make_task,
                                                 std::chrono::nanoseconds period, const instruments& with = {});

}  // namespace lab
