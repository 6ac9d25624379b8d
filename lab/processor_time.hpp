#pragma once
/// \file
/// Processor time: what a CPU-bound lesson measures, because another program on the same core
/// does not inflate it the way it inflates the wall clock.

#include <algorithm>
#include <array>
#include <chrono>
#include <map>

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

/// The processor time one operation takes on the calling thread: `run(operations)` performs
/// `operations` of them, once to warm up (first-use costs such as page faults and cold caches do
/// not count), then three times, and the fastest is kept. For a calibration: what one loop
/// suspension, one item of work or one hash costs, so that a lesson's theory can add them up.
///
/// The fastest, not the median: another program on the machine only ever adds processor time
/// (it evicts caches, shares the core's pipeline), so the least is the truest, and it is what
/// `lab::lesson::runs` keeps of a lesson's own runs, which the theory is compared with.
///
/// ```cpp
/// const auto each = lab::processor_time_each(1'000'000, [](long long n) { hash_items(n); });
/// ```
template <typename Run>
std::chrono::duration<double, std::nano> processor_time_each(long long operations, Run&& run)
{
  run(operations);
  std::chrono::duration<double, std::nano> fastest = processor_time_of([&] { run(operations); });
  for (int again = 0; again < 2; ++again) fastest = std::min<decltype(fastest)>(fastest, processor_time_of([&] { run(operations); }));
  return fastest / static_cast<double>(operations);
}

/// `measure(key)` the first time it is asked for `key`, and the value it gave after that: a
/// calibration made at the scenario the student gave, once, however often the runner asks.
/// Each call site keeps its own values.
///
/// ```cpp
/// const auto item = lab::measured_once(scenario.rounds, [](int rounds) { return calibrate(rounds); });
/// ```
template <typename Key, typename Measure>
auto measured_once(const Key& key, Measure measure)
{
  static std::map<Key, decltype(measure(key))> measured;
  auto found = measured.find(key);
  if (found == measured.end()) found = measured.emplace(key, measure(key)).first;
  return found->second;
}

}  // namespace lab
