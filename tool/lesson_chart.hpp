#pragma once
/// \file
/// One lesson's benchmark results as a picture and a table, for its docs page.

#include "tool/bench_results.hpp"

#include <string>

namespace asynclab::tool {

/// An SVG bar chart of lesson `lesson`'s pitfall/solution pairs in `run`: for each pair, the
/// pitfall's and the solution's median wall time on a logarithmic axis, and their ratio. A lesson
/// with no pairs in the run gets a small picture that says so.
std::string lesson_chart_svg(const bench_run& run, const std::string& lesson);

/// The same numbers as a Markdown table, then every other benchmark of the lesson (per-operation
/// costs and the like) with its median time, then where the numbers come from.
std::string lesson_chart_markdown(const bench_run& run, const std::string& lesson);

}  // namespace asynclab::tool
