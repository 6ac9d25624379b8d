#pragma once
/// \file
/// What one run of a pitfall or a solution reports to the lesson runner.

#include <chrono>
#include <string>
#include <vector>

namespace lab {

/// One thing a run observed, ready to print in the verdict table and to write as JSON.
struct observation {
  std::string key;    ///< JSON key, e.g. "most_in_flight"
  std::string label;  ///< the table's column, e.g. "in flight"
  std::string text;   ///< the table's cell, e.g. "1 of 10"
  double value = 0;   ///< the number scripts read, in plain units (seconds for times)
};

/// What one run of a pitfall or a solution gives back to the lesson runner.
struct run_report {
  std::chrono::nanoseconds wall{};        ///< how long the run took
  std::vector<observation> observations;  ///< what it observed, in the order the table shows them
  /// For a pitfall: it showed the problem. For a solution: it avoided it.
  bool as_expected = true;
};

}  // namespace lab
