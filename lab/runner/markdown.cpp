#include "lab/runner/render.hpp"

#include "lab/format.hpp"

#include <fmt/format.h>

namespace lab::runner {

std::string markdown_report(const result& shown)
{
  // One column per role and one row per number, so that a page as narrow as a phone shows every
  // number, however many a lesson observes.
  std::string header = "| |", rule = "|---|";
  std::vector<std::pair<std::string, std::vector<std::string>>> rows{{"calls", {}}, {"wall", {}}};
  if (shown.runs.front().processor) rows.push_back({"processor", {}});
  for (const auto& o : shown.runs.front().observations) rows.push_back({o.label, {}});
  for (const auto& run : shown.runs) {
    header += fmt::format(" {} |", name_of(run.which));
    rule += "---|";
    auto cell = rows.begin();
    (cell++)->second.push_back(fmt::format("`{}`", shown.lesson.api_of(run.which)));
    (cell++)->second.push_back(human_duration(run.wall));
    if (run.processor) (cell++)->second.push_back(human_duration(*run.processor));
    for (const auto& o : run.observations) (cell++)->second.push_back(o.text);
  }
  std::string text = fmt::format("Scenario: {}\n\n{}\n{}\n", shown.lesson.scenario(), header, rule);
  for (const auto& [label, cells] : rows) text += fmt::format("| {} | {} |\n", label, fmt::join(cells, " | "));
  // The timelines go to the docs as a picture (--svg), not as ASCII art.
  text += "\n" + shown.judged.summary + "\n\n";
  for (const auto& line : shown.judged.lines) text += fmt::format("- **{}:** {}\n", line.label, line.text);
  return text;
}

}  // namespace lab::runner
