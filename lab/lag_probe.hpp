#pragma once
/// \file
/// The loop-lag probe: notices when the event loop was frozen, and for how long.

#include "lab/timeline.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>

namespace lab {

/// A coroutine that ticks on the event loop and measures how late each tick runs.
///
/// A tick is due every `period`. If the loop is busy (a blocking call, a long computation), the
/// tick's handler runs late; that lateness is how long the loop could not run a ready handler.
/// This is the idea behind asyncio's slow-callback warning.
///
/// ```cpp
/// lab::lag_probe probe(io.get_executor());
/// asio::co_spawn(io, probe.run(), asio::detached);  // before the work, so it is already waiting
/// // ... spawn the work; when it is done: probe.stop();
/// io.run();
/// auto stalled = probe.longest_stall();
/// ```
///
/// The probe and the code that calls `stop()` must run on the same single-threaded executor.
class lag_probe {
 public:
  /// \param executor the event loop to watch; the probe's timer runs there.
  /// \param period how often to tick; a stall shorter than this may go unseen.
  /// \param spans if set, every stall longer than `period` is recorded there as a `span_kind::stall`.
  explicit lag_probe(const boost::asio::any_io_executor& executor,
                     std::chrono::nanoseconds period = std::chrono::milliseconds(1),
                     timeline* spans = nullptr);

  /// Ticks until `stop()` is called.
  boost::asio::awaitable<void> run();

  /// Ends `run()` at its next tick, or at once if it is waiting.
  void stop();

  /// The latest any tick ran: the longest the loop was frozen while the probe watched.
  std::chrono::nanoseconds longest_stall() const { return longest_stall_; }

  /// How many ticks ran.
  int ticks() const { return ticks_; }

 private:
  boost::asio::steady_timer timer_;
  std::chrono::nanoseconds period_;
  timeline* spans_;
  bool stopped_ = false;
  int ticks_ = 0;
  std::chrono::nanoseconds longest_stall_{0};
};

}  // namespace lab
