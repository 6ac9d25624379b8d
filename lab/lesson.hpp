#pragma once
/// \file
/// A lesson, as data: its text, its parameters, its question and theory, its two entry points
/// and what each must show. A lesson's main fills one in and hands it to `lab::run_lesson`.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/report.hpp"
#include "lab/serve.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lab {

/// The two ways every lesson does the same job.
enum class role { pitfall, solution };

/// "pitfall" or "solution".
const char* name_of(role role);

/// One answer a student can pick before the run.
struct choice {
  std::string text;    ///< e.g. "about 1 s"
  std::string reason;  ///< why it is right or wrong, shown after the run
};

/// What the student predicts before the run: a question with answers, one of them right.
///
/// Every wrong answer should be a mistake someone would really make. The runner shows the
/// answers in an order of its own, the same for a lesson every time, so that the right one is
/// not always in the same place; answers with the same text are shown once.
struct question {
  std::string text;             ///< e.g. "How long will the pitfall take?"
  std::vector<choice> choices;  ///< two to four answers, built from the scenario
  int correct = 0;              ///< the index of the right answer in `choices`
};

/// How many times as long the pitfall should take, and why.
struct theory {
  /// Expected pitfall time / solution time. Empty when time is not the lesson's point (a task
  /// that never runs, an exception that vanishes): then the headline count tells.
  std::optional<double> ratio;
  /// Where the ratio comes from, e.g. "10 tasks x 100 ms against one 100 ms wait".
  std::string reasoning;
};

/// An integer scenario parameter, set from the command line as `--flag N`.
template <typename Scenario>
struct parameter {
  std::string flag;       ///< e.g. "--tasks"
  int Scenario::*field;   ///< the scenario's member it sets
  std::string meaning;    ///< one line for --help
  int min;                ///< smallest allowed value
  int max;                ///< largest allowed value
};

/// Everything a lesson executable hands to `run_lesson`. Every function takes the scenario the
/// student asked for on the command line, so nothing is computed before it is parsed.
template <typename Scenario, typename Outcome>
struct lesson {
  std::string number;         ///< "01"
  std::string name;           ///< "blocking_call"
  std::string title;          ///< "A blocking call inside a coroutine"
  std::string story;          ///< the scene, before the question: it must not give the answer away
  std::string pitfall_api;    ///< what the pitfall calls, e.g. "std::this_thread::sleep_for"
  std::string solution_api;   ///< what the solution calls instead
  std::string python_analog;  ///< the same mistake in Python, e.g. "time.sleep inside async def"
  std::vector<parameter<Scenario>> parameters;  ///< each a `--flag N`
  /// The rule the parameters obey together, for --help ("" when each range is the whole rule).
  std::string limits;
  /// What is wrong with the parameters taken together ("" when nothing is): `limits`, checked.
  std::function<std::string(const Scenario&)> check;
  /// What is wrong with the parameters when the pitfall runs ("" when nothing is). The pitfall is
  /// the slow or heavy one, so its bound (lesson 01's run time, lesson 08's threads) must not
  /// refuse a large scenario for `--only solution`.
  std::function<std::string(const Scenario&)> pitfall_check;
  std::function<std::string(const Scenario&)> scenario;  ///< the scenario in one sentence
  std::function<lab::question(const Scenario&)> question;  ///< what the student predicts
  std::function<lab::theory(const Scenario&)> theory;      ///< the ratio the verdict expects
  std::function<std::string(const Scenario&)> mistake;  ///< the verdict's "Mistake:": what the pitfall did
  std::function<std::string(const Scenario&)> fix;      ///< the verdict's "Fix:": what the solution does instead
  Outcome (*pitfall)(const Scenario&, const instruments&);   ///< the wrong way
  Outcome (*solution)(const Scenario&, const instruments&);  ///< the right way
  /// What each role must show: the verdict and the lesson's tests both judge by it.
  expectations (*expected)(role, const Outcome&, const Scenario&);
  /// What the verdict table shows of an outcome, in order.
  std::function<std::vector<observation>(const Outcome&, const Scenario&)> observe;
  /// What the lesson's numbers lead with: "ratio", or the key of a count observation when time
  /// is not the point (lesson 02: "bodies_run").
  std::string headline = "ratio";
  /// Runs of each role; the fastest is kept. More than one for processor-bound work, which
  /// another program on the same core stretches at random.
  int runs = 1;
  /// For a lesson whose plainest pitfall is undefined behaviour: the sanitizer that catches it,
  /// "address" or "thread" (`lab/undefined.hpp`). After the default run, each role's undefined
  /// form runs in a child process under it, and the verdict says whether it reported. "" for none.
  std::string undefined;
  /// For a lesson with a server: runs the role's server alone, for a class to hit with curl, nc or
  /// wrk (`--serve pitfall|solution`, `--port`, `--for`), until Ctrl-C. Empty for none.
  std::function<void(role, const Scenario&, const serve_options&)> serve;
};

}  // namespace lab
