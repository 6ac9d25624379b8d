#pragma once
/// \file
/// Processor time: what a CPU-bound lesson measures, because another program on the same core
/// does not inflate it the way it inflates the wall clock.

#include <algorithm>
#include <array>
#include <chrono>

namespace lab {

/// The processor time the calling thread has used (`CLOCK_THREAD_CPUTIME_ID`). Only differences
/// between two readings on the same thread mean anything.
std::chrono::nanoseconds thread_processor_time();

/// How much processor time `work()` takes on the calling thread.
template <typename Work>
std::chrono::nanoseconds processor_time_of(Work&& work)
{
  const auto start = thread_processor_time();
  work();
  return thread_processor_time() - start;
}

/// Measures `measure()` three times and keeps the median, so that one hiccup (a page fault, a
/// migration to a cold core) does not decide a calibration.
template <typename Measure>
auto median_of_three(Measure&& measure)
{
  std::array tries{measure(), measure(), measure()};
  std::ranges::sort(tries);
  return tries[1];
}

}  // namespace lab
