#pragma once
/// \file
/// The lesson runner: the command line, the prediction, the printout and the exit codes every
/// lesson shares. A lesson's main is a `lab::lesson` and one call:
///
/// ```cpp
/// int main(int argc, char** argv)
/// {
///   return lab::run_lesson(lab::lesson<lesson01::scenario, lesson01::outcome>{...}, argc, argv);
/// }
/// ```

#include "lab/lesson.hpp"
#include "lab/runner/description.hpp"

namespace lab {

/// Parses the command line, runs the lesson's pitfall and solution, prints the verdict.
///
/// `--help` lists every flag and the exit codes. On a terminal (and without `--no-prompt`,
/// `--answer N` or `--json`) the student predicts before the run; after it, the verdict says
/// whether they were right, and why. Output fits the terminal (80 columns without one).
///
/// \returns the process's exit code: 0 when the run showed what the lesson claims, 1 when it did
///   not, 2 for a bad command line (after one line on standard error that says what was wrong).
template <typename Scenario, typename Outcome>
int run_lesson(const lesson<Scenario, Outcome>& lesson, int argc, const char* const* argv)
{
  Scenario scenario{};
  runner::description described{
      .number = lesson.number,
      .name = lesson.name,
      .title = lesson.title,
      .story = lesson.story,
      .pitfall_api = lesson.pitfall_api,
      .solution_api = lesson.solution_api,
      .python_analog = lesson.python_analog,
      .limits = lesson.limits,
      .headline = lesson.headline,
      .runs = lesson.runs,
      .undefined = lesson.undefined,
      .parameters = {},
      .check = [&] { return lesson.check ? lesson.check(scenario) : std::string(); },
      .pitfall_check = [&] { return lesson.pitfall_check ? lesson.pitfall_check(scenario) : std::string(); },
      .scenario = [&] { return lesson.scenario(scenario); },
      .question = [&] { return lesson.question(scenario); },
      .theory = [&] { return lesson.theory(scenario); },
      .mistake = [&] { return lesson.mistake(scenario); },
      .fix = [&] { return lesson.fix(scenario); },
      .run = [&](role which, const instruments& with) {
        const Outcome outcome = (which == role::pitfall ? lesson.pitfall : lesson.solution)(scenario, with);
        runner::role_run run{.which = which,
                             .wall = outcome.wall,
                             .processor = std::nullopt,
                             .observations = lesson.observe(outcome, scenario),
                             .expected = lesson.expected(which, outcome, scenario),
                             .spans = nullptr};
        if constexpr (requires { outcome.processor; }) run.processor = outcome.processor;
        return run;
      },
  };
  if (lesson.serve)
    described.serve = [&](role which, const serve_options& options) { lesson.serve(which, scenario, options); };
  for (const auto& p : lesson.parameters)
    described.parameters.push_back({p.flag, &(scenario.*p.field), p.meaning, p.min, p.max});
  return runner::run(described, argc, argv);
}

}  // namespace lab
