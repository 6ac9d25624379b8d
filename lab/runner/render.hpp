#pragma once
/// \file
/// The three ways a lesson's result is written: text for the terminal, JSON for scripts,
/// Markdown for the docs.

#include "lab/chart.hpp"
#include "lab/runner/description.hpp"
#include "lab/runner/terminal.hpp"
#include "lab/runner/verdict.hpp"

#include <string>
#include <vector>

namespace lab::runner {

/// Everything a renderer writes about.
struct result {
  const description& lesson;
  const std::vector<role_run>& runs;  ///< the pitfall's first when both ran
  const verdict& judged;
  const question& asked;  ///< as the student saw it
  int answer = 0;         ///< the student's prediction, 1-based; 0 when none
};

/// How the runs' timelines are drawn, in the terminal and in the docs: on one time axis, with
/// the event loop's row only when the lesson reports loop stalls (an empty row: "never stalled").
chart_options chart_options_of(const result& shown, int width);

/// The timelines, the table of numbers, the verdict and the prediction, fitted to `out.width`.
std::string text_report(const result& shown, const terminal& out);

/// The table of numbers: one row per role, or one block per role when a row would not fit.
std::string numbers_table(const result& shown, const terminal& out);

/// The outcomes, the ratio, the prediction and the verdict as a JSON object (Boost.JSON).
std::string json_report(const result& shown);

/// The scenario, the table of numbers and the verdict as Markdown, for the lesson's page.
std::string markdown_report(const result& shown);

}  // namespace lab::runner
