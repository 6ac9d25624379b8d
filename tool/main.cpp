// asynclab: the course's own command. `asynclab help` lists what it can do.
//
// The command line, on CLI11: one subcommand per job, each with its --help. CLI11 is header-only
// and slow to compile, so this is the only file that includes it (built without optimisation:
// nothing here is worth it).

#include "tool/bench_commands.hpp"
#include "tool/catalogue.hpp"
#include "tool/colour.hpp"
#include "tool/exercise/commands.hpp"
#include "tool/lesson_list.hpp"
#include "tool/tour.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <functional>

namespace {

namespace tool = asynclab::tool;

/// Everything the subcommands' options fill in.
struct choices {
  bool no_color = false;
  std::string number;                     // NN, for the lesson commands
  std::vector<std::string> lesson_flags;  // asynclab run NN [flags]
  std::string list_format = "text";
  bool fresh = false, json = false, poll = false;
  tool::bench_options bench;
  std::vector<std::string> compare_files;
  tool::report_options report;
  tool::chart_options chart;
};

/// The command line: the app, and the work of the subcommand it chose.
struct command_line {
  CLI::App app{"asynclab: asynchronous C++20, broken on purpose", "asynclab"};
  choices chosen;
  std::function<int()> work;
};

CLI::App* add_command(command_line& line, const std::string& name, const std::string& summary,
                      std::function<int()> work)
{
  auto* command = line.app.add_subcommand(name, summary);
  command->add_flag("--no-color", line.chosen.no_color, "no colour (also with NO_COLOR, or off a terminal)");
  command->callback([&line, work = std::move(work)] { line.work = work; });
  return command;
}

void add_lesson_number(CLI::App* command, choices& chosen, bool required = true)
{
  auto* number = command->add_option("NN", chosen.number, "the lesson's number, e.g. 01");
  if (required) number->required();
}

void add_lesson_commands(command_line& line)
{
  auto& chosen = line.chosen;
  add_command(line, "tour", "the lessons one at a time, from where you stopped",
              [] { return tool::take_tour(); })
      ->footer("`asynclab` alone on a terminal takes the tour too. After each lesson: Enter\n"
               "goes on, r repeats it, h gives a hint, e explains it, q quits. Without a\n"
               "terminal it runs every lesson in order and asks nothing.");
  add_command(line, "list", "every lesson, its concept and your progress",
              [&chosen] {
                const auto format = chosen.list_format == "markdown" ? tool::list_format::markdown
                                    : chosen.list_format == "docs"   ? tool::list_format::docs
                                                                     : tool::list_format::text;
                return tool::list_lessons(format);
              })
      ->add_option("--format", chosen.list_format,
                   "text, markdown (README's table) or docs (index.md's)")
      ->check(CLI::IsMember({"text", "markdown", "docs"}));
  auto* run = add_command(line, "run", "run lesson NN: predict, watch, compare",
                          [&chosen] { return tool::run_lesson(chosen.number, chosen.lesson_flags); });
  add_lesson_number(run, chosen);
  run->prefix_command();  // what follows NN is the lesson's: `asynclab run 01 --help` lists its flags
  run->footer("Everything after NN goes to the lesson: `asynclab run NN --help` lists\nits flags.");
  const auto hint = [&chosen] { return tool::give_hint(chosen.number); };
  add_lesson_number(add_command(line, "hint", "the next hint for lesson NN", hint), chosen);
  const auto explain = [&chosen] { return tool::explain_lesson(chosen.number); };
  add_lesson_number(add_command(line, "explain", "lesson NN's page in the terminal", explain), chosen);
  add_lesson_number(add_command(line, "reset", "forget your progress in lesson NN, or in all",
                                [&chosen] { return tool::reset_progress(chosen.number); }),
                    chosen, false);
}

void add_exercise_commands(command_line& line)
{
  auto& chosen = line.chosen;
  auto* exercise = add_command(line, "exercise", "copy lesson NN's pitfall to exercises/ for you to fix",
                               [&chosen] { return tool::start_exercise(chosen.number, chosen.fresh); });
  add_lesson_number(exercise, chosen);
  exercise->add_flag("--fresh", chosen.fresh, "start over from the pitfall");
  auto* check = add_command(line, "check", "run lesson NN's solution tests on your exercise",
                            [&chosen] { return tool::check_exercise(chosen.number, chosen.json); });
  add_lesson_number(check, chosen);
  check->add_flag("--json", chosen.json, "print Exercism's results.json instead");
  check->footer("Exit codes: 0 every test passes, 1 a test fails or your file does not\nbuild, 2 bad input.");
  auto* watch = add_command(line, "watch", "check your exercise again on every save",
                            [&chosen] { return tool::watch_exercise(chosen.number, chosen.poll); });
  add_lesson_number(watch, chosen);
  watch->add_flag("--poll", chosen.poll, "look every half second instead of waiting for events");
}

/// A lesson given to `asynclab bench` is two digits.
const CLI::Validator two_digits(
    [](std::string& lesson) {
      const auto digit = [](char c) { return c >= '0' && c <= '9'; };
      const bool digits = lesson.size() == 2 && std::all_of(lesson.begin(), lesson.end(), digit);
      return digits ? std::string() : "give a lesson as two digits, e.g. 01 (got '" + lesson + "')";
    },
    "NN");

void add_bench_command(command_line& line)
{
  auto& options = line.chosen.bench;
  auto* bench = add_command(line, "bench", "run the benchmarks, keep their JSON in results/",
                            [&options] { return tool::bench_command(options); });
  bench->add_option("NN", options.lesson, "only this lesson's benchmarks")->check(two_digits);
  bench->add_option("--mode", options.mode, "quick (the default), thorough or plain")
      ->envname("ASYNCLAB_BENCH_MODE")
      ->check(CLI::IsMember({"quick", "thorough", "plain"}));
  bench->add_option("--student", options.student, "your name, for your row in the class report")
      ->envname("ASYNCLAB_STUDENT");
  bench->add_option("--out", options.out, "write the JSON there, not in results/");
  bench->footer("Modes: quick, 9 repetitions of at least 0.05 s each, enough for the U test;\n"
                "thorough, 20 of at least 0.5 s; plain, Google Benchmark's defaults.\n"
                "After --, more flags for Google Benchmark (asynclab_benchmarks --help);\n"
                "they come last and win. `make bench MODE=... STUDENT=...` sets both.");
}

void add_results_commands(command_line& line)
{
  auto& chosen = line.chosen;
  add_command(line, "compare", "two benchmark files side by side, with a U test",
              [&chosen] { return tool::compare_command(chosen.compare_files[0], chosen.compare_files[1]); })
      ->add_option("FILES", chosen.compare_files, "OLD.json NEW.json, from asynclab bench")
      ->expected(2)
      ->required();
  auto& report = chosen.report;
  auto* class_report = add_command(line, "report", "many students' benchmark files in one table and chart",
                                   [&report] { return tool::report_command(report); });
  class_report->add_option("--format", report.format, "text, markdown, or html (a page with a chart)")
      ->check(CLI::IsMember({"text", "markdown", "html"}));
  class_report->add_option("--output", report.output, "write to FILE instead of the terminal");
  class_report->add_option("FILES", report.files, "the students' results/*.json")->required();
  class_report->footer("Exit codes: 0 every file was used, 1 some file was left out (the report\n"
                       "shows the rest), 2 bad input.");
  auto& chart = chosen.chart;
  auto* lesson_chart = add_command(line, "chart", "one lesson's results as a chart and a table",
                                   [&chart] { return tool::chart_command(chart); });
  lesson_chart->add_option("FILE", chart.file, "Google Benchmark's JSON")->required();
  lesson_chart->add_option("--lesson", chart.lesson, "the lesson, e.g. 01_blocking_call")->required();
  lesson_chart->add_option("--svg", chart.svg, "write the bar chart there");
  lesson_chart->add_option("--markdown", chart.markdown, "write the table there (neither: to the terminal)");
}

/// asynclab's own help. (`App::help()` gives the help of the subcommand chosen, which for
/// `asynclab help` is the help subcommand's.)
std::string whole_help(command_line& line)
{
  return line.app.get_formatter()->make_help(&line.app, "asynclab", CLI::AppFormatMode::Normal);
}

void define(command_line& line)
{
  line.app.add_flag("--no-color", line.chosen.no_color, "no colour (also with NO_COLOR, or off a terminal)");
  line.app.footer("`asynclab <command> --help` says more about one command.");
  line.app.set_version_flag("--version", "asynclab " ASYNCLAB_VERSION, "the course's version");
  line.app.get_formatter()->column_width(22);
  line.app.require_subcommand(0, 1);
  add_command(line, "help", "list what asynclab can do", [&line] {
    fmt::print("{}", whole_help(line));
    return 0;
  });
  add_lesson_commands(line);
  add_exercise_commands(line);
  add_bench_command(line);
  add_results_commands(line);
}

/// One line on standard error, naming the command and what to do, and exit code 2.
int refuse(const command_line& line, const CLI::ParseError& error, const std::vector<std::string>& words)
{
  const auto parsed = line.app.get_subcommands();
  if (parsed.empty() && !words.empty() && !words.front().starts_with("-")) {
    fmt::print(stderr, "asynclab: unknown command '{}' (see asynclab help)\n", words.front());
    return 2;
  }
  std::string what = error.what();
  std::replace(what.begin(), what.end(), '\n', ' ');
  const auto command = parsed.empty() ? std::string("asynclab") : "asynclab " + parsed.back()->get_name();
  fmt::print(stderr, "{}: {} (see {} --help)\n", command, what, command);
  return 2;
}

/// Runs the chosen work; the student's mistakes (bad_input) are one line and exit code 2.
int run_work(const command_line& line)
{
  try {
    return line.work();
  } catch (const tool::bad_input& error) {
    fmt::print(stderr, "asynclab: {}\n", error.what());
  } catch (const std::filesystem::filesystem_error& error) {
    fmt::print(stderr, "asynclab: {}\n", error.what());
  }
  return 2;
}

int run_command_line(int argc, char** argv)
{
  command_line line;
  define(line);
  // Everything after "--" is Google Benchmark's (asynclab bench); CLI11 does not see it.
  std::vector<std::string> words(argv + 1, argv + argc);
  const auto separator = std::find(words.begin(), words.end(), "--");
  const bool passes_on = separator != words.end();
  line.chosen.bench.benchmark_flags.assign(passes_on ? separator + 1 : separator, words.end());
  words.erase(separator, words.end());
  std::vector<std::string> reversed(words.rbegin(), words.rend());  // CLI11 takes them last first
  try {
    line.app.parse(reversed);
  } catch (const CLI::CallForHelp& help) {
    return line.app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return line.app.exit(version);
  } catch (const CLI::ParseError& error) {
    return refuse(line, error, words);
  }
  tool::choose_colour(line.chosen.no_color);
  const auto parsed = line.app.get_subcommands();
  if (passes_on && (parsed.empty() || parsed.front()->get_name() != "bench")) {
    fmt::print(stderr, "asynclab: only asynclab bench passes flags on after -- (see asynclab help)\n");
    return 2;
  }
  // Alone on a terminal, asynclab opens the tour; anywhere else it says what it can do.
  if (!line.work && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) line.work = tool::take_tour;
  if (!line.work) line.work = [&line] {
    fmt::print("{}", whole_help(line));
    return 0;
  };
  return run_work(line);
}

}  // namespace

// What a command meant to catch it does; anything else that escapes is our failure, said in one
// line rather than by std::terminate.
int main(int argc, char** argv)
{
  try {
    return run_command_line(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "asynclab: internal error: %s\n", error.what());
  } catch (...) {
    std::fprintf(stderr, "asynclab: internal error\n");
  }
  return 1;
}
