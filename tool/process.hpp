#pragma once
/// \file
/// Starting other programs: a lesson in the student's terminal, or a compiler, a test or a lesson
/// with its output captured and a time limit. The one place that starts a process, for the tool
/// and for the lessons' command-line checks (tests/lesson_cli_check.cpp).

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace asynclab::tool {

/// How a captured program ended, and what it said.
struct program_run {
  std::optional<int> exit_code;  ///< its exit code, when it exited by itself
  int signal = 0;                ///< the signal that ended it (SIGKILL after a timeout), else 0
  bool timed_out = false;        ///< it ran past its limit, and its process group was killed
  std::string output;            ///< its standard output (and standard error, when merged)
  std::string errors;            ///< its standard error, when kept apart; why it could not start
  std::chrono::milliseconds took{};

  /// The shell's number for the ending: the exit code, 128 + N after signal N, 127 when the
  /// program could not start.
  int status() const;
};

/// Whether a captured program's standard error joins its standard output (as a terminal shows
/// them) or stays apart.
enum class error_stream { merged, apart };

/// Runs `command` (argv[0] is looked up in PATH when it has no '/') in this terminal and waits.
/// Ctrl-C stops the program, not asynclab. \returns its program_run::status().
int run_in_terminal(const std::vector<std::string>& command);

/// Runs `command` with standard input from /dev/null and its output captured. After `limit` it
/// kills the program's whole process group (a compiler's or a test's children too).
program_run run_captured(const std::vector<std::string>& command, std::chrono::milliseconds limit,
                         error_stream errors = error_stream::merged);

}  // namespace asynclab::tool
