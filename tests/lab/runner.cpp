#include "lab/runner.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace std::chrono_literals;

namespace {

/// A lesson whose runs report what the test sets, and which counts how often it ran.
struct fake_lesson {
  int tasks = 10;
  std::chrono::nanoseconds pitfall_wall = 1s;
  std::chrono::nanoseconds solution_wall = 100ms;
  bool pitfall_shows = true;
  bool solution_avoids = true;
  bool time_is_the_point = true;
  std::vector<lab::version> ran;

  lab::lesson make()
  {
    return {
        .number = "99",
        .name = "fake",
        .title = "A fake lesson",
        .story = "It reports what the test tells it to.",
        .pitfall_api = "slow()",
        .solution_api = "fast()",
        .parameters = {{"--tasks", &tasks, "how many tasks", 1, 100}},
        .scenario = [this] { return std::to_string(tasks) + " tasks."; },
        .question = [] {
          return lab::question{.text = "How long?", .choices = {{"short", "no"}, {"long", "yes"}}, .correct = 1};
        },
        .check = {},
        .theory = [this] {
          if (!time_is_the_point) return lab::theory{.ratio = std::nullopt, .why = "because."};
          return lab::theory{.ratio = static_cast<double>(tasks), .why = "because."};
        },
        .run = [this](lab::version v, const lab::instruments& with) {
          ran.push_back(v);
          const bool pitfall = v == lab::version::pitfall;
          if (with.spans) with.spans->record(0, lab::span_kind::task, lab::clock::now(), lab::clock::now() + 1ms);
          return lab::run_report{pitfall ? pitfall_wall : solution_wall,
                                 {{"most_in_flight", "in flight", "1 of 10", pitfall ? 1.0 : 10.0}},
                                 pitfall ? pitfall_shows : solution_avoids};
        },
    };
  }
};

/// Runs the lesson with these arguments and captures its exit code and standard output.
struct outcome {
  int exit_code;
  std::string out;
};

outcome run(fake_lesson& fake, std::vector<const char*> args)
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
  const int exit_code = lab::run_lesson(fake.make(), static_cast<int>(args.size()), args.data());
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
  fake_lesson fake;
  const auto result = run(fake, {});
  CHECK(result.exit_code == 0);
  CHECK(fake.ran == std::vector{lab::version::pitfall, lab::version::solution});
  CHECK(result.out.find("Lesson 99 · A fake lesson") != std::string::npos);
  CHECK(result.out.find("The pitfall took 10.0x as long (theory: 10x): because.") != std::string::npos);
  CHECK(result.out.find("Predict:  How long?\n  1) short\n  2) long\n") != std::string::npos);
  CHECK(result.out.find("Answer: 2) long: yes") != std::string::npos);
}

TEST_CASE("a pitfall that did not show the problem exits 1", "[lab][runner]")
{
  fake_lesson fake;
  fake.pitfall_shows = false;
  const auto result = run(fake, {});
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("the pitfall did not show the problem") != std::string::npos);
}

TEST_CASE("a ratio under half the theory exits 1", "[lab][runner]")
{
  fake_lesson fake;
  fake.pitfall_wall = 400ms;  // 4x where the theory says 10x
  CHECK(run(fake, {}).exit_code == 1);
  fake.pitfall_wall = 500ms;  // 5x: half the theory is enough
  CHECK(run(fake, {}).exit_code == 0);
}

TEST_CASE("a lesson without a time ratio is judged by its observables alone", "[lab][runner]")
{
  fake_lesson fake;
  fake.time_is_the_point = false;
  fake.pitfall_wall = fake.solution_wall;
  const auto shown = run(fake, {"--json"});
  CHECK(shown.exit_code == 0);
  CHECK(shown.out.find("\"expected\": null") != std::string::npos);
  CHECK(shown.out.find("The pitfall showed the problem and the solution avoided it: because.") != std::string::npos);

  fake.solution_avoids = false;
  CHECK(run(fake, {}).exit_code == 1);
}

TEST_CASE("the --only flag runs one version", "[lab][runner]")
{
  fake_lesson fake;
  CHECK(run(fake, {"--only", "solution"}).exit_code == 0);
  CHECK(fake.ran == std::vector{lab::version::solution});
}

TEST_CASE("a scenario parameter is read from the command line", "[lab][runner]")
{
  fake_lesson fake;
  run(fake, {"--tasks", "4"});
  CHECK(fake.tasks == 4);
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
    fake_lesson fake;
    const auto result = run(fake, args);
    INFO("arguments: " << args.front() << (args.size() > 1 ? std::string(" ") + args[1] : ""));
    CHECK(result.exit_code == 2);
    CHECK(fake.ran.empty());
  }
}

TEST_CASE("a scenario that fails the lesson's own check exits 2", "[lab][runner]")
{
  fake_lesson fake;
  auto lesson = fake.make();
  lesson.check = [] { return std::string("too long"); };
  const char* args[] = {"lesson_99"};
  CHECK(lab::run_lesson(lesson, 1, args) == 2);
  CHECK(fake.ran.empty());
}

