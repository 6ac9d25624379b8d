#pragma once
/// \file
/// The runner's view of a lesson: `lab::lesson` with its scenario bound, so that the runner
/// itself is compiled once, not once per lesson.

#include "lab/lesson.hpp"
#include "lab/timeline.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lab::runner {

/// A parameter bound to the scenario it sets.
struct bound_parameter {
  std::string flag;     ///< e.g. "--tasks"
  int* value;           ///< the scenario's field; what it holds beforehand is the default
  std::string meaning;  ///< one line for --help
  int min;              ///< smallest allowed value
  int max;              ///< largest allowed value
};

/// What one run of a role gave back.
struct role_run {
  role which = role::pitfall;
  std::chrono::nanoseconds wall{};                     ///< how long the run took
  std::optional<std::chrono::nanoseconds> processor;   ///< its processor time, when the lesson measures it
  std::vector<observation> observations;               ///< what the table shows
  expectations expected;                               ///< what the role had to show, and whether it did
  std::shared_ptr<timeline> spans;                     ///< the run's timeline (set by the runner)

  /// The time the ratio compares: processor time when measured, else wall time.
  std::chrono::nanoseconds measured() const { return processor.value_or(wall); }
};

/// A lesson with its scenario bound: every function reads the scenario the command line set.
struct description {
  std::string number, name, title, story, pitfall_api, solution_api, python_analog, limits;
  std::string headline = "ratio";
  int runs = 1;
  std::string undefined;  ///< the sanitizer of the lesson's undefined form, or ""
  std::vector<bound_parameter> parameters;
  std::function<std::string()> check, pitfall_check, scenario;
  std::function<lab::question()> question;
  std::function<lab::theory()> theory;
  std::function<std::string()> mistake, fix;
  std::function<role_run(role, const instruments&)> run;
  std::function<void(role, const serve_options&)> serve;  ///< empty when the lesson has no server

  /// "lesson_01_blocking_call", the executable's name.
  std::string program() const { return "lesson_" + number + "_" + name; }
  /// The API a role calls.
  const std::string& api_of(role which) const { return which == role::pitfall ? pitfall_api : solution_api; }
};

/// Parses the command line, runs, prints; returns the exit code (see `lab::run_lesson`).
int run(const description& lesson, int argc, const char* const* argv);

}  // namespace lab::runner
