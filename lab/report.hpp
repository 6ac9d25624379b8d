#pragma once
/// \file
/// What a lesson shows of a run: observations, ready for the verdict table and the JSON.

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

/// A count out of a whole: "1 of 10" (its value is the count).
observation count_of(std::string key, std::string label, long long count, long long whole);

/// A plain count: "1,000,000".
observation count_of(std::string key, std::string label, long long count);

/// A duration: "1.00 s" (its value is in seconds; the key should end in `_seconds`).
observation duration_of(std::string key, std::string label, std::chrono::nanoseconds duration);

/// Yes or no (its value is 1 or 0).
observation yes_no(std::string key, std::string label, bool yes);

}  // namespace lab
