#include "lab/runner.hpp"

#include "lab/chart.hpp"
#include "lab/json.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>

namespace lab {

const char* name_of(version v) { return v == version::pitfall ? "pitfall" : "solution"; }

namespace {

/// The command line, once parsed.
struct options {
  std::string only;
  bool json = false;
  bool no_color = false;
  bool list_parameters = false;
  std::string trace_path;
  std::string markdown_path;
  std::string svg_path;
  int answer = 0;  // the student's prediction, 1-based; 0 when there is none
  bool no_prompt = false;
  bool about = false;
  std::string record_path;
};

/// One version's run: what it reported and the timeline it drew.
struct run {
  version which;
  run_report report;
  std::unique_ptr<timeline> spans;
};

/// What the lesson showed, all runs taken together.
struct verdict {
  bool showed = true;
  std::optional<double> ratio;  // pitfall wall / solution wall, when both ran
  std::string sentence;
};

/// Rejects anything but a whole number in [min, max], with a message that says what was given.
CLI::Validator whole_number_from(int min, int max)
{
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        long long number = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        const bool whole = end == text.data() + text.size();
        if (error == std::errc::invalid_argument || !whole)
          return fmt::format("must be a whole number from {} to {} (got '{}')", min, max, text);
        if (error == std::errc::result_out_of_range || number < min || number > max)
          return fmt::format("must be from {} to {} (got {})", min, max, text);
        return {};
      },
      fmt::format("{}..{}", min, max));
}

std::string program_name(const lesson& lesson) { return "lesson_" + lesson.number; }

std::string json_key(const std::string& flag)
{
  std::string key = flag.substr(flag.find_first_not_of('-'));
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

std::string one_line(std::string text)
{
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

/// Opens a file for writing before the lesson runs, so a bad path costs nothing.
std::optional<std::string> check_writable(const char* flag, const std::string& path, std::ofstream& file)
{
  if (path.empty()) return std::nullopt;
  file.open(path);
  if (!file) return fmt::format("{}: cannot write to '{}': {}", flag, path, std::strerror(errno));
  return std::nullopt;
}

std::string wrapped(const std::string& text, std::size_t width)
{
  std::string result, line, word;
  const auto flush_word = [&] {
    if (word.empty()) return;
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      result += line + '\n';
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    word.clear();
  };
  for (const char c : text) {
    if (c == ' ' || c == '\n')
      flush_word();
    else
      word += c;
  }
  flush_word();
  return result + line;
}

verdict judge(const lesson& lesson, const std::vector<run>& runs)
{
  verdict v;
  for (const auto& r : runs) v.showed = v.showed && r.report.as_expected;

  const auto theory = lesson.theory();
  if (runs.size() == 2) {
    const double pitfall = static_cast<double>(runs[0].report.wall.count());
    const double solution = std::max(1.0, static_cast<double>(runs[1].report.wall.count()));
    v.ratio = pitfall / solution;
  }
  // Half the theory is the bar: the lesson is about orders of magnitude, not decimals.
  const bool ratio_holds = !v.ratio || !theory.ratio || *v.ratio >= *theory.ratio / 2;
  v.showed = v.showed && ratio_holds;

  if (runs.size() == 2 && v.showed) {
    v.sentence = theory.ratio ? fmt::format("The pitfall took {:.1f}x as long (theory: {:g}x): {}", *v.ratio,
                                            *theory.ratio, theory.why)
                              : "The pitfall showed the problem and the solution avoided it: " + theory.why;
  } else if (runs.size() == 2) {
    std::vector<std::string> misses;
    if (!runs[0].report.as_expected) misses.emplace_back("the pitfall did not show the problem");
    if (!runs[1].report.as_expected) misses.emplace_back("the solution did not avoid it");
    if (!ratio_holds)
      misses.push_back(fmt::format("the pitfall took only {:.1f}x as long (theory: {:g}x)", *v.ratio, *theory.ratio));
    v.sentence = "This run did not show the lesson: ";
    for (std::size_t i = 0; i < misses.size(); ++i) v.sentence += (i ? "; " : "") + misses[i];
    v.sentence += ". Is the machine very busy? Run it again.";
  } else {
    const auto& r = runs.front();
    v.sentence = fmt::format("Only the {} ran, and it {}. Run without --only to compare the two.", name_of(r.which),
                             r.report.as_expected
                                 ? (r.which == version::pitfall ? "showed the problem" : "avoided the problem")
                                 : (r.which == version::pitfall ? "did not show the problem" : "did not avoid it"));
  }
  return v;
}

const std::string& api_of(const lesson& lesson, version v)
{
  return v == version::pitfall ? lesson.pitfall_api : lesson.solution_api;
}

/// The table of runs: one row per version, one column per observation.
std::vector<std::vector<std::string>> table_of(const lesson& lesson, const std::vector<run>& runs)
{
  std::vector<std::vector<std::string>> rows{{"", "calls", "wall"}};
  for (const auto& o : runs.front().report.observations) rows[0].push_back(o.label);
  for (const auto& r : runs) {
    std::vector<std::string> row{name_of(r.which), api_of(lesson, r.which), human_duration(r.report.wall)};
    for (const auto& o : r.report.observations) row.push_back(o.text);
    rows.push_back(std::move(row));
  }
  return rows;
}

class painter {
 public:
  explicit painter(bool on) : on_(on) {}
  std::string bold(const std::string& s) const { return on_ ? "\033[1m" + s + "\033[0m" : s; }
  std::string dim(const std::string& s) const { return on_ ? "\033[2m" + s + "\033[0m" : s; }
  std::string good(const std::string& s) const { return on_ ? "\033[1;32m" + s + "\033[0m" : s; }
  std::string bad(const std::string& s) const { return on_ ? "\033[1;31m" + s + "\033[0m" : s; }

 private:
  bool on_;
};

/// Asks the question on the terminal until the student picks a choice or skips it.
/// \returns the 1-based choice, or 0 when the student pressed Enter or closed the input.
int ask(const question& asked, const painter& paint)
{
  const int count = static_cast<int>(asked.choices.size());
  for (;;) {
    fmt::print("{} ", paint.bold(fmt::format("Your prediction (1-{}, Enter to skip):", count)));
    std::fflush(stdout);
    char buffer[64];
    if (!std::fgets(buffer, sizeof buffer, stdin)) {
      fmt::print("\n");
      return 0;
    }
    std::string line(buffer);
    line.erase(0, line.find_first_not_of(" \t"));
    line.erase(line.find_last_not_of(" \t\r\n") + 1);
    if (line.empty()) return 0;
    int picked = 0;
    const auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), picked);
    if (error == std::errc() && end == line.data() + line.size() && picked >= 1 && picked <= count) return picked;
    fmt::print("Type a number from 1 to {}, or press Enter to skip.\n", count);
  }
}

