#include "lab/runner/verdict.hpp"

#include "lab/format.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lab::runner {
namespace {

std::string joined(const std::vector<std::string>& parts, const char* separator)
{
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : separator) + part;
  return text;
}

/// "wall 1.00 s vs 100 ms; in flight 1 of 10 vs 10 of 10": each observation, pitfall against solution.
std::string evidence(const std::vector<role_run>& runs)
{
  std::vector<std::string> parts;
  const auto cell = [&](const auto& value_of) {
    std::vector<std::string> values;
    for (const auto& run : runs) values.push_back(value_of(run));
    return joined(values, " vs ");
  };
  parts.push_back("wall " + cell([](const role_run& r) { return lab::human_duration(r.wall); }));
  if (runs.front().processor)
    parts.push_back("processor " + cell([](const role_run& r) { return lab::human_duration(r.measured()); }));
  for (std::size_t i = 0; i < runs.front().observations.size(); ++i)
    parts.push_back(runs.front().observations[i].label + " " +
                    cell([&](const role_run& r) { return r.observations.at(i).text; }));
  return joined(parts, "; ");
}

const observation* find_observation(const role_run& run, const std::string& key)
{
  const auto found = std::ranges::find(run.observations, key, &observation::key);
  return found == run.observations.end() ? nullptr : &*found;
}

/// "Theory: 10x (...); measured 9.98x", or the headline count when time is not the point.
verdict_line theory_line(const description& lesson, const std::vector<role_run>& runs,
                         const std::optional<double>& measured)
{
  const auto theory = lesson.theory();
  if (lesson.headline != "ratio" && runs.size() == 2) {
    const auto* pitfall = find_observation(runs[0], lesson.headline);
    const auto* solution = find_observation(runs[1], lesson.headline);
    if (pitfall && solution)
      return {"Headline", fmt::format("{} {} vs {}: {}", pitfall->label, pitfall->text, solution->text,
                                      theory.reasoning)};
  }
  if (!theory.ratio || !measured) return {"Theory", theory.reasoning};
  auto text = fmt::format("{:.3g}x ({}); measured {:.2f}x", *theory.ratio, theory.reasoning, *measured);
  if (runs.front().processor) {
    const double wall = static_cast<double>(runs[0].wall.count()) /
                        std::max(1.0, static_cast<double>(runs[1].wall.count()));
    text += fmt::format(" in processor time, {:.2f}x in wall time", wall);
  }
  return {"Theory", text};
}

std::vector<std::string> misses(const std::vector<role_run>& runs)
{
  std::vector<std::string> missed;
  for (const auto& run : runs)
    for (const auto& e : run.expected.failed())
      missed.push_back(fmt::format("the {} did not show that {} ({})", name_of(run.which), e.claim, e.evidence));
  return missed;
}

}  // namespace

verdict judge(const description& lesson, const std::vector<role_run>& runs)
{
  verdict v;
  auto missed = misses(runs);
  const auto theory = lesson.theory();
  if (runs.size() == 2) {
    v.ratio = static_cast<double>(runs[0].measured().count()) /
              std::max(1.0, static_cast<double>(runs[1].measured().count()));
    if (theory.ratio && *v.ratio < *theory.ratio / 2)
      missed.push_back(fmt::format("the pitfall took only {:.2f}x as long (theory: {:.3g}x)", *v.ratio, *theory.ratio));
  }
  v.showed = missed.empty();

  const bool both = runs.size() == 2;
  const bool pitfall_ran = runs.front().which == role::pitfall;
  if (!v.showed)
    v.summary = "This run did not show the lesson: " + joined(missed, "; ") + ". Is the machine very busy? Run it again.";
  else if (both)
    v.summary = "The pitfall showed the problem and the solution avoided it.";
  else
    v.summary = fmt::format("Only the {} ran, and it {}. Run without --only to compare the two.",
                            name_of(runs.front().which), pitfall_ran ? "showed the problem" : "avoided it");

  if (both || pitfall_ran) v.lines.push_back({"Mistake", lesson.mistake()});
  v.lines.push_back({"Evidence", evidence(runs)});
  if (both || !pitfall_ran) v.lines.push_back({"Fix", lesson.solution_api + ": " + lesson.fix()});
  if (both) v.lines.push_back(theory_line(lesson, runs, v.ratio));
  return v;
}

}  // namespace lab::runner
