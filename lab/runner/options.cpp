// The only file of the runner that sees CLI11, which is slow to compile: it is built without
// optimisation (lab/CMakeLists.txt), since parsing a command line is not worth optimising.

#include "lab/runner/options.hpp"

#include "lab/runner/terminal.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace lab::runner {
namespace {

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

std::string one_line(std::string text)
{
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::string footer(const description& lesson)
{
  std::string text;
  if (!lesson.limits.empty()) text += wrapped("Also: " + lesson.limits, 78) + "\n\n";
  return text +
         "Exit codes: 0 the run showed what the lesson claims, 1 it did not,\n"
         "2 a bad command line.";
}

}  // namespace

std::optional<int> parse(const description& lesson, int argc, const char* const* argv, options& chosen)
{
  CLI::App app(fmt::format("Lesson {} · {}", lesson.number, lesson.title), lesson.program());
  for (const auto& p : lesson.parameters)
    app.add_option(p.flag, *p.value, p.meaning)->check(whole_number_from(p.min, p.max))->capture_default_str();
  app.add_option("--only", chosen.only, "run only the pitfall or only the solution")
      ->check(CLI::IsMember({"pitfall", "solution"}));
  // Checked against the number of choices once the question is known, after parsing.
  app.add_option("--answer", chosen.answer, "answer the prediction with choice N")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            int number = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
            if (error == std::errc() && end == text.data() + text.size() && number >= 1) return {};
            return fmt::format("must be the number of one of the choices (got '{}')", text);
          },
          "N"))
      ->type_name("N");
  app.add_flag("--no-prompt", chosen.no_prompt, "do not ask for a prediction");
  app.add_flag("--json", chosen.json, "print the outcomes as JSON instead of text");
  app.add_option("--trace", chosen.trace_path, "write a trace for ui.perfetto.dev to FILE")
      ->type_name("FILE");
  app.add_option("--svg", chosen.svg_path, "draw both timelines as SVG in FILE")->type_name("FILE");
  app.add_option("--markdown", chosen.markdown_path, "write the numbers as Markdown to FILE")
      ->type_name("FILE");
  app.add_flag("--no-color", chosen.no_color, "print without colour (as NO_COLOR does)");
  if (lesson.serve) {
    auto* serve = app.add_option("--serve", chosen.serve, "run that version's server alone, until Ctrl-C")
                      ->check(CLI::IsMember({"pitfall", "solution"}));
    app.add_option("--port", chosen.port, "with --serve: listen on 127.0.0.1:N (default: free port)")
        ->check(whole_number_from(1, 65535))->needs(serve);
    app.add_option("--for", chosen.for_seconds, "with --serve: stop after SECONDS")
        ->check(whole_number_from(1, 86400))->needs(serve)->type_name("SECONDS");
  }
  app.add_flag("--parameters", chosen.list_parameters)->group("");  // for the generated command-line tests
  app.add_flag("--about", chosen.about)->group("");                 // for the asynclab tour
  app.add_option("--record", chosen.record_path)->group("");        // for the asynclab tour
  app.footer(footer(lesson));
  app.get_formatter()->column_width(24);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& error) {
    fmt::print(stderr, "{}: {} (see --help)\n", lesson.program(), one_line(error.what()));
    return 2;
  }
  return std::nullopt;
}

}  // namespace lab::runner
