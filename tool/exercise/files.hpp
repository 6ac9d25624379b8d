#pragma once
/// \file
/// Where a student's exercises live, and how one starts: `exercises/NN_name.cpp` (or under
/// `$ASYNCLAB_EXERCISES`) begins as the lesson's pitfall with its entry point renamed from
/// `pitfall` to `solution`, so that the student's file plays the solution.

#include "tool/catalogue.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace asynclab::tool {

/// The student's exercises folder: $ASYNCLAB_EXERCISES, else exercises/ in the repository.
std::filesystem::path exercises_dir();

/// The student's copy of lesson `lesson`'s pitfall.
std::filesystem::path exercise_file(const lesson_entry& lesson);

/// The exercise file, or bad_input telling how to start the exercise when there is none.
std::filesystem::path existing_exercise_file(const lesson_entry& lesson);

/// The path as the student would type it: relative to the current folder when it is inside it.
std::string shown(const std::filesystem::path& path);

/// `text` with every call or definition of `pitfall(...)` renamed `solution(...)`; names that
/// only start with "pitfall" (`pitfall_with_pool`) stay.
std::string renamed_entry_point(std::string text);

/// Whether `line` holds nothing but a docs snippet marker, such as `  // [handle_request]`.
bool is_snippet_marker(std::string_view line);

/// `text` without the lines that only hold a docs snippet marker (`// [handle_request]`): they
/// mean nothing to a student.
std::string without_snippet_markers(const std::string& text);

/// The pitfall, renamed, without snippet markers, with a note on top: the student's starting point.
std::string starting_copy(const lesson_entry& lesson);

}  // namespace asynclab::tool
