#pragma once
/// \file
/// What a run of many concurrent tasks observed.

#include "lab/report.hpp"

#include <chrono>
#include <vector>

namespace lab {

/// The outcome of `lab::run_tasks`: how long it took, how many tasks overlapped, how long the loop froze.
struct tasks_outcome {
  std::chrono::nanoseconds wall{};           ///< from spawning the first task to the last one finishing
  int most_in_flight = 0;                    ///< most tasks started and not yet finished at one moment
  std::chrono::nanoseconds longest_stall{};  ///< longest time the event loop could not run a ready handler
};

/// The outcome as the verdict table shows it: "in flight: 1 of 10", "loop stalled: 1.00 s".
std::vector<observation> observations(const tasks_outcome& outcome, int tasks);

}  // namespace lab
