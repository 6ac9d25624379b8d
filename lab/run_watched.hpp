#pragma once
/// \file
/// A loop under a watchdog, for code that may wait on the loop from the loop's own thread: the
/// run ends in bounded time whatever the code does, and every thread it started is joined.

#include "lab/instruments.hpp"
#include "lab/run_on_loop.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <type_traits>

namespace lab {

/// What a watched run observed: a `loop_run`, and whether the work needed the watchdog.
struct watched_run : loop_run {
  /// The work finished by itself within the bound; false when the watchdog had to step in.
  bool completed_in_bound = false;
};

/// A watched run and the value its coroutine returned (empty when it threw).
template <typename T>
struct watched_result : watched_run {
  std::optional<T> value;  ///< what the coroutine returned; empty when it threw
};

/// The loop behind `run_watched`: an `io_context` that the watchdog's thread may help run, the
/// lag probe on a strand of its own (so that the two threads never run it at once), and the
/// watchdog. Lessons use `run_watched`.
class watched_loop {
 public:
  /// A fresh `io_context`; with `with.measure`, the lag probe is spawned on it at once.
  watched_loop(std::chrono::nanoseconds bound, const instruments& with);
  /// Joins the watchdog's thread.
  ~watched_loop();
  watched_loop(const watched_loop&) = delete;
  watched_loop& operator=(const watched_loop&) = delete;

  /// Where to spawn the work.
  boost::asio::io_context& context();
  /// The work is done, with `error` if it threw: stop probing and watching. Any thread may call it.
  void done(std::exception_ptr error = nullptr);
  /// Runs the loop on the calling thread until it has no work left, under the watchdog, and times it.
  watched_run run();

 private:
  struct state;
  std::unique_ptr<state> state_;
};

/// Runs the coroutine `start(loop)` returns on a fresh `io_context`, like `run_catching` (the
/// error is kept, never rethrown), under a watchdog.
///
/// If the work has not finished `bound` after the run started, the watchdog notes it
/// (`completed_in_bound` is false) and then lends the loop its own thread until the work is done:
/// it runs the loop's ready handlers, one at a time, so that a thread blocked on a result only the
/// loop can produce (a `std::future` waited on from the loop's own thread) is released and the run
/// unwinds cleanly. Nothing is killed or abandoned. After that the loop has two threads, so the
/// work's shared state must be safe to touch from either; `bound` should be far longer than the
/// work needs, so that the watchdog steps in only when the loop waits for itself.
///
/// `start` gets the loop itself, for code that must name it (`co_spawn(loop, ...)`), and must not
/// run it. The loop runs on the calling thread.
///
/// ```cpp
/// const auto run = lab::run_watched([&](asio::io_context& loop) { return serve(loop); }, 2s, with);
/// run.completed_in_bound; run.wall; run.caught();
/// ```
template <typename Start>
auto run_watched(Start start, std::chrono::nanoseconds bound, const instruments& with = {})
{
  using awaitable_type = std::invoke_result_t<Start&, boost::asio::io_context&>;
  using T = typename awaitable_type::value_type;
  watched_loop loop(bound, with);
  if constexpr (std::is_void_v<T>) {
    boost::asio::co_spawn(loop.context(), start(loop.context()), [&](std::exception_ptr error) { loop.done(error); });
    return loop.run();
  } else {
    watched_result<T> result;
    boost::asio::co_spawn(loop.context(), start(loop.context()), [&](std::exception_ptr error, T value) {
      if (!error) result.value = std::move(value);
      loop.done(error);
    });
    static_cast<watched_run&>(result) = loop.run();
    return result;
  }
}

}  // namespace lab
