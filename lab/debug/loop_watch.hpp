#pragma once
/// \file
/// The debug mode's part of every loop a lab driver runs (`run_on_loop`, `run_tasks`, their
/// watchdog and heartbeat forms, `run_watched`): a beat for the stall watch, and the check for
/// work left pending when the loop stopped.

#include <boost/asio/any_io_executor.hpp>

#include <memory>

namespace lab::debug {

/// With the debug mode on, spawns a timer on the loop that beats the stall watch
/// (`lab/debug/stall_watch.hpp`) until `stop()`; with the mode off, does nothing at all: no
/// thread, no timer, no allocation.
///
/// ```cpp
/// asio::io_context io;
/// lab::debug::loop_watch debugging(io.get_executor());  // before the work, like the lag probe
/// // ... spawn the work; when it is done: debugging.stop();
/// io.run();
/// debugging.loop_returned(work_finished);
/// ```
class loop_watch {
 public:
  struct state;
  explicit loop_watch(const boost::asio::any_io_executor& loop);
  ~loop_watch();
  loop_watch(const loop_watch&) = delete;
  loop_watch& operator=(const loop_watch&) = delete;

  /// The work is done: stop beating, so that the loop can run out of work; what the loop runs
  /// after that (detached tasks still going) is not watched for stalls. Any thread may call it.
  void stop();

  /// The loop returned. Unless `finished`, its work was still pending (stopped, or waiting for
  /// something that can no longer happen) and is destroyed with the loop: a pending-work finding,
  /// asyncio's "Task was destroyed but it is pending!". Reports the stall still going on, too.
  void loop_returned(bool finished);

 private:
  std::unique_ptr<state> state_;  // null when the debug mode is off
};

}  // namespace lab::debug