/// "about 1 s: right (each sleep holds the only thread)." from a choice and its reason.
std::string with_reason(const choice& picked, const std::string& judgement)
{
  std::string reason = picked.reason;
  while (!reason.empty() && (reason.back() == '.' || reason.back() == ' ')) reason.pop_back();
  return fmt::format("{}: {} ({}).", picked.text, judgement, reason);
}

std::string heading(const lesson& lesson) { return fmt::format("Lesson {} · {}", lesson.number, lesson.title); }

void print_text(const lesson& lesson, const std::vector<run>& runs, const verdict& v, const chart_options& chart,
                const painter& paint, int answer)
{
  fmt::print("\n");
  for (const auto& r : runs) {
    if (r.spans->spans().empty()) continue;  // a lesson whose story is not a timeline
    fmt::print("{} {}\n", paint.bold(name_of(r.which)), paint.dim("· " + api_of(lesson, r.which)));
    fmt::print("{}\n", ascii_chart(*r.spans, chart));
  }

  const auto rows = table_of(lesson, runs);
  std::vector<std::size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t c = 0; c < rows[r].size(); ++c) line += fmt::format("{:<{}}   ", rows[r][c], widths[c]);
    line.erase(line.find_last_not_of(' ') + 1);
    fmt::print("{}\n", r == 0 ? paint.dim(line) : line);
  }
  fmt::print("\n{}\n", v.showed ? paint.good(wrapped(v.sentence, 78)) : paint.bad(wrapped(v.sentence, 78)));

  const auto asked = lesson.question();
  const bool right = answer == asked.correct + 1;
  if (answer > 0 && answer <= static_cast<int>(asked.choices.size())) {
    const auto line = fmt::format("You predicted {}) {}", answer,
                                  with_reason(asked.choices[answer - 1], right ? "right" : "wrong"));
    fmt::print("\n{}\n", right ? paint.good(wrapped(line, 78)) : paint.bad(wrapped(line, 78)));
  }
  if (!right && asked.correct >= 0 && asked.correct < static_cast<int>(asked.choices.size())) {
    const auto& correct = asked.choices[asked.correct];
    fmt::print("{}{} {}) {}: {}\n", answer > 0 ? "" : "\n", paint.bold("Answer:"), asked.correct + 1, correct.text,
               wrapped(correct.reason, 78));
  }
}