TEST_CASE("the --help flag exits 0 and runs nothing", "[lab][runner]")
{
  fake_lesson fake;
  const auto result = run(fake, {"--help"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("--tasks") != std::string::npos);
  CHECK(fake.ran.empty());
}

TEST_CASE("the --json flag prints both outcomes and both ratios, and nothing else", "[lab][runner]")
{
  fake_lesson fake;
  const auto result = run(fake, {"--json"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.front() == '{');
  CHECK(result.out.find("\"lesson\": \"99_fake\"") != std::string::npos);
  CHECK(result.out.find("\"scenario\": {\"tasks\": 10}") != std::string::npos);
  CHECK(result.out.find("\"pitfall\": {\"calls\": \"slow()\", \"wall_seconds\": 1.000000, \"most_in_flight\": 1,") !=
        std::string::npos);
  CHECK(result.out.find("\"solution\": {\"calls\": \"fast()\", \"wall_seconds\": 0.100000") != std::string::npos);
  CHECK(result.out.find("\"ratio\": {\"measured\": 10.000, \"expected\": 10}") != std::string::npos);
  CHECK(result.out.find("\"showed\": true") != std::string::npos);
  CHECK(result.out.find("Lesson 99") == std::string::npos);
}

TEST_CASE("the --trace and --markdown flags write their files", "[lab][runner]")
{
  const auto folder = std::filesystem::temp_directory_path() / ("asynclab-runner-" + std::to_string(getpid()));
  std::filesystem::create_directories(folder);
  const auto trace = (folder / "trace.json").string(), markdown = (folder / "numbers.md").string();

  fake_lesson fake;
  CHECK(run(fake, {"--trace", trace.c_str(), "--markdown", markdown.c_str()}).exit_code == 0);
  CHECK(slurp(trace).find(R"("args":{"name":"solution"})") != std::string::npos);
  const auto numbers = slurp(markdown);
  CHECK(numbers.find("| pitfall | `slow()` | 1.00 s | 1 of 10 |") != std::string::npos);
  CHECK(numbers.find("The pitfall took 10.0x as long") != std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST_CASE("colour is off when standard output is not a terminal", "[lab][runner]")
{
  fake_lesson fake;
  CHECK(run(fake, {}).out.find('\033') == std::string::npos);
}

TEST_CASE("a right prediction given with --answer is confirmed with its reason", "[lab][runner]")
{
  fake_lesson fake;
  const auto result = run(fake, {"--answer", "2"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("You said: 2) long") != std::string::npos);
  CHECK(result.out.find("You predicted 2) long: right (yes).") != std::string::npos);
  CHECK(result.out.find("Answer:") == std::string::npos);
}

TEST_CASE("a wrong prediction gets the reason it is wrong and the right answer with its reason", "[lab][runner]")
{
  fake_lesson fake;
  const auto result = run(fake, {"--answer", "1"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("You predicted 1) short: wrong (no).") != std::string::npos);
  CHECK(result.out.find("Answer: 2) long: yes") != std::string::npos);
}

TEST_CASE("an answer outside the choices exits 2 and runs nothing", "[lab][runner]")
{
  for (const char* bad : {"0", "3", "-1", "two"}) {
    fake_lesson fake;
    INFO("--answer " << bad);
    CHECK(run(fake, {"--answer", bad}).exit_code == 2);
    CHECK(fake.ran.empty());
  }
}

TEST_CASE("the --json flag carries the prediction and whether it was right", "[lab][runner]")
{
  fake_lesson fake;
  const auto answered = run(fake, {"--json", "--answer", "1"});
  CHECK(answered.out.find(R"("prediction": {"question": "How long?", "choices": ["short", "long"], "correct": 2, )"
                          R"("answer": 1, "right": false})") != std::string::npos);
  const auto silent = run(fake, {"--json"});
  CHECK(silent.out.find(R"("answer": null, "right": null})") != std::string::npos);
}

TEST_CASE("the --about flag describes the lesson in key: value lines and runs nothing", "[lab][runner]")
{
  fake_lesson fake;
  const auto result = run(fake, {"--about"});
  CHECK(result.exit_code == 0);
  CHECK(fake.ran.empty());
  CHECK(result.out ==
        "number: 99\nname: fake\ntitle: A fake lesson\nstory: It reports what the test tells it to.\n"
        "pitfall_api: slow()\nsolution_api: fast()\nscenario: 10 tasks.\nquestion: How long?\n"
        "choice: short\nchoice: long\ncorrect: 2\nwhy: because.\n");
}

TEST_CASE("the --record flag writes the prediction for the tour", "[lab][runner]")
{
  const auto path = std::filesystem::temp_directory_path() / ("asynclab-record-" + std::to_string(getpid()));
  fake_lesson fake;
  CHECK(run(fake, {"--answer", "1", "--record", path.c_str()}).exit_code == 0);
  CHECK(slurp(path) == "answer 1\ncorrect 2\n");
  CHECK(run(fake, {"--no-prompt", "--record", path.c_str()}).exit_code == 0);
  CHECK(slurp(path) == "answer 0\ncorrect 2\n");
  std::filesystem::remove(path);
}
