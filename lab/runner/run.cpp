#include "lab/about.hpp"
#include "lab/chart.hpp"
#include "lab/runner/description.hpp"
#include "lab/runner/faces.hpp"
#include "lab/runner/options.hpp"
#include "lab/runner/question.hpp"
#include "lab/runner/render.hpp"
#include "lab/runner/verdict.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace lab {

const char* name_of(role role) { return role == role::pitfall ? "pitfall" : "solution"; }

namespace runner {
namespace {

/// The files the flags name, opened before the lesson runs, so that a bad path costs nothing.
struct output_files {
  std::ofstream trace, markdown, svg, record;
};

std::string open_all(const options& chosen, output_files& files)
{
  const std::pair<const char*, std::pair<const std::string*, std::ofstream*>> wanted[] = {
      {"--trace", {&chosen.trace_path, &files.trace}},
      {"--markdown", {&chosen.markdown_path, &files.markdown}},
      {"--svg", {&chosen.svg_path, &files.svg}},
      {"--record", {&chosen.record_path, &files.record}}};
  for (const auto& [flag, target] : wanted) {
    if (target.first->empty()) continue;
    target.second->open(*target.first);
    if (!*target.second) return fmt::format("{}: cannot write to '{}': {}", flag, *target.first, std::strerror(errno));
  }
  return {};
}

about about_of(const description& lesson, const question& asked)
{
  about told{.number = lesson.number,
             .name = lesson.name,
             .title = lesson.title,
             .story = lesson.story,
             .pitfall_api = lesson.pitfall_api,
             .solution_api = lesson.solution_api,
             .python_analog = lesson.python_analog,
             .scenario = lesson.scenario(),
             .question = asked.text,
             .choices = {},
             .correct = asked.correct + 1,
             .why = asked.choices.at(static_cast<std::size_t>(asked.correct)).reason,
             .headline = lesson.headline};
  for (const auto& c : asked.choices) told.choices.push_back(c.text);
  return told;
}

/// The story, the scenario and the question, and the student's answer when asked for one.
int introduce(const description& lesson, const question& asked, const options& chosen, const terminal& out)
{
  fmt::print("{}\n\n{}\n\n", out.bold(fmt::format("Lesson {} · {}", lesson.number, lesson.title)),
             wrapped(lesson.story, out.width));
  fmt::print("{}\n", wrapped(lesson.scenario(), out.width, out.bold("Scenario:") + " ", "          "));
  fmt::print("{}\n", wrapped(asked.text, out.width, out.bold("Predict:") + "  ", "          "));
  for (std::size_t i = 0; i < asked.choices.size(); ++i)
    fmt::print("{}\n", wrapped(asked.choices[i].text, out.width, fmt::format("  {}) ", i + 1), "     "));
  int answer = chosen.answer;
  if (answer == 0 && !chosen.no_prompt && isatty(STDIN_FILENO)) answer = ask(asked, out);
  if (answer > 0)
    fmt::print("{} {}) {}\n", out.bold("You said:"), answer, asked.choices[static_cast<std::size_t>(answer - 1)].text);
  std::fflush(stdout);
  return answer;
}

/// Runs one role `lesson.runs` times and keeps the fastest; the first run draws the timeline.
role_run run_role(const description& lesson, role which)
{
  auto spans = std::make_shared<timeline>(name_of(which));
  auto best = lesson.run(which, instruments{.measure = true, .spans = spans.get()});
  for (int again = 1; again < lesson.runs; ++again) {
    auto rerun = lesson.run(which, instruments{.measure = true, .spans = nullptr});
    if (rerun.measured() < best.measured()) best = std::move(rerun);
  }
  best.spans = std::move(spans);
  return best;
}

std::vector<role_run> run_roles(const description& lesson, const options& chosen, const terminal& out)
{
  std::vector<role_run> runs;
  for (const auto which : {role::pitfall, role::solution}) {
    if (!chosen.only.empty() && chosen.only != name_of(which)) continue;
    if (!chosen.json) {
      const auto running = fmt::format("Running the {} ({})...", name_of(which), lesson.api_of(which));
      fmt::print("{}\n", out.dim(wrapped(running, out.width, "", "  ")));
      std::fflush(stdout);
    }
    runs.push_back(run_role(lesson, which));
  }
  return runs;
}

void write_files(const result& shown, const options& chosen, output_files& files, const terminal& out)
{
  std::vector<const timeline*> timelines;
  for (const auto& run : shown.runs) timelines.push_back(run.spans.get());
  if (files.trace.is_open()) {
    write_chrome_trace(files.trace, timelines);
    if (!chosen.json)
      fmt::print("\n{}\n", wrapped(fmt::format("Trace written to {}: open it in ui.perfetto.dev or chrome://tracing.",
                                               chosen.trace_path), out.width));
  }
  if (files.svg.is_open()) files.svg << svg_chart(timelines, chart_options_of(shown, 0));
  if (files.markdown.is_open()) files.markdown << markdown_report(shown);
  if (files.record.is_open()) files.record << "answer " << shown.answer << "\ncorrect " << shown.asked.correct + 1 << '\n';
}

int bad_input(const description& lesson, const std::string& problem)
{
  fmt::print(stderr, "{}: {}\n", lesson.program(), problem);
  return 2;
}

}  // namespace

int run(const description& lesson, int argc, const char* const* argv)
{
  options chosen;
  if (const auto stop = parse(lesson, argc, argv, chosen)) return *stop;
  if (chosen.list_parameters) {
    for (const auto& p : lesson.parameters) fmt::print("{} {} {} {}\n", p.flag, p.min, p.max, *p.value);
    return 0;
  }
  if (const auto problem = lesson.check(); !problem.empty()) return bad_input(lesson, problem);
  if (!chosen.serve.empty()) return serve_alone(lesson, chosen);
  if (chosen.only != "solution")
    if (const auto problem = lesson.pitfall_check(); !problem.empty()) return bad_input(lesson, problem);

  const auto asked = settled(lesson.question(), lesson.number);
  const int choices = static_cast<int>(asked.choices.size());
  if (chosen.answer > choices)
    return bad_input(lesson, fmt::format("--answer must be from 1 to {} (got {})", choices, chosen.answer));
  if (chosen.about) {
    fmt::print("{}", write_about(about_of(lesson, asked)));
    return 0;
  }
  output_files files;
  if (const auto problem = open_all(chosen, files); !problem.empty()) return bad_input(lesson, problem);

  const auto out = standard_output(chosen.no_color || chosen.json);
  const int answer = chosen.json ? chosen.answer : introduce(lesson, asked, chosen, out);
  std::vector<role_run> runs;
  try {
    runs = run_roles(lesson, chosen, out);
  } catch (const std::exception& error) {
    fmt::print(stderr, "{}: the lesson failed: {}\n", lesson.program(), error.what());
    return 1;
  }
  const auto undefined = lesson.undefined.empty() ? std::string() : add_undefined_reports(lesson, runs, out);
  const auto judged = judge(lesson, runs);
  const result shown{lesson, runs, judged, asked, answer};
  fmt::print("{}", chosen.json ? json_report(shown) : text_report(shown, out) + undefined);
  write_files(shown, chosen, files, out);
  return judged.showed ? 0 : 1;
}

}  // namespace runner
}  // namespace lab
