#pragma once
/// \file
/// Asio's thread pool of `run()` callers: one `io_context` that several threads run at once.

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <functional>

namespace lab {

/// What a run on several threads observed.
struct threads_run {
  std::chrono::nanoseconds wall{};  ///< from starting the first thread to joining the last
};

/// Runs a fresh `io_context` on `threads` threads at once, each calling `run()`, until it has no
/// work left, and joins them: how Asio's documentation runs a loop on a pool of threads.
///
/// `start(loop)` spawns the work before any thread runs the loop, and the threads start running
/// it together, once all of them have started, so every thread finds it there; `start` must not
/// run the loop itself. A completion handler may run on any of the threads,
/// and two of them at the same moment, unless a strand serialises them. An exception thrown out
/// of `run()` on any thread is rethrown here, once every thread has been joined.
///
/// ```cpp
/// const auto run = lab::run_on_threads(4, [&](asio::io_context& loop) { take_orders(loop); });
/// run.wall;
/// ```
threads_run run_on_threads(int threads, const std::function<void(boost::asio::io_context&)>& start);

}  // namespace lab
