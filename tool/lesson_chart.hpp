#pragma once
/// \file
/// One lesson's benchmark results as a picture and a table, for its docs page.

#include "tool/bench_results.hpp"
#include "tool/lesson_ratios.hpp"

#include <string>
#include <vector>

namespace asynclab::tool {

/// The lesson `name` names, "01" or "01_blocking_call", among `lessons`; nullptr when none.
const lesson_ratios* find_lesson_ratios(const std::vector<lesson_ratios>& lessons, const std::string& name);

/// An SVG chart of a lesson's pitfall/solution pairs: for each, one bar of the ratio on a straight
/// axis from 1x (no difference), the theory's mark across it, the two times under it. A lesson
/// whose point is a count gets the pitfall's and the solution's counts, from none to all.
std::string lesson_chart_svg(const lesson_ratios& lesson);

/// The same numbers as a Markdown table (with the theory), then every other benchmark of the
/// lesson in `run` (per-operation costs and the like) with its median time, then where the
/// numbers come from.
std::string lesson_chart_markdown(const bench_run& run, const lesson_ratios& lesson);

}  // namespace asynclab::tool
