#pragma once
/// \file
/// The tour: the lessons one at a time, where the student stopped, with their progress, hints
/// and explanations. Each function is an `asynclab` subcommand (see commands.hpp).

#include "tool/commands.hpp"

namespace asynclab::tool {

/// `asynclab tour` (and `asynclab` alone on a terminal): continues at the first lesson not yet
/// done. Without a terminal it runs every lesson in order and asks nothing, like `make run` did.
int tour(arguments args);

/// `asynclab list`: every lesson with its concept and the student's status.
int list(arguments args);

/// `asynclab run NN [lesson flags]`: runs one lesson and keeps its prediction in the progress.
int run(arguments args);

/// `asynclab hint NN`: the next hint from the lesson's page, one more each time.
int hint(arguments args);

/// `asynclab explain NN`: the lesson's page as terminal text.
int explain(arguments args);

/// `asynclab reset [NN]`: forgets the progress of one lesson, or of all.
int reset(arguments args);

}  // namespace asynclab::tool
