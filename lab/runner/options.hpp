#pragma once
/// \file
/// The command line every lesson shares, parsed with CLI11.

#include "lab/runner/description.hpp"

#include <optional>
#include <string>

namespace lab::runner {

/// The command line, once parsed.
struct options {
  std::string only;           ///< "pitfall", "solution", or "" for both
  bool json = false;          ///< print the outcomes as JSON instead of text
  bool no_color = false;      ///< no ANSI colour
  bool no_prompt = false;     ///< do not ask for a prediction
  int answer = 0;             ///< the prediction given with --answer, 1-based; 0 when none
  std::string trace_path;     ///< --trace FILE: Chrome trace-event JSON
  std::string markdown_path;  ///< --markdown FILE: the numbers and the verdict, for the docs
  std::string svg_path;       ///< --svg FILE: both timelines as a picture
  bool list_parameters = false;  ///< hidden --parameters: "flag min max default" per line
  bool about = false;            ///< hidden --about: the lesson's description (lab/about.hpp)
  std::string record_path;       ///< hidden --record FILE: the prediction, for the tour
  std::string serve;             ///< --serve pitfall|solution: that role's server alone
  int port = 0;                  ///< --port N, with --serve: 0 lets the OS pick
  int for_seconds = 0;           ///< --for SECONDS, with --serve: 0 means until Ctrl-C
};

/// Parses the command line into `chosen` and the lesson's parameters.
/// \returns an exit code when the program should stop now: 0 after --help, 2 after a bad
///   command line (one line on standard error has said what was wrong); empty to go on.
std::optional<int> parse(const description& lesson, int argc, const char* const* argv, options& chosen);

}  // namespace lab::runner
