#pragma once
/// \file
/// What a lesson executable says about itself with `--about`: the one description of a lesson
/// that the tour, the lesson tables and the docs read, so none of them restates it.

#include <string>
#include <string_view>
#include <vector>

namespace lab {

/// A lesson's description, as `lesson_NN --about` prints it and `asynclab` reads it.
///
/// The text form is one `key: value` line per field, in this order, with `choice` repeated once
/// per choice; values never hold a line break. `read_about` ignores keys it does not know, so a
/// newer lesson can say more than an older reader understands.
struct about {
  std::string number;        ///< "01"
  std::string name;          ///< "blocking_call"
  std::string title;         ///< "A blocking call inside a coroutine"
  std::string story;         ///< the scene, as the lesson tells it before the question
  std::string pitfall_api;   ///< what the pitfall calls, e.g. "std::this_thread::sleep_for"
  std::string solution_api;  ///< what the solution calls instead
  std::string python_analog; ///< the same mistake in Python, e.g. "time.sleep inside async def"
  std::string scenario;      ///< the default scenario in one sentence
  std::string question;      ///< what the student predicts
  std::vector<std::string> choices;  ///< the answers, in the order they are offered
  int correct = 0;           ///< the right choice, 1-based
  std::string why;           ///< why the right answer is right
  /// What the lesson's numbers lead with: "ratio" (pitfall time over solution time), or the
  /// observation key of a count (e.g. "bodies_run") when time is not the lesson's point.
  std::string headline = "ratio";
};

/// The `key: value` lines of `about`, each ending in a line break.
std::string write_about(const about& about);

/// Reads what `write_about` wrote. Unknown keys and lines without ": " are skipped.
about read_about(std::string_view text);

}  // namespace lab
