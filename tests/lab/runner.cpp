#include "lab/runner.hpp"

#include "lab/about.hpp"
#include "lab/runner/terminal.hpp"

#include <boost/json.hpp>

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace std::chrono_literals;

namespace {

/// The fake lesson's scenario and outcome.
struct fake_scenario {
  int tasks = 10;
};

struct fake_outcome {
  std::chrono::nanoseconds wall{};
  int most_in_flight = 0;
};

/// What the fake's runs report, as each test sets it, and which roles ran. The entry points are
/// plain functions, as a lesson's are, so they read this from here.
struct fake_settings {
  std::chrono::nanoseconds pitfall_wall = 1s;
  std::chrono::nanoseconds solution_wall = 100ms;
  bool pitfall_shows = true;
  bool solution_avoids = true;
  bool time_is_the_point = true;
  std::string check;
  std::vector<lab::role> ran;
  int tasks_seen = 0;
};
fake_settings fake;

fake_outcome run_fake(lab::role role, const fake_scenario& scenario, const lab::instruments& with)
{
  fake.ran.push_back(role);
  fake.tasks_seen = scenario.tasks;
  if (with.spans) with.spans->record(0, lab::span_kind::task, lab::clock::now(), lab::clock::now() + 1ms);
  const bool pitfall = role == lab::role::pitfall;
  return {pitfall ? fake.pitfall_wall : fake.solution_wall, pitfall ? 1 : scenario.tasks};
}

fake_outcome fake_pitfall(const fake_scenario& s, const lab::instruments& with) { return run_fake(lab::role::pitfall, s, with); }
fake_outcome fake_solution(const fake_scenario& s, const lab::instruments& with) { return run_fake(lab::role::solution, s, with); }

lab::expectations fake_expected(lab::role role, const fake_outcome&, const fake_scenario&)
{
  if (role == lab::role::pitfall) return {{"the problem shows", fake.pitfall_shows, "as set"}};
  return {{"the problem is avoided", fake.solution_avoids, "as set"}};
}

lab::lesson<fake_scenario, fake_outcome> fake_lesson()
{
  return {
      .number = "99",
      .name = "fake",
      .title = "A fake lesson",
      .story = "It reports what the test tells it to.",
      .pitfall_api = "slow()",
      .solution_api = "fast()",
      .python_analog = "time.sleep",
      .parameters = {{"--tasks", &fake_scenario::tasks, "how many tasks", 1, 100}},
      .check = [](const fake_scenario&) { return fake.check; },
      .scenario = [](const fake_scenario& s) { return std::to_string(s.tasks) + " tasks."; },
      .question = [](const fake_scenario&) {
        return lab::question{.text = "How long?", .choices = {{"short", "no"}, {"long", "yes"}}, .correct = 1};
      },
      .theory = [](const fake_scenario& s) {
        if (!fake.time_is_the_point) return lab::theory{.ratio = std::nullopt, .reasoning = "because."};
        return lab::theory{.ratio = static_cast<double>(s.tasks), .reasoning = "because."};
      },
      .mistake = [](const fake_scenario&) { return std::string("it was slow."); },
      .fix = [](const fake_scenario&) { return std::string("it is fast."); },
      .pitfall = fake_pitfall,
      .solution = fake_solution,
      .expected = fake_expected,
      .observe = [](const fake_outcome& o, const fake_scenario& s) {
        return std::vector{lab::count_of("most_in_flight", "in flight", o.most_in_flight, s.tasks)};
      },
  };
}

/// Runs the lesson with these arguments and captures its exit code and standard output.
struct outcome {
  int exit_code;
  std::string out;
};

outcome run(std::vector<const char*> args)
{
  args.insert(args.begin(), "lesson_99");
  std::fflush(stdout);
  std::FILE* captured = std::tmpfile();
  const int saved = dup(STDOUT_FILENO);
  dup2(fileno(captured), STDOUT_FILENO);
  // Standard input is not a terminal here, as under ctest: the runner must not wait for a prediction.
  const int saved_in = dup(STDIN_FILENO);
  const int nothing = open("/dev/null", O_RDONLY);
  dup2(nothing, STDIN_FILENO);
  close(nothing);
  const int exit_code = lab::run_lesson(fake_lesson(), static_cast<int>(args.size()), args.data());
  std::fflush(stdout);
  dup2(saved, STDOUT_FILENO);
  close(saved);
  dup2(saved_in, STDIN_FILENO);
  close(saved_in);

  std::rewind(captured);
  std::string out;
  for (int c; (c = std::fgetc(captured)) != EOF;) out += static_cast<char>(c);
  std::fclose(captured);
  return {exit_code, out};
}

boost::json::object parsed(const std::string& text) { return boost::json::parse(text).as_object(); }

std::string slurp(const std::filesystem::path& path)
{
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a lesson that shows what it claims exits 0 and says by how much", "[lab][runner]")
{
  fake = {};
  const auto result = run({});
  CHECK(result.exit_code == 0);
  CHECK(fake.ran == std::vector{lab::role::pitfall, lab::role::solution});
  CHECK(result.out.find("Lesson 99 · A fake lesson") != std::string::npos);
  CHECK(result.out.find("The pitfall showed the problem and the solution avoided it.") != std::string::npos);
  CHECK(result.out.find("Theory:   10x (because.); measured 10.00x") != std::string::npos);
  CHECK(result.out.find("Predict:  How long?\n  1) short\n  2) long\n") != std::string::npos);
  CHECK(result.out.find("Answer: 2) long: yes") != std::string::npos);
}

TEST_CASE("every verdict names the mistake, the evidence, the fix and the theory", "[lab][runner]")
{
  fake = {};
  const auto out = run({}).out;
  CHECK(out.find("Mistake:  it was slow.") != std::string::npos);
  CHECK(out.find("Evidence: wall 1.00 s vs 100 ms; in flight 1 of 10 vs 10 of 10") != std::string::npos);
  CHECK(out.find("Fix:      fast(): it is fast.") != std::string::npos);
}

TEST_CASE("a pitfall that did not show the problem exits 1 and says what was missing", "[lab][runner]")
{
  fake = {};
  fake.pitfall_shows = false;
  CHECK(run({}).exit_code == 1);
  const auto verdict = parsed(run({"--json"}).out).at("verdict").as_string();
  CHECK(verdict.find("the pitfall did not show that the problem shows (as set)") != std::string::npos);
}

TEST_CASE("a ratio under half the theory exits 1", "[lab][runner]")
{
  fake = {};
  fake.pitfall_wall = 400ms;  // 4x where the theory says 10x
  CHECK(run({}).exit_code == 1);
  fake.pitfall_wall = 500ms;  // 5x: half the theory is enough
  CHECK(run({}).exit_code == 0);
}

TEST_CASE("a lesson without a time ratio is judged by its expectations alone", "[lab][runner]")
{
  fake = {};
  fake.time_is_the_point = false;
  fake.pitfall_wall = fake.solution_wall;
  const auto shown = run({"--json"});
  CHECK(shown.exit_code == 0);
  CHECK(parsed(shown.out).at("ratio").at("expected").is_null());

  fake.solution_avoids = false;
  CHECK(run({}).exit_code == 1);
}

TEST_CASE("the --only flag runs one role", "[lab][runner]")
{
  fake = {};
  CHECK(run({"--only", "solution"}).exit_code == 0);
  CHECK(fake.ran == std::vector{lab::role::solution});
}

TEST_CASE("a scenario parameter is read from the command line", "[lab][runner]")
{
  fake = {};
  run({"--tasks", "4"});
  CHECK(fake.tasks_seen == 4);
}

TEST_CASE("bad command lines exit 2 and run nothing", "[lab][runner]")
{
  const std::vector<std::vector<const char*>> bad = {
      {"--tasks", "-3"},   {"--tasks", "0"},     {"--tasks", "101"}, {"--tasks", "abc"},
      {"--tasks", "1.5"},  {"--tasks", "99999999999999999999"},    {"--tasks"},
      {"--unknown-flag"},  {"--only", "both"},   {"extra"},
      {"--trace", "/nonexistent-folder/trace.json"}, {"--markdown", "/nonexistent-folder/numbers.md"},
  };
  for (const auto& args : bad) {
    fake = {};
    const auto result = run(args);
    INFO("arguments: " << args.front() << (args.size() > 1 ? std::string(" ") + args[1] : ""));
    CHECK(result.exit_code == 2);
    CHECK(fake.ran.empty());
  }
}

TEST_CASE("a scenario that fails the lesson's own check exits 2", "[lab][runner]")
{
  fake = {};
  fake.check = "too long";
  CHECK(run({}).exit_code == 2);
  CHECK(fake.ran.empty());
}

TEST_CASE("the --help flag exits 0, names the executable, lists the exit codes, and runs nothing", "[lab][runner]")
{
  fake = {};
  const auto result = run({"--help"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("Usage: lesson_99_fake") != std::string::npos);
  CHECK(result.out.find("--tasks INT:1..100") != std::string::npos);
  CHECK(result.out.find("Exit codes: 0") != std::string::npos);
  CHECK(fake.ran.empty());
}

TEST_CASE("the --json flag prints both outcomes and both ratios, and nothing else", "[lab][runner]")
{
  fake = {};
  const auto result = run({"--json"});
  CHECK(result.exit_code == 0);
  const auto json = parsed(result.out);
  CHECK(json.at("lesson") == "99_fake");
  CHECK(json.at("scenario").at("tasks") == 10);
  CHECK(json.at("pitfall").at("calls") == "slow()");
  CHECK(json.at("pitfall").at("wall_seconds").to_number<double>() == Approx(1.0));
  CHECK(json.at("pitfall").at("most_in_flight").to_number<double>() == 1.0);
  CHECK(json.at("solution").at("wall_seconds").to_number<double>() == Approx(0.1));
  CHECK(json.at("ratio").at("measured").to_number<double>() == Approx(10.0));
  CHECK(json.at("ratio").at("expected").to_number<double>() == 10.0);
  CHECK(json.at("showed") == true);
  CHECK(json.at("explanation").at("Mistake") == "it was slow.");
}

TEST_CASE("the --trace and --markdown flags write their files", "[lab][runner]")
{
  const auto folder = std::filesystem::temp_directory_path() / ("asynclab-runner-" + std::to_string(getpid()));
  std::filesystem::create_directories(folder);
  const auto trace = (folder / "trace.json").string(), markdown = (folder / "numbers.md").string();

  fake = {};
  const auto result = run({"--trace", trace.c_str(), "--markdown", markdown.c_str()});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("Trace written to " + trace) != std::string::npos);
  const auto events = boost::json::parse(slurp(trace)).at("traceEvents").as_array();
  CHECK(std::ranges::any_of(events, [](const auto& e) { return e.at("args").as_object().contains("name") &&
                                                               e.at("args").at("name") == "solution"; }));
  const auto numbers = slurp(markdown);
  // One column per role, one row per number: a narrow page shows every number.
  CHECK(numbers.find("| | pitfall | solution |") != std::string::npos);
  CHECK(numbers.find("| calls | `slow()` | `fast()` |") != std::string::npos);
  CHECK(numbers.find("| wall | 1.00 s | 100 ms |") != std::string::npos);
  CHECK(numbers.find("| in flight | 1 of 10 | 10 of 10 |") != std::string::npos);
  CHECK(numbers.find("- **Theory:** 10x (because.); measured 10.00x") != std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST_CASE("a lesson that does not report loop stalls draws no event loop row", "[lab][runner]")
{
  fake = {};
  const auto out = run({}).out;
  CHECK(out.find("= in flight") != std::string::npos);
  CHECK(out.find("event loop") == std::string::npos);
  CHECK(out.find("loop stalled") == std::string::npos);
}

TEST_CASE("colour is off when standard output is not a terminal", "[lab][runner]")
{
  fake = {};
  CHECK(run({}).out.find('\033') == std::string::npos);
}

TEST_CASE("without a terminal, every line fits 80 columns", "[lab][runner]")
{
  fake = {};
  CHECK(lab::runner::widest_line(run({}).out) <= 80);
}

TEST_CASE("a right prediction given with --answer is confirmed with its reason", "[lab][runner]")
{
  fake = {};
  const auto result = run({"--answer", "2"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("You said: 2) long") != std::string::npos);
  CHECK(result.out.find("You predicted 2) long: right (yes).") != std::string::npos);
  CHECK(result.out.find("Answer:") == std::string::npos);
}

TEST_CASE("a wrong prediction gets the reason it is wrong and the right answer with its reason", "[lab][runner]")
{
  fake = {};
  const auto result = run({"--answer", "1"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("You predicted 1) short: wrong (no).") != std::string::npos);
  CHECK(result.out.find("Answer: 2) long: yes") != std::string::npos);
}

TEST_CASE("an answer outside the choices exits 2 and runs nothing", "[lab][runner]")
{
  for (const char* bad : {"0", "3", "-1", "two"}) {
    fake = {};
    INFO("--answer " << bad);
    CHECK(run({"--answer", bad}).exit_code == 2);
    CHECK(fake.ran.empty());
  }
}

TEST_CASE("the --json flag carries the prediction and whether it was right", "[lab][runner]")
{
  fake = {};
  const auto answered = parsed(run({"--json", "--answer", "1"}).out).at("prediction");
  CHECK(answered.at("question") == "How long?");
  CHECK(answered.at("choices") == boost::json::array{"short", "long"});
  CHECK(answered.at("correct") == 2);
  CHECK(answered.at("answer") == 1);
  CHECK(answered.at("right") == false);
  const auto silent = parsed(run({"--json"}).out).at("prediction");
  CHECK(silent.at("answer").is_null());
  CHECK(silent.at("right").is_null());
}

TEST_CASE("the --about flag describes the lesson and runs nothing", "[lab][runner]")
{
  fake = {};
  const auto result = run({"--about"});
  CHECK(result.exit_code == 0);
  CHECK(fake.ran.empty());
  const auto about = lab::read_about(result.out);
  CHECK(about.number == "99");
  CHECK(about.title == "A fake lesson");
  CHECK(about.python_analog == "time.sleep");
  CHECK(about.choices == std::vector<std::string>{"short", "long"});
  CHECK(about.correct == 2);
  CHECK(about.why == "yes");
  CHECK(about.headline == "ratio");
}

TEST_CASE("the --record flag writes the prediction for the tour", "[lab][runner]")
{
  const auto path = std::filesystem::temp_directory_path() / ("asynclab-record-" + std::to_string(getpid()));
  fake = {};
  CHECK(run({"--answer", "1", "--record", path.c_str()}).exit_code == 0);
  CHECK(slurp(path) == "answer 1\ncorrect 2\n");
  CHECK(run({"--no-prompt", "--record", path.c_str()}).exit_code == 0);
  CHECK(slurp(path) == "answer 0\ncorrect 2\n");
  std::filesystem::remove(path);
}