/// The prediction as JSON: the question, its choices, the right one and the student's, 1-based.
std::string prediction_json(const lesson& lesson, int answer)
{
  const auto asked = lesson.question();
  std::string choices;
  for (std::size_t i = 0; i < asked.choices.size(); ++i) choices += (i ? ", " : "") + json_quoted(asked.choices[i].text);
  return fmt::format("{{\"question\": {}, \"choices\": [{}], \"correct\": {}, \"answer\": {}, \"right\": {}}}",
                     json_quoted(asked.text), choices, asked.correct + 1,
                     answer > 0 ? std::to_string(answer) : "null",
                     answer > 0 ? (answer == asked.correct + 1 ? "true" : "false") : "null");
}

/// What the tour reads with `--about`: one `key: value` line each, choices in order.
void print_about(const lesson& lesson)
{
  fmt::print("number: {}\nname: {}\ntitle: {}\nstory: {}\n", lesson.number, lesson.name, one_line(lesson.title),
             one_line(lesson.story));
  fmt::print("pitfall_api: {}\nsolution_api: {}\nscenario: {}\n", one_line(lesson.pitfall_api),
             one_line(lesson.solution_api), one_line(lesson.scenario()));
  const auto asked = lesson.question();
  fmt::print("question: {}\n", one_line(asked.text));
  for (const auto& c : asked.choices) fmt::print("choice: {}\n", one_line(c.text));
  fmt::print("correct: {}\nwhy: {}\n", asked.correct + 1, one_line(lesson.theory().why));
}

void print_json(const lesson& lesson, const std::vector<run>& runs, const verdict& v, int answer)
{
  std::string json = fmt::format("{{\n  \"lesson\": {},\n  \"title\": {},\n  \"scenario\": {{",
                                 json_quoted(lesson.number + "_" + lesson.name), json_quoted(lesson.title));
  for (std::size_t i = 0; i < lesson.parameters.size(); ++i)
    json += fmt::format("{}{}: {}", i ? ", " : "", json_quoted(json_key(lesson.parameters[i].flag)),
                        *lesson.parameters[i].value);
  json += "},\n";
  for (const auto& r : runs) {
    const std::chrono::duration<double> wall = r.report.wall;
    json += fmt::format("  \"{}\": {{\"calls\": {}, \"wall_seconds\": {:.6f}", name_of(r.which),
                        json_quoted(api_of(lesson, r.which)), wall.count());
    for (const auto& o : r.report.observations) json += fmt::format(", {}: {:.9g}", json_quoted(o.key), o.value);
    json += fmt::format(", \"as_expected\": {}}},\n", r.report.as_expected);
  }
  const auto theory = lesson.theory();
  json += fmt::format("  \"ratio\": {{\"measured\": {}, \"expected\": {}}},\n",
                      v.ratio ? fmt::format("{:.3f}", *v.ratio) : std::string("null"),
                      theory.ratio ? fmt::format("{:g}", *theory.ratio) : std::string("null"));
  json += fmt::format("  \"prediction\": {},\n", prediction_json(lesson, answer));
  json += fmt::format("  \"showed\": {},\n  \"verdict\": {}\n}}\n", v.showed, json_quoted(v.sentence));
  fmt::print("{}", json);
}

void write_markdown(std::ofstream& out, const lesson& lesson, const std::vector<run>& runs, const verdict& v)
{
  const auto rows = table_of(lesson, runs);
  out << fmt::format("Scenario: {}\n\n", lesson.scenario());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line = "|";
    for (std::size_t c = 0; c < rows[r].size(); ++c)
      line += " " + (r > 0 && c == 1 ? "`" + rows[r][c] + "`" : rows[r][c]) + " |";
    out << line << '\n';
    if (r == 0) {
      std::string rule = "|";
      for (std::size_t c = 0; c < rows[r].size(); ++c) rule += "---|";
      out << rule << '\n';
    }
  }
  // The timelines go to the docs as a picture (--svg), not as ASCII art.
  out << '\n' << v.sentence << '\n';
}

}  // namespace

