#include "tool/exercise/commands.hpp"

#include "tool/exercise/check.hpp"
#include "tool/exercise/files.hpp"
#include "tool/progress.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>

namespace asynclab::tool {

int start_exercise(std::string_view number, bool fresh)
{
  const auto& lesson = lesson_numbered(number);
  const auto file = exercise_file(lesson);
  if (std::filesystem::exists(file) && !fresh) {
    fmt::print("{} already exists: edit it, then `asynclab check {}`. `asynclab exercise {} --fresh` starts over.\n",
               shown(file), lesson.number, lesson.number);
    return 0;
  }
  const auto copy = starting_copy(lesson);
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << copy;
  fmt::print("Edit {}: it is lesson {}'s pitfall, with pitfall() renamed to solution().\n"
             "Make it pass the lesson's solution tests: `asynclab check {}`, or `asynclab watch {}` to check on "
             "every save.\n",
             shown(file), lesson.number, lesson.number, lesson.number);
  return 0;
}

int check_exercise(std::string_view number, bool json)
{
  const auto& lesson = lesson_numbered(number);
  load_progress();  // a broken progress file is reported before the build
  if (!json) {
    fmt::print("Checking {} with lesson {}'s solution tests...\n", shown(exercise_file(lesson)), lesson.number);
    std::fflush(stdout);
  }
  const auto result = check_exercise_file(lesson);
  if (json) {
    fmt::print("{}", results_json(result));
    if (result.status == "pass") remember_solved(lesson);
  } else {
    print_check_result(lesson, result);
  }
  return result.status == "pass" ? 0 : 1;
}

}  // namespace asynclab::tool
