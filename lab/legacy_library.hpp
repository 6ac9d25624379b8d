#pragma once
/// \file
/// A simulated legacy library: a synchronous call that blocks the thread that makes it, and a
/// record of which threads made it.

#include "lab/timeline.hpp"

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace lab {

/// A legacy library whose one call blocks its calling thread for a set time, as a driver with
/// blocking sockets does, and that notes where each call ran and when.
///
/// ```cpp
/// lab::legacy_library library(std::chrono::milliseconds(100), with.spans);
/// const double price = library.quote(3);  // blocks this thread for 100 ms
/// library.calls_on_home_thread();         // calls made on the thread that built the library
/// ```
///
/// Every member may be called from any thread at any time.
class legacy_library {
 public:
  /// \param blocks_for how long each call holds its thread.
  /// \param spans if set, each call is recorded there as a task span, its track the call's item.
  /// The thread that builds the library is its home thread: a lesson builds it on the thread
  /// that runs the loop.
  explicit legacy_library(std::chrono::nanoseconds blocks_for, timeline* spans = nullptr);

  /// Blocks the calling thread for the library's delay, then returns the price of `item`.
  double quote(int item);

  /// How many calls were made.
  int calls() const;
  /// How many calls were made on the home thread (the loop's, in a lesson).
  int calls_on_home_thread() const;
  /// How many different threads made calls.
  int threads_used() const;
  /// From the first call's start to the last call's end (zero before any call ends).
  std::chrono::nanoseconds busy() const;

 private:
  std::chrono::nanoseconds blocks_for_;
  timeline* spans_;
  std::thread::id home_;
  mutable std::mutex mutex_;
  std::vector<std::thread::id> callers_;  // one per call
  clock::time_point first_start_{clock::time_point::max()};
  clock::time_point last_end_{};
};

}  // namespace lab