int run_lesson(const lesson& lesson, int argc, const char* const* argv)
{
  const auto program = program_name(lesson);
  options chosen;
  CLI::App app(fmt::format("{}\n{}", heading(lesson), wrapped(lesson.story, 78)), program);
  for (const auto& p : lesson.parameters)
    app.add_option(p.flag, *p.value, p.meaning)->check(whole_number_from(p.min, p.max))->capture_default_str();
  app.add_option("--only", chosen.only, "run only the pitfall or only the solution")
      ->check(CLI::IsMember({"pitfall", "solution"}));
  app.add_flag("--json", chosen.json, "print the outcomes as JSON instead of text");
  app.add_option("--trace", chosen.trace_path, "write a Chrome trace (open it in Perfetto) to FILE")
      ->type_name("FILE");
  app.add_option("--markdown", chosen.markdown_path, "write the numbers and the verdict as Markdown to FILE")
      ->type_name("FILE");
  app.add_option("--svg", chosen.svg_path, "draw both timelines as an SVG picture in FILE")->type_name("FILE");
  app.add_flag("--no-color", chosen.no_color, "print without colour (also when NO_COLOR is set)");
  // Hidden: one line per parameter, "flag min max default", for the generated command-line tests.
  app.add_flag("--parameters", chosen.list_parameters)->group("");
  app.add_option("--answer", chosen.answer, "answer the prediction with choice N instead of asking")
      ->check(whole_number_from(1, static_cast<int>(lesson.question().choices.size())))
      ->type_name("N");
  app.add_flag("--no-prompt", chosen.no_prompt, "do not ask for a prediction (never asked without a terminal)");
  app.add_flag("--about", chosen.about)->group("");  // for the asynclab tour
  app.add_option("--record", chosen.record_path)->group("");  // for the asynclab tour

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& error) {
    fmt::print(stderr, "{}: {} (see --help)\n", program, one_line(error.what()));
    return 2;
  }

  if (chosen.list_parameters) {
    for (const auto& p : lesson.parameters) fmt::print("{} {} {} {}\n", p.flag, p.min, p.max, *p.value);
    return 0;
  }

  if (chosen.about) {
    print_about(lesson);
    return 0;
  }

  const auto asked = lesson.question();
  const int choices = static_cast<int>(asked.choices.size());
  if (chosen.answer > choices) {
    fmt::print(stderr, "{}: --answer must be from 1 to {} (got {})\n", program, choices, chosen.answer);
    return 2;
  }

  if (lesson.check) {
    if (const auto problem = lesson.check(); !problem.empty()) {
      fmt::print(stderr, "{}: {}\n", program, problem);
      return 2;
    }
  }

  std::ofstream trace_file, markdown_file, svg_file, record_file;
  for (auto problem : {check_writable("--trace", chosen.trace_path, trace_file),
                       check_writable("--markdown", chosen.markdown_path, markdown_file),
                       check_writable("--svg", chosen.svg_path, svg_file),
                       check_writable("--record", chosen.record_path, record_file)}) {
    if (problem) {
      fmt::print(stderr, "{}: {}\n", program, *problem);
      return 2;
    }
  }

  const painter paint(!chosen.no_color && !chosen.json && std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO));
  if (!chosen.json) {
    fmt::print("{}\n\n{}\n\n", paint.bold(heading(lesson)), wrapped(lesson.story, 78));
    fmt::print("{} {}\n", paint.bold("Scenario:"), lesson.scenario());
    fmt::print("{} {}\n", paint.bold("Predict: "), asked.text);
    for (std::size_t i = 0; i < asked.choices.size(); ++i) fmt::print("  {}) {}\n", i + 1, asked.choices[i].text);
    if (chosen.answer == 0 && !chosen.no_prompt && !asked.choices.empty() && isatty(STDIN_FILENO))
      chosen.answer = ask(asked, paint);
    if (chosen.answer > 0)
      fmt::print("{} {}) {}\n", paint.bold("You said:"), chosen.answer, asked.choices[chosen.answer - 1].text);
    std::fflush(stdout);
  }

  std::vector<run> runs;
  try {
    for (const auto which : {version::pitfall, version::solution}) {
      if (!chosen.only.empty() && chosen.only != name_of(which)) continue;
      if (!chosen.json) {
        fmt::print("{}\n", paint.dim(fmt::format("Running the {} ({})...", name_of(which), api_of(lesson, which))));
        std::fflush(stdout);
      }
      auto spans = std::make_unique<timeline>(name_of(which));
      auto report = lesson.run(which, instruments{.measure = true, .spans = spans.get()});
      runs.push_back({which, std::move(report), std::move(spans)});
    }
  } catch (const std::exception& error) {
    fmt::print(stderr, "{}: the lesson failed: {}\n", program, one_line(error.what()));
    return 1;
  }

  // Both charts at the same scale, so the shorter run looks shorter.
  chart_options chart;
  for (const auto& r : runs) chart.span = std::max(chart.span, duration(*r.spans));

  const auto v = judge(lesson, runs);
  if (chosen.json)
    print_json(lesson, runs, v, chosen.answer);
  else
    print_text(lesson, runs, v, chart, paint, chosen.answer);

  std::vector<const timeline*> timelines;
  for (const auto& r : runs) timelines.push_back(r.spans.get());
  if (trace_file.is_open()) write_chrome_trace(trace_file, timelines);
  if (svg_file.is_open()) svg_file << svg_chart(timelines, chart);
  if (markdown_file.is_open()) write_markdown(markdown_file, lesson, runs, v);
  // Asked again: a lesson may settle its right answer from what the run measured.
  if (record_file.is_open()) record_file << "answer " << chosen.answer << "\ncorrect " << lesson.question().correct + 1 << '\n';
  return v.showed ? 0 : 1;
}

}  // namespace lab
