#include "lab/runner/render.hpp"

#include "lab/format.hpp"

#include <fmt/format.h>

namespace lab::runner {

std::string markdown_report(const result& shown)
{
  const auto& first = shown.runs.front();
  std::vector<std::string> labels{"", "calls", "wall"};
  if (first.processor) labels.emplace_back("processor");
  for (const auto& o : first.observations) labels.push_back(o.label);
  std::string header = "|", rule = "|";
  for (const auto& label : labels) {
    header += fmt::format(" {} |", label);
    rule += "---|";
  }
  std::string text = fmt::format("Scenario: {}\n\n{}\n{}\n", shown.lesson.scenario(), header, rule);
  for (const auto& run : shown.runs) {
    text += fmt::format("| {} | `{}` | {} |", name_of(run.which), shown.lesson.api_of(run.which),
                        human_duration(run.wall));
    if (run.processor) text += fmt::format(" {} |", human_duration(*run.processor));
    for (const auto& o : run.observations) text += fmt::format(" {} |", o.text);
    text += "\n";
  }
  // The timelines go to the docs as a picture (--svg), not as ASCII art.
  text += "\n" + shown.judged.summary + "\n\n";
  for (const auto& line : shown.judged.lines) text += fmt::format("- **{}:** {}\n", line.label, line.text);
  return text;
}

}  // namespace lab::runner
