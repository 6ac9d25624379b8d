#include "tool/exercise/check.hpp"

#include "tool/colour.hpp"
#include "tool/exercise/build.hpp"
#include "tool/exercise/files.hpp"
#include "tool/hints.hpp"
#include "tool/process.hpp"
#include "tool/progress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace asynclab::tool {
namespace {

namespace fs = std::filesystem;

constexpr auto test_limit = std::chrono::seconds(120);

std::string last_lines(const std::string& text, std::size_t count)
{
  std::size_t at = text.size();
  for (std::size_t lines = 0; lines <= count && at != std::string::npos && at > 0; ++lines)
    at = text.rfind('\n', at - 1);
  return at == std::string::npos || at == 0 ? text : text.substr(at + 1);
}

std::string contents_of(const fs::path& file)
{
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Runs the lesson's solution tests; Catch2 writes its XML report to a file, so that whatever
/// the student's code prints cannot spoil it.
void run_tests(const fs::path& executable, check_result& result)
{
  const auto report = fs::path(executable.string() + ".xml");
  fs::remove(report);
  const auto tested = run_captured({executable.string(), "[solution]", "-r", "xml", "-o", report.string()}, test_limit);
  if (tested.timed_out) {
    result.status = "error";
    result.message = fmt::format("The tests ran for more than {} s and were stopped: does your code wait forever?",
                                 test_limit.count());
    return;
  }
  result.tests = read_catch2_xml(contents_of(report));
  if (result.tests.empty() || tested.signal != 0) {
    result.status = "error";
    result.message =
        fmt::format("The tests crashed (exit code {}):\n{}", tested.status(), last_lines(tested.output, 20));
    return;
  }
  const bool all_passed = std::all_of(result.tests.begin(), result.tests.end(), [](const auto& t) { return t.passed; });
  result.status = all_passed ? "pass" : "fail";
}

void print_tests(const check_result& result)
{
  for (const auto& test : result.tests) {
    fmt::print("  {}  {}\n", test.passed ? painted("pass", tone::good) : painted("FAIL", tone::bad), test.name);
    std::istringstream lines(test.message);
    for (std::string line; std::getline(lines, line);) fmt::print("        {}\n", line);
  }
}

void print_solved(const lesson_entry& lesson, const check_result& result)
{
  fmt::print("{} your {} passes all {} of lesson {}'s solution tests.\n", painted("Solved:", tone::good),
             shown(exercise_file(lesson)), result.tests.size(), lesson.number);
  const auto told = about_of(lesson);
  if (!told.why.empty()) fmt::print("Why it works: in the pitfall, {}\n", told.why);
  fmt::print("Compare with the lesson's solution: diff {} {}\n", shown(exercise_file(lesson)),
             shown(source_dir() / "solutions" / (lesson.stem + ".cpp")));
}

void print_not_yet(const lesson_entry& lesson, const check_result& result)
{
  const auto failed = std::count_if(result.tests.begin(), result.tests.end(), [](const auto& t) { return !t.passed; });
  fmt::print("{} {} of {} tests fail.\n", painted("Not yet:", tone::bad), failed, result.tests.size());
  // Hints come only when asked for: a check that hands one out on every failure gives the
  // answer away to a student who just saves often.
  if (hints_for(lesson).empty())
    fmt::print("Stuck? `asynclab explain {}` shows the lesson's page.\n", lesson.number);
  else
    fmt::print("Stuck? `asynclab hint {}` gives a hint, one at a time.\n", lesson.number);
}

}  // namespace

check_result check_exercise_file(const lesson_entry& lesson)
{
  const auto source = existing_exercise_file(lesson);
  const auto build = build_exercise(lesson, source);
  check_result result;
  result.built = build.built;
  result.build_seconds = build.seconds;
  if (!build.problem.empty()) {
    result.status = "error";
    result.message = build.problem;
    return result;
  }
  run_tests(build.executable, result);
  return result;
}

void remember_solved(const lesson_entry& lesson)
{
  auto saved = load_progress();
  saved.lessons[lesson.stem].solved = true;
  save_progress(saved);
}

void print_check_result(const lesson_entry& lesson, const check_result& result)
{
  if (result.built && result.status != "error") fmt::print("  built in {:.1f} s\n", result.build_seconds);
  print_tests(result);
  if (result.status == "error") {
    fmt::print("{}\n", result.message);
  } else if (result.status == "pass") {
    print_solved(lesson, result);
    remember_solved(lesson);
  } else {
    print_not_yet(lesson, result);
  }
}

}  // namespace asynclab::tool
