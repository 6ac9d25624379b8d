#pragma once
/// \file
/// The lesson runner: the command line, the printout and the exit codes every lesson shares.

#include "lab/instruments.hpp"
#include "lab/report.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lab {

/// The two ways every lesson does the same job.
enum class version { pitfall, solution };

/// "pitfall" or "solution".
const char* name_of(version v);

/// How many times as long the pitfall should take, and why.
struct theory {
  /// Expected pitfall wall time / solution wall time. Empty when time is not the lesson's point
  /// (a task that never runs, an exception that vanishes): then only the observables judge.
  std::optional<double> ratio;
  /// One sentence that explains the outcome: it completes "The pitfall took 10x as long: ..." or,
  /// without a ratio, "The pitfall showed the problem and the solution avoided it: ...".
  std::string why;
};

/// One answer a student can pick before the run.
struct choice {
  std::string text;    ///< e.g. "about 1 s"
  std::string reason;  ///< why it is right or wrong, shown after the run: "each task waits its turn"
};

/// What the student predicts before the run: a question with numbered answers, one of them right.
struct question {
  std::string text;             ///< e.g. "How long will the pitfall take?"
  std::vector<choice> choices;  ///< two to four answers, built from the scenario
  int correct = 0;              ///< the index of the right answer in `choices`
};

/// An integer scenario parameter, set from the command line as `--flag N`.
struct parameter {
  std::string flag;     ///< e.g. "--tasks"
  int* value;           ///< where the parsed value goes; what it holds beforehand is the default
  std::string meaning;  ///< one line for --help
  int min;              ///< smallest allowed value
  int max;              ///< largest allowed value
};

/// Everything a lesson executable hands to `run_lesson`.
///
/// The functions are called after the command line is parsed, so they see the scenario the
/// student asked for.
struct lesson {
  std::string number;        ///< "01"
  std::string name;          ///< "blocking_call"
  std::string title;         ///< "A blocking call inside a coroutine"
  std::string story;         ///< two or three sentences: what people do and what goes wrong
  std::string pitfall_api;   ///< what the pitfall calls, e.g. "std::this_thread::sleep_for"
  std::string solution_api;  ///< what the solution calls instead
  std::vector<parameter> parameters;      ///< the scenario's parameters, each a `--flag N`
  std::function<std::string()> scenario;  ///< the scenario in one sentence
  std::function<lab::question()> question;  ///< what the student should predict before running
  /// Optional: what is wrong with the parameters taken together ("" when nothing is), e.g. a
  /// scenario whose pitfall would run for an hour. Checked after each parameter's own range.
  std::function<std::string()> check;
  std::function<lab::theory()> theory;    ///< the ratio the verdict expects, and why
  /// Runs one version with these instruments and reports what it observed.
  std::function<run_report(version, const instruments&)> run;
};

/// Parses the command line, runs the lesson's pitfall and solution, prints the verdict.
///
/// Flags every lesson has: `--only pitfall|solution`, `--json` (print the outcomes as JSON
/// instead of text), `--trace FILE` (write Chrome trace-event JSON), `--markdown FILE` (write
/// the numbers as Markdown, for the docs), `--svg FILE` (both timelines as a picture), `--no-color`, `--help`, and the hidden
/// `--parameters` (one line per scenario parameter: flag, min, max, default; for generated tests). Colour is also
/// off when `NO_COLOR` is set or standard output is not a terminal.
///
/// The prediction: when standard input is a terminal (and neither `--no-prompt` nor `--json` is
/// given), the student answers the lesson's question before the run; `--answer N` answers it from
/// the command line. After the run the verdict says whether the prediction was right, with the
/// reason of the student's choice and of the right one. Two hidden flags serve the `asynclab`
/// tour: `--about` prints the lesson's description as `key: value` lines and runs nothing;
/// `--record FILE` writes the prediction (`answer N`, 0 when none, and `correct N`) after the run.
///
/// \returns the process's exit code: 0 when the run showed what the lesson claims, 1 when it did
///   not, 2 for a bad command line (after one line on standard error that says what was wrong).
int run_lesson(const lesson& lesson, int argc, const char* const* argv);

}  // namespace lab
