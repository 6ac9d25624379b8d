#pragma once
/// \file
/// The lessons `asynclab` knows: the list CMake writes at configure time (one line per
/// `asynclab_add_lesson`), and what each lesson executable says about itself with `--about`
/// (lab/about.hpp, the one description of a lesson).

#include "lab/about.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace asynclab::tool {

/// A mistake of the student's (an unknown lesson, a broken progress file): one line, exit 2.
struct bad_input : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// One lesson as the build knows it.
struct lesson_entry {
  std::string stem;                   ///< "01_blocking_call"
  std::string number;                 ///< "01"
  std::string name;                   ///< "blocking_call"
  std::filesystem::path executable;   ///< build/<preset>/bin/lesson_01_blocking_call
};

/// The repository's root folder.
std::filesystem::path source_dir();

/// The build folder asynclab was built in.
std::filesystem::path build_dir();

/// Every lesson, in course order. Throws bad_input when the build has not written the list.
const std::vector<lesson_entry>& lessons();

/// The lesson numbered `number` ("01", "1" or "01_blocking_call"). Throws bad_input naming the
/// lessons that exist when there is no such lesson.
const lesson_entry& lesson_numbered(std::string_view number);

/// Runs the lesson with `--about`. Throws bad_input when the executable is missing or fails.
lab::about about_of(const lesson_entry& lesson);

/// The lesson's page: docs/lessons/<stem>.md.
std::filesystem::path page_of(const lesson_entry& lesson);

}  // namespace asynclab::tool
