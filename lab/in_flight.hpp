#pragma once
/// \file
/// The in-flight counter: the most operations that were in flight at the same moment.

#include <atomic>

namespace lab {

/// Counts operations that have started and not yet finished, and remembers the peak.
///
/// ```cpp
/// lab::in_flight_counter in_flight;
/// {
///   auto entered = in_flight.enter();  // one more in flight until `entered` is destroyed
///   co_await do_work();
/// }
/// assert(in_flight.most() >= 1);
/// ```
class in_flight_counter {
 public:
  /// Marks one operation as in flight until the returned guard is destroyed.
  class guard {
   public:
    /// Counts one more operation in flight.
    explicit guard(in_flight_counter& counter) : counter_(&counter) { counter_->start(); }
    ~guard()
    {
      if (counter_) counter_->finish();
    }
    /// Takes over `other`'s operation, which stays in flight once.
    guard(guard&& other) noexcept : counter_(other.counter_) { other.counter_ = nullptr; }
    guard(const guard&) = delete;
    guard& operator=(const guard&) = delete;
    guard& operator=(guard&&) = delete;

   private:
    in_flight_counter* counter_;
  };

  /// One more operation in flight, until the guard is destroyed.
  [[nodiscard]] guard enter() { return guard(*this); }

  /// Operations in flight right now.
  int now() const { return now_.load(std::memory_order_relaxed); }

  /// The most operations that were in flight at the same moment.
  int most() const { return most_.load(std::memory_order_relaxed); }

 private:
  void start()
  {
    const int in_flight = now_.fetch_add(1, std::memory_order_relaxed) + 1;
    int most = most_.load(std::memory_order_relaxed);
    while (in_flight > most && !most_.compare_exchange_weak(most, in_flight, std::memory_order_relaxed)) {
    }
  }
  void finish() { now_.fetch_sub(1, std::memory_order_relaxed); }

  std::atomic<int> now_{0};
  std::atomic<int> most_{0};
};

}  // namespace lab
