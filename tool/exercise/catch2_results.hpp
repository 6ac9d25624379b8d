#pragma once
/// \file
/// The lesson's tests as the check saw them: Catch2's XML report (`-r xml`), read with a real
/// XML parser (Boost.PropertyTree).

#include <string>
#include <vector>

namespace asynclab::tool {

/// One test of the lesson.
struct test_result {
  std::string name;
  bool passed = false;
  /// For a failed test: each failed check as written and with its values, one a line
  /// (`CHECK(shows["one task at a time"]) was one task at a time: in flight: 5, expected 1`),
  /// then any exception.
  std::string message;
};

/// The test cases of a Catch2 XML report. Empty when `xml` is not a whole report (the tests
/// crashed before finishing it).
std::vector<test_result> read_catch2_xml(const std::string& xml);

}  // namespace asynclab::tool
