#pragma once
/// \file
/// What `asynclab check` found, in the terms of Exercism's test-runner results.json (version 2),
/// and that file written with Boost.JSON.

#include "tool/exercise/catch2_results.hpp"

#include <string>
#include <vector>

namespace asynclab::tool {

/// A whole check.
struct check_result {
  std::string status;   ///< "pass", "fail" or "error"
  std::string message;  ///< for "error": what went wrong (the compiler's output, a crash)
  std::vector<test_result> tests;
  bool built = false;   ///< something was compiled or linked (not all was up to date)
  double build_seconds = 0;
};

/// The result as Exercism's results.json: version, status, message on an error, and a name, a
/// status and (when it failed) a message per test.
std::string results_json(const check_result& result);

}  // namespace asynclab::tool
