#pragma once
/// \file
/// The `asynclab` subcommands that run, compare and collect benchmarks.

#include "tool/commands.hpp"

namespace asynclab::tool {

/// `asynclab bench [NN] [--mode quick|thorough|plain] [--student NAME] [--out FILE]`: runs the
/// benchmark executable next to `asynclab` (one lesson's with NN) and keeps its JSON, with the
/// course's commit, the student and the CPU in its context, in results/<host>-<date>.json.
int bench(arguments args);

/// `asynclab chart FILE --lesson NN_name [--svg OUT] [--markdown OUT]`: one lesson's benchmark
/// results as a bar chart and a table, for its docs page.
int chart(arguments args);

/// `asynclab compare OLD.json NEW.json`: compare.py's table with a U test, then the lessons' ratios.
int compare(arguments args);

/// `asynclab report [--format text|markdown|html] [--output FILE] FILE...`: the class report.
int report(arguments args);

}  // namespace asynclab::tool
