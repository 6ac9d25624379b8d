#pragma once
/// \file
/// What switching costs: one suspension through the event loop, one `co_spawn`, one hand-off
/// between two threads, and a plain function call, each measured over many repetitions.

#include <chrono>

namespace lab {

/// How many operations ran, and how long they took in all.
struct switch_cost {
  long long operations = 0;        ///< how many operations ran, counted by the code that ran them
  std::chrono::nanoseconds wall{};  ///< how long all of them took together

  /// The average cost of one operation, in nanoseconds.
  double nanoseconds_each() const
  {
    return operations > 0 ? static_cast<double>(wall.count()) / static_cast<double>(operations) : 0.0;
  }
};

/// One coroutine on a fresh loop from `lab::run_on_loop` (the loop every lesson runs on, lag probe
/// included) suspends and resumes `count` times with
/// `co_await asio::post(executor, asio::use_awaitable)`: each time, the loop runs it again.
switch_cost measure_loop_suspensions(int count);

/// A coroutine on a fresh loop from `lab::run_on_loop` starts `count` empty coroutines one after
/// the other with `co_await asio::co_spawn(executor, ..., asio::use_awaitable)`: each one is
/// created, run to its end and destroyed.
switch_cost measure_co_spawns(int count);

/// Two threads pass a token back and forth `count` times with a mutex and a condition variable;
/// each pass is one thread switch: one thread goes to sleep, the other wakes up. Both threads are
/// joined before it returns.
switch_cost measure_thread_switches(int count);

/// Calls a function the compiler may not inline `count` times: the yardstick for the others.
switch_cost measure_function_calls(int count);

}  // namespace lab
