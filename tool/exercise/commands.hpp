#pragma once
/// \file
/// The exercise mode's subcommands: the student fixes a copy of a lesson's pitfall, and the
/// lesson's own `[solution]` tests judge it (see files.hpp, build.hpp and check.hpp). Each
/// returns the exit code; bad input throws bad_input (catalogue.hpp).

#include <string_view>

namespace asynclab::tool {

/// `asynclab exercise NN [--fresh]`: starts the exercise of lesson NN; `fresh` starts it over.
int start_exercise(std::string_view number, bool fresh);

/// `asynclab check NN [--json]`: builds the student's copy and runs the lesson's solution tests
/// on it. `json` prints the result as Exercism's test-runner results.json (version 2).
/// \returns 0 when every test passes, 1 when one fails or the file does not build.
int check_exercise(std::string_view number, bool json);

/// `asynclab watch NN [--poll]`: checks again whenever the file changes (file events, with a
/// half-second poll as the fallback; `poll` uses the poll alone). Runs until Ctrl-C.
int watch_exercise(std::string_view number, bool poll);

}  // namespace asynclab::tool
