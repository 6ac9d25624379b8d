#pragma once
/// \file
/// What a run records besides its own work.

#include "lab/timeline.hpp"

namespace lab {

/// The instruments a lesson's pitfall or solution runs with.
///
/// The default measures (tasks in flight, loop stalls) and records no timeline.
/// `instruments::off()` turns everything off, which is how a benchmark shows the instruments'
/// own cost.
struct instruments {
  bool measure = true;          ///< count tasks in flight and probe the loop for stalls
  timeline* spans = nullptr;    ///< if set, each task's span and each stall go here

  /// No measuring and no timeline: the run does its work and nothing else.
  static instruments off() { return {.measure = false, .spans = nullptr}; }
};

}  // namespace lab
