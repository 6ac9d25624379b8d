#pragma once
/// \file
/// `run_on_loop` with a bound: a watchdog stops the loop when its work has not finished in time,
/// for work that can wait forever (a reply that never comes), so that a run always ends.

#include "lab/run_on_loop.hpp"
#include "lab/run_tasks.hpp"

#include <boost/asio/steady_timer.hpp>

#include <chrono>

namespace lab {

/// What a run with a watchdog observed: the loop run (and the value, unless `T` is void), and
/// whether the watchdog had to stop the loop.
template <typename T>
struct bounded_run : loop_outcome<T> {
  /// The bound passed with the work unfinished, and the watchdog stopped the loop: `run()`
  /// returned with operations still pending, which were then destroyed, never completed.
  bool stopped = false;
};

/// The timer behind `run_with_watchdog`: armed on the loop, it stops the loop at the bound unless
/// the work has finished. Lessons use `run_with_watchdog`; this is here for its template.
class watchdog {
 public:
  /// Arms a timer on `loop` that calls `loop.stop()` once `bound` has passed since the loop began
  /// to run. Its handlers hold the watchdog: it must outlive every run of the loop.
  watchdog(boost::asio::io_context& loop, std::chrono::nanoseconds bound);
  /// The work finished: disarm, so that the loop can run out of work and return by itself.
  void disarm();
  /// Whether the watchdog stopped the loop.
  bool fired() const { return fired_; }

 private:
  boost::asio::steady_timer timer_;
  bool disarmed_ = false;
  bool fired_ = false;
};

/// Runs `work` like `run_catching` (a fresh single-threaded loop, the lag probe when
/// `with.measure`, an exception kept in `error`), but stops the loop after `bound` if `work` has not
/// finished by then. When it returns, the loop is gone: every coroutine frame it still held has
/// been destroyed, with the sockets and timers in them.
///
/// The watchdog is a timer on the same loop, so it ends work that waits (a reply that never
/// comes), not a handler that blocks the loop's thread.
///
/// ```cpp
/// const auto run = lab::run_with_watchdog(request_all(server), std::chrono::seconds(1), with);
/// run.stopped;  // true: the loop had work pending when the bound passed
/// ```
template <typename T>
bounded_run<T> run_with_watchdog(boost::asio::awaitable<T> work, std::chrono::nanoseconds bound,
                                 const instruments& with = {})
{
  instrumented_loop loop(with);
  bounded_run<T> result;
  watchdog dog(loop.context(), bound);
  if constexpr (std::is_void_v<T>) {
    boost::asio::co_spawn(loop.context(), std::move(work), [&](const std::exception_ptr& error) {
      dog.disarm();
      loop.done(error);
    });
  } else {
    boost::asio::co_spawn(loop.context(), std::move(work), [&](const std::exception_ptr& error, T value) {
      if (!error) result.value = std::move(value);
      dog.disarm();
      loop.done(error);
    });
  }
  static_cast<loop_run&>(result) = loop.run();
  result.stopped = dog.fired();
  return result;
}

/// `count` tasks at once with a watchdog: `run_with_watchdog` over a parallel group of the tasks
/// `make_task` makes, which waits for all of them (`wait_for_all()`) and keeps the first error one
/// ended with, in the order they ended. For tasks some of which may wait forever.
///
/// ```cpp
/// const auto run = lab::run_tasks_with_watchdog(10, [&](int index) { return ask(server, index); },
///                                               std::chrono::seconds(1), with);
/// ```
bounded_run<void> run_tasks_with_watchdog(int count, const task_factory& make_task, std::chrono::nanoseconds bound,
                                          const instruments& with = {});

}  // namespace lab
