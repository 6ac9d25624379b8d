#pragma once
/// \file
/// The tour: the lessons one at a time, where the student stopped, with their progress, hints
/// and explanations. Each function is an `asynclab` subcommand and returns its exit code; bad
/// input throws bad_input (catalogue.hpp).

#include <string>
#include <string_view>
#include <vector>

namespace asynclab::tool {

/// `asynclab tour` (and `asynclab` alone on a terminal): continues at the first lesson not yet
/// done. Without a terminal it runs every lesson in order and asks nothing, like `make run` did.
int take_tour();

/// `asynclab run NN [lesson flags]`: runs one lesson and keeps its prediction in the progress.
int run_lesson(std::string_view number, const std::vector<std::string>& lesson_flags);

/// `asynclab hint NN`: the next hint from the lesson's page, one more each time.
int give_hint(std::string_view number);

/// `asynclab explain NN`: the lesson's page as terminal text.
int explain_lesson(std::string_view number);

/// `asynclab reset [NN]`: forgets the progress of lesson `number`, or of all when it is empty.
int reset_progress(std::string_view number);

}  // namespace asynclab::tool
