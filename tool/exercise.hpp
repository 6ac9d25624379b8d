#pragma once
/// \file
/// The exercise mode: the student fixes a copy of a lesson's pitfall, and the lesson's own
/// `[solution]` tests judge it. Each function is an `asynclab` subcommand (see commands.hpp).
///
/// `asynclab exercise NN` writes `exercises/NN_name.cpp` (or under `$ASYNCLAB_EXERCISES`): the
/// pitfall with its entry point renamed from `pitfall` to `solution`, so the student's file plays
/// the solution. `asynclab check NN` compiles only that file, with the flags CMake wrote for the
/// lesson into `build/<preset>/asynclab/exercise/NN_name.recipe`, and links it with the lesson's
/// test and every object of the lesson library but the solution's own file (the pitfall, and any
/// extra file a lesson adds); the build tree itself is only read.

#include "tool/commands.hpp"

namespace asynclab::tool {

/// `asynclab exercise NN [--fresh]`: starts the exercise of lesson NN.
int exercise(arguments args);

/// `asynclab check NN [--json]`: builds the student's copy and runs the lesson's solution tests
/// on it. `--json` prints the result as Exercism's test-runner results.json (version 2).
/// \returns 0 when every test passes, 1 when one fails or the file does not build, 2 for bad input.
int check(arguments args);

/// `asynclab watch NN [--poll]`: checks again whenever the file changes (file events, with a
/// half-second poll as the fallback; `--poll` uses the poll alone).
int watch(arguments args);

}  // namespace asynclab::tool
