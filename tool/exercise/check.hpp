#pragma once
/// \file
/// One check of a student's exercise: build it, run the lesson's `[solution]` tests on it, and
/// tell the student how it went.

#include "tool/catalogue.hpp"
#include "tool/exercise/check_result.hpp"

namespace asynclab::tool {

/// Builds the student's copy of `lesson`'s pitfall and runs the lesson's solution tests on it.
check_result check_exercise_file(const lesson_entry& lesson);

/// Prints the result for the student; remembers a solved exercise, and gives the next hint on a
/// failure.
void print_check_result(const lesson_entry& lesson, const check_result& result);

/// Remembers in the progress file that the exercise of `lesson` is solved.
void remember_solved(const lesson_entry& lesson);

}  // namespace asynclab::tool
