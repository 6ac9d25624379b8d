#pragma once
/// \file
/// A loop that several threads run at once, with the lag probe and a heartbeat on it: for
/// lessons whose point is what happens when the loop has more than one thread.

#include "lab/heartbeat.hpp"
#include "lab/instruments.hpp"
#include "lab/run_tasks.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <memory>

namespace lab {

/// An `io_context` that `threads` threads run at once, as a server does to use several cores,
/// with the lag probe and a heartbeat ticking every `heartbeat_period` on it. The probe and the
/// heartbeat share a strand, so that each of them still runs one handler at a time; they measure
/// how late the loop runs a ready handler when any of its threads could have run it.
///
/// ```cpp
/// lab::threaded_loop loop(2, std::chrono::milliseconds(5), with);
/// connection_lock lock(loop.executor());                     // made before the loop runs
/// const auto run = loop.run_tasks(4, [&](int) { return handle_request(lock); });
/// run.wall; run.longest_stall; run.ticks_missed;
/// ```
class threaded_loop {
 public:
  /// A fresh loop for `threads` threads; the probe (with `with.measure`) and the heartbeat are
  /// spawned on it at once, so they are already waiting when the tasks start.
  threaded_loop(int threads, std::chrono::nanoseconds heartbeat_period, const instruments& with = {});
  ~threaded_loop();
  threaded_loop(const threaded_loop&) = delete;
  threaded_loop& operator=(const threaded_loop&) = delete;

  /// The loop's executor, for what the tasks share (a lock, a channel) before it runs.
  boost::asio::any_io_executor executor();

  /// Spawns `count` tasks (counted in flight and drawn on the timeline, as `run_tasks` does),
  /// then runs the loop on `threads` threads until every task has finished, stops the probe and
  /// the heartbeat, and joins the threads. Rethrows the first exception a task ended with. Call
  /// it once.
  heartbeat_tasks_outcome run_tasks(int count, const task_factory& make_task);

 private:
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace lab
