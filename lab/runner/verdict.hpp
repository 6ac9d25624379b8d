#pragma once
/// \file
/// The verdict: what the runs showed, in one shape for every lesson. A pure function of the
/// lesson and its runs, so it is tested without running anything.

#include "lab/runner/description.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lab::runner {

/// One labelled line of the verdict, e.g. {"Mistake", "each sleep held the only thread ..."}.
struct verdict_line {
  std::string label;
  std::string text;
};

/// What the lesson showed, all runs taken together.
struct verdict {
  bool showed = true;           ///< every role showed what it must, and the ratio held
  std::optional<double> ratio;  ///< measured pitfall time / solution time, when both ran
  std::string summary;          ///< one sentence: showed, or what was missed
  /// Mistake, Evidence, Fix, Theory (or Headline): the same four for every lesson.
  std::vector<verdict_line> lines;
};

/// Judges the runs (the pitfall's first when both ran). The ratio must reach half the theory:
/// a lesson is about orders of magnitude, not decimals.
verdict judge(const description& lesson, const std::vector<role_run>& runs);

}  // namespace lab::runner
