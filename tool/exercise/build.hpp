#pragma once
/// \file
/// Building a student's exercise: Ninja, with the rules CMake wrote for the lesson
/// (cmake/exercise.cmake), in `exercises/.build/<preset>/<stem>/`. The compiler's depfiles
/// track every header the file includes, so a check after an edit is one compile and one link,
/// and a changed lab/ header rebuilds the object. The course's build tree is only read.

#include "tool/catalogue.hpp"

#include <filesystem>
#include <string>

namespace asynclab::tool {

/// What building the exercise did.
struct exercise_build {
  std::filesystem::path executable;  ///< the lesson's tests, linked with the student's file
  bool built = false;        ///< something was compiled or linked (not all was up to date)
  double seconds = 0;        ///< how long the build took
  std::string problem;       ///< empty when it built; else what the student should read
};

/// Builds the exercise of `lesson` from `source`. Throws bad_input when the course itself is not
/// built (the rules or a library are missing).
exercise_build build_exercise(const lesson_entry& lesson, const std::filesystem::path& source);

}  // namespace asynclab::tool
