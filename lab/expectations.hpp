#pragma once
/// \file
/// What a pitfall or a solution must show, stated once: the lesson's verdict and its tests both
/// judge a run by it.

#include <chrono>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace lab {

/// One claim about a run, whether it held, and the numbers that say so.
///
/// Catch2 prints it when a `CHECK(expectation)` fails, so a test shows the evidence:
/// `one task in flight at a time: 5 in flight (expected 1)`.
struct expectation {
  std::string claim;     ///< what the run must show, e.g. "one task in flight at a time"
  bool holds = false;    ///< whether it did
  std::string evidence;  ///< what was measured, e.g. "5 in flight (expected 1)"

  /// Whether it held, so that `CHECK(expectation)` checks it and prints it.
  explicit operator bool() const { return holds; }
};

/// Prints "claim: evidence".
std::ostream& operator<<(std::ostream& out, const expectation& expected);

/// Everything one role of a lesson must show.
///
/// ```cpp
/// const auto shown = lesson01::expected(lab::role::pitfall, outcome, scenario);
/// CHECK(shown["one task in flight at a time"]);
/// ```
class expectations {
 public:
  expectations() = default;
  /// The claims, in the order the verdict names them.
  expectations(std::initializer_list<expectation> all) : all_(all) {}

  /// The claim named `claim`. Throws std::out_of_range naming it when there is none, so a test
  /// with a misspelt claim fails rather than passes.
  const expectation& operator[](std::string_view claim) const;

  /// Whether every claim held.
  bool all_hold() const;

  /// The claims that did not hold.
  std::vector<expectation> failed() const;

  /// The first claim.
  auto begin() const { return all_.begin(); }
  /// Past the last claim.
  auto end() const { return all_.end(); }

 private:
  std::vector<expectation> all_;
};

/// `measured` must equal `wanted`: evidence "in flight: 5, expected 1".
expectation expect_equal(std::string claim, std::string what, long long measured, long long wanted);

/// `measured` must be at least `bound`: evidence "loop stalled: 86 us, expected at least 50.0 ms".
expectation expect_at_least(std::string claim, std::string what, std::chrono::nanoseconds measured,
                            std::chrono::nanoseconds bound);

/// `measured` must be below `bound`: evidence "loop stalled: 1.00 s, expected below 50.0 ms".
expectation expect_below(std::string claim, std::string what, std::chrono::nanoseconds measured,
                         std::chrono::nanoseconds bound);

/// Yes or no: evidence "what: yes, expected no".
expectation expect_yes_no(std::string claim, std::string what, bool measured, bool wanted);

}  // namespace lab
