#pragma once
/// \file
/// The student's progress: one small text file under the user's state folder
/// (`$XDG_STATE_HOME/asynclab/progress`, else `~/.local/state/asynclab/progress`), outside the
/// repository and the build, so it survives rebuilds and `make clean`.
///
/// The file, one line per lesson the student has touched:
///
///     asynclab progress 1
///     01_blocking_call done prediction=right hints=2 solved

#include <filesystem>
#include <map>
#include <string>

namespace asynclab::tool {

/// What the student did in one lesson.
struct lesson_progress {
  bool done = false;       ///< ran the lesson to its verdict
  int prediction = 0;      ///< 1 right, -1 wrong, 0 not predicted
  int hints = 0;           ///< how many hints were shown
  bool solved = false;     ///< the exercise passed its check
};

/// Every lesson's progress, by stem ("01_blocking_call").
struct progress {
  std::map<std::string, lesson_progress> lessons;
};

/// Where the progress file lives. Throws bad_input when neither XDG_STATE_HOME nor HOME is set.
std::filesystem::path progress_file();

/// Reads the progress file; an absent file is no progress. Throws bad_input, naming the file and
/// the line, when the file is not one asynclab wrote.
progress load_progress();

/// Writes the progress file (through a temporary file, so a crash never leaves half a file).
void save_progress(const progress& saved);

}  // namespace asynclab::tool
