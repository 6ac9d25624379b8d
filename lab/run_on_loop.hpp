#pragma once
/// \file
/// The driver every lesson from 01 on uses in place of writing Asio's own (lesson 00 shows that
/// one): a fresh single-threaded loop, the lag probe, a clock, and the coroutine's result or error.

#include "lab/instruments.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

namespace lab {

/// What a run on a fresh loop observed, besides the coroutine's own result.
struct loop_run {
  std::chrono::nanoseconds wall{};           ///< from spawning the coroutine to the loop running out of work
  std::chrono::nanoseconds processor{};      ///< processor time the loop's thread used meanwhile
  std::chrono::nanoseconds longest_stall{};  ///< longest the loop could not run a ready handler (0 unmeasured)
  clock::time_point returned{};              ///< when the loop returned to the caller
  /// The exception that reached the caller: thrown out of the coroutine, or out of `run()` by a
  /// completion handler. Only `run_catching` keeps it; `run_on_loop` rethrows it.
  std::exception_ptr error;

  /// Whether an exception reached the caller.
  bool reached_caller() const { return error != nullptr; }
  /// What the caller caught (its `what()`), "" when nothing.
  std::string caught() const;
};

/// A loop run and the value its coroutine returned (empty when it threw).
template <typename T>
struct loop_result : loop_run {
  std::optional<T> value;  ///< what the coroutine returned; empty when it threw
};

/// The loop behind `run_on_loop`: an `io_context` and a lag probe that watches it until the work
/// is done. Lessons use `run_on_loop`; this is here for the template below and `run_tasks`.
class instrumented_loop {
 public:
  /// A fresh single-threaded `io_context`; with `with.measure`, the lag probe is spawned on it at once.
  explicit instrumented_loop(const instruments& with);
  ~instrumented_loop();
  instrumented_loop(const instrumented_loop&) = delete;
  instrumented_loop& operator=(const instrumented_loop&) = delete;

  /// Where to spawn the work.
  boost::asio::io_context& context();
  /// The work is done: stop probing, so the loop can run out of work.
  void done(std::exception_ptr error = nullptr);
  /// Runs the loop until it has no work left, timing it. An exception thrown out of `run()` is
  /// kept, like one the work ended with.
  loop_run run();

 private:
  struct state;
  std::unique_ptr<state> state_;
};

/// What `run_on_loop` gives back for a coroutine returning `T`: a `loop_run`, with the value
/// unless `T` is void.
template <typename T>
using loop_outcome = std::conditional_t<std::is_void_v<T>, loop_run, loop_result<T>>;

namespace detail {

/// Spawns `work` on an instrumented loop and runs it: what `run_on_loop` and `run_catching` share.
template <typename T>
loop_outcome<T> run_until_done(boost::asio::awaitable<T> work, const instruments& with)
{
  instrumented_loop loop(with);
  loop_outcome<T> result;
  if constexpr (std::is_void_v<T>) {
    boost::asio::co_spawn(loop.context(), std::move(work), [&](const std::exception_ptr& error) { loop.done(error); });
    result = loop.run();
  } else {
    boost::asio::co_spawn(loop.context(), std::move(work), [&](const std::exception_ptr& error, T value) {
      if (!error) result.value = std::move(value);
      loop.done(error);
    });
    static_cast<loop_run&>(result) = loop.run();
  }
  return result;
}

}  // namespace detail

/// Runs `work` on a fresh single-threaded `io_context` until the loop has no work left, with the
/// lag probe when `with.measure` is set, and times it. Rethrows the exception `work` ended with.
///
/// ```cpp
/// const auto run = lab::run_on_loop(process_items(scenario), with);
/// run.wall; run.longest_stall; *run.value;
/// ```
template <typename T>
loop_outcome<T> run_on_loop(boost::asio::awaitable<T> work, const instruments& with = {})
{
  auto result = detail::run_until_done(std::move(work), with);
  if (result.error) std::rethrow_exception(result.error);
  return result;
}

/// Like `run_on_loop`, but the caller's view of a failure: the exception is kept in `error`
/// (`reached_caller()`, `caught()`), never rethrown.
template <typename T>
loop_outcome<T> run_catching(boost::asio::awaitable<T> work, const instruments& with = {})
{
  return detail::run_until_done(std::move(work), with);
}

}  // namespace lab
