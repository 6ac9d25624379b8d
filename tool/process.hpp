#pragma once
/// \file
/// Running another program from `asynclab`: a lesson in the student's terminal, or a compiler and
/// a test executable with their output captured and a time limit.

#include <chrono>
#include <string>
#include <vector>

namespace asynclab::tool {

/// How a captured program ended.
struct finished {
  int exit_code = 0;       ///< the program's exit code; 128 + N when signal N ended it
  bool timed_out = false;  ///< it ran past the limit and was killed
  std::string output;      ///< standard output and standard error, interleaved
};

/// Runs `command` (argv[0] is looked up in PATH) in this terminal and waits for it. Ctrl-C stops
/// the program, not asynclab. \returns its exit code, 128 + N after signal N, 127 if it could not start.
int run_in_terminal(const std::vector<std::string>& command);

/// Runs `command` with its output captured; kills it (and its children) after `limit`.
finished run_captured(const std::vector<std::string>& command, std::chrono::seconds limit);

}  // namespace asynclab::tool
