#include "tool/exercise.hpp"

#include "lab/json.hpp"
#include "tool/catalogue.hpp"
#include "tool/docs_page.hpp"
#include "tool/process.hpp"
#include "tool/progress.hpp"

#include <fmt/format.h>

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace asynclab::tool {
namespace {

namespace fs = std::filesystem;

bool has_flag(arguments args, std::string_view flag)
{
  return std::any_of(args.begin(), args.end(), [&](const char* arg) { return arg == flag; });
}

/// The lesson number, and nothing else but the flags this command knows.
const lesson_entry& lesson_argument(arguments args, std::initializer_list<std::string_view> flags, const char* usage)
{
  const lesson_entry* found = nullptr;
  for (const std::string_view arg : args.subspan(1)) {
    if (std::find(flags.begin(), flags.end(), arg) != flags.end()) continue;
    if (found || arg.starts_with("-")) throw bad_input(fmt::format("usage: {}", usage));
    found = &find_lesson(arg);
  }
  if (!found) throw bad_input(fmt::format("usage: {}", usage));
  return *found;
}

fs::path exercises_dir()
{
  if (const char* chosen = std::getenv("ASYNCLAB_EXERCISES"); chosen && *chosen) return chosen;
  return source_dir() / "exercises";
}

fs::path exercise_file(const lesson_entry& lesson) { return exercises_dir() / (lesson.stem + ".cpp"); }

/// The path as the student would type it: relative to the current folder when it is inside it.
std::string shown(const fs::path& path)
{
  std::error_code failed;
  const auto relative = fs::relative(path, fs::current_path(failed), failed);
  return failed || relative.empty() || relative.native().starts_with("..") ? path.string() : relative.string();
}

std::string slurp(const fs::path& path)
{
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// How to build one lesson's exercise: the compile and link commands, and what the object depends on.
struct recipe {
  fs::path file;
  std::vector<std::string> compile, link, depends;
};

recipe recipe_of(const lesson_entry& lesson)
{
  recipe read{build_dir() / "asynclab" / "exercise" / (lesson.stem + ".recipe"), {}, {}, {}};
  std::ifstream in(read.file);
  if (!in) throw bad_input(fmt::format("the build has no exercise recipe for lesson {} ({}): build the course first "
                                       "(make build)", lesson.number, read.file.string()));
  std::vector<std::string>* section = nullptr;
  for (std::string line; std::getline(in, line);) {
    if (line == "[compile]") section = &read.compile;
    else if (line == "[link]") section = &read.link;
    else if (line == "[depends]") section = &read.depends;
    else if (section && !line.empty()) section->push_back(line);
  }
  return read;
}

std::vector<std::string> with(std::vector<std::string> command, const fs::path& source, const fs::path& object,
                              const fs::path& executable)
{
  for (auto& word : command) {
    if (word == "@source@") word = source.string();
    if (word == "@object@") word = object.string();
    if (word == "@executable@") word = executable.string();
  }
  return command;
}

/// True when `target` is missing or older than any of `inputs` that exist.
bool stale(const fs::path& target, const std::vector<fs::path>& inputs)
{
  std::error_code missing;
  const auto built = fs::last_write_time(target, missing);
  if (missing) return true;
  for (const auto& input : inputs) {
    std::error_code absent;
    const auto changed = fs::last_write_time(input, absent);
    if (!absent && changed > built) return true;
  }
  return false;
}

/// `text` with every call or definition of `pitfall(...)` renamed `solution(...)`; names that only
/// start with "pitfall" (`pitfall_with_pool`) stay.
std::string renamed_entry_point(std::string text)
{
  const auto identifier = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (auto at = text.find("pitfall"); at != std::string::npos; at = text.find("pitfall", at + 1)) {
    auto after = at + 7;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    const bool whole_word = (at == 0 || !identifier(text[at - 1])) && after < text.size() && text[after] == '(' &&
                            (at + 7 == text.size() || !identifier(text[at + 7]));
    if (whole_word) text.replace(at, 7, "solution");
  }
  return text;
}

/// The pitfall with `pitfall(` renamed `solution(` and a note on top: the student's starting point.
std::string starting_copy(const lesson_entry& lesson)
{
  const auto pitfall = source_dir() / "pitfalls" / (lesson.stem + ".cpp");
  const auto text = slurp(pitfall);
  if (text.empty()) throw bad_input(fmt::format("lesson {} has no pitfall file ({})", lesson.number, pitfall.string()));
  return fmt::format("// Exercise {}: this is the lesson's pitfall, with its entry point renamed to solution().\n"
                     "// Fix it so that the lesson's solution tests pass: asynclab check {} (or asynclab watch {}).\n"
                     "// Stuck? asynclab hint {}\n\n",
                     lesson.stem, lesson.number, lesson.number, lesson.number) +
         renamed_entry_point(text);
}

/// One test of the lesson, as the check saw it.
struct test_result {
  std::string name;
  bool passed = false;
  std::string message;  ///< for a failed test: the checks that failed, with their values
};

/// A whole check, in the terms of Exercism's results.json.
struct check_result {
  std::string status;   ///< "pass", "fail" or "error"
  std::string message;  ///< for "error": what went wrong (the compiler's output, a crash)
  std::vector<test_result> tests;
  bool compiled = false;
  double build_seconds = 0;
};

std::string xml_text(std::string text)
{
  static const std::vector<std::pair<std::string, std::string>> entities = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : entities)
    for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity, at + plain.size()))
      text.replace(at, entity.size(), plain);
  text.erase(0, text.find_first_not_of(" \n\r\t"));
  text.erase(text.find_last_not_of(" \n\r\t") + 1);
  return text;
}

/// The text between `<tag ...>` and `</tag>` from `from` on, or "" when there is none before `end`.
std::string element(const std::string& xml, const std::string& tag, std::size_t from, std::size_t end)
{
  const auto open = xml.find("<" + tag, from);
  if (open == std::string::npos || open > end) return {};
  const auto start = xml.find('>', open) + 1;
  const auto close = xml.find("</" + tag + ">", start);
  return close == std::string::npos ? std::string() : xml_text(xml.substr(start, close - start));
}

std::string attribute(const std::string& xml, const std::string& name, std::size_t from)
{
  const auto at = xml.find(name + "=\"", from);
  if (at == std::string::npos) return {};
  const auto start = at + name.size() + 2;
  return xml_text(xml.substr(start, xml.find('"', start) - start));
}

/// The test cases of Catch2's XML report, with the checks that failed.
std::vector<test_result> tests_of(const std::string& xml)
{
  std::vector<test_result> tests;
  for (auto at = xml.find("<TestCase "); at != std::string::npos; at = xml.find("<TestCase ", at + 1)) {
    const auto end = std::min(xml.find("</TestCase>", at), xml.size());
    test_result test{attribute(xml, "name", at), false, {}};
    const auto overall = xml.find("<OverallResult success=\"", at);
    test.passed = overall < end && xml.compare(overall + 24, 4, "true") == 0;
    for (auto failed = xml.find("<Expression success=\"false\"", at); failed < end;
         failed = xml.find("<Expression success=\"false\"", failed + 1)) {
      test.message += fmt::format("{}{}({}) was {}", test.message.empty() ? "" : "\n", attribute(xml, "type", failed),
                                  element(xml, "Original", failed, end), element(xml, "Expanded", failed, end));
    }
    for (const auto* thrown : {"Exception", "FatalErrorCondition"})
      if (const auto text = element(xml, thrown, at, end); !text.empty())
        test.message += fmt::format("{}{}: {}", test.message.empty() ? "" : "\n", thrown, text);
    tests.push_back(std::move(test));
  }
  return tests;
}

std::string first_lines(const std::string& text, std::size_t count)
{
  std::size_t at = 0;
  for (std::size_t lines = 0; lines < count && at != std::string::npos; ++lines) at = text.find('\n', at + 1);
  return at == std::string::npos ? text : text.substr(0, at + 1) + "...\n";
}

std::string last_lines(const std::string& text, std::size_t count)
{
  std::size_t at = text.size();
  for (std::size_t lines = 0; lines <= count && at != std::string::npos && at > 0; ++lines) at = text.rfind('\n', at - 1);
  return at == std::string::npos || at == 0 ? text : text.substr(at + 1);
}

check_result run_check(const lesson_entry& lesson)
{
  const auto source = exercise_file(lesson);
  if (!fs::exists(source))
    throw bad_input(fmt::format("there is no exercise file {}: start the exercise with `asynclab exercise {}`",
                                shown(source), lesson.number));
  const auto how = recipe_of(lesson);
  const auto folder = exercises_dir() / ".build" / build_dir().filename();
  fs::create_directories(folder);
  const auto object = folder / (lesson.stem + ".o");
  const auto executable = folder / lesson.stem;

  check_result result;
  const auto started = std::chrono::steady_clock::now();
  std::vector<fs::path> compile_inputs{source, how.file};
  compile_inputs.insert(compile_inputs.end(), how.depends.begin(), how.depends.end());
  if (stale(object, compile_inputs)) {
    result.compiled = true;
    const auto compiled = run_captured(with(how.compile, source, object, executable), std::chrono::seconds(600));
    if (compiled.status() != 0) {
      fs::remove(object);
      return {"error", "Your file does not compile:\n" + first_lines(compiled.output, 40), {}, true, 0};
    }
  }
  std::vector<fs::path> link_inputs{object};
  for (const auto& word : how.link) {
    if (word.front() != '/') continue;
    if (!fs::exists(word) && word != how.link.front())
      throw bad_input(fmt::format("the course is not fully built ({} is missing): run make build", word));
    link_inputs.emplace_back(word);
  }
  if (stale(executable, link_inputs)) {
    result.compiled = true;
    const auto linked = run_captured(with(how.link, source, object, executable), std::chrono::seconds(300));
    if (linked.status() != 0) {
      fs::remove(executable);
      return {"error", "Your file compiles but does not link (does it define solution() once, and only that?):\n" +
                           first_lines(linked.output, 20), {}, true, 0};
    }
  }
  result.build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  constexpr auto limit = std::chrono::seconds(120);
  const auto tested = run_captured({executable.string(), "[solution]", "-r", "xml"}, limit);
  if (tested.timed_out) {
    result.status = "error";
    result.message = fmt::format("The tests ran for more than {} s and were stopped: does your code wait forever?",
                                 limit.count());
    return result;
  }
  result.tests = tests_of(tested.output);
  if (result.tests.empty() || tested.signal != 0) {
    result.status = "error";
    result.message = fmt::format("The tests crashed (exit code {}):\n{}", tested.status(),
                                 last_lines(tested.output, 20));
    return result;
  }
  const bool all_passed =
      std::all_of(result.tests.begin(), result.tests.end(), [](const auto& test) { return test.passed; });
  result.status = all_passed ? "pass" : "fail";
  return result;
}

std::string results_json(const check_result& result)
{
  std::string json = fmt::format("{{\n  \"version\": 2,\n  \"status\": {}", lab::json_quoted(result.status));
  if (result.status == "error") json += fmt::format(",\n  \"message\": {}", lab::json_quoted(result.message));
  json += ",\n  \"tests\": [";
  for (std::size_t i = 0; i < result.tests.size(); ++i) {
    const auto& test = result.tests[i];
    json += fmt::format("{}\n    {{\"name\": {}, \"status\": {}", i ? "," : "", lab::json_quoted(test.name),
                        lab::json_quoted(test.passed ? "pass" : "fail"));
    if (!test.passed) json += fmt::format(", \"message\": {}", lab::json_quoted(test.message));
    json += "}";
  }
  return json + (result.tests.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

/// Prints the result for the student, remembers a solved exercise, and gives the next hint on a failure.
void report(const lesson_entry& lesson, const check_result& result)
{
  if (result.compiled && result.status != "error") fmt::print("  built in {:.1f} s\n", result.build_seconds);
  for (const auto& test : result.tests) {
    fmt::print("  {}  {}\n", test.passed ? "pass" : "FAIL", test.name);
    std::istringstream lines(test.message);
    for (std::string line; std::getline(lines, line);) fmt::print("        {}\n", line);
  }
  if (result.status == "error") {
    fmt::print("{}\n", result.message);
    return;
  }
  if (result.status == "pass") {
    fmt::print("Solved: your {} passes all {} of lesson {}'s solution tests.\n", shown(exercise_file(lesson)),
               result.tests.size(), lesson.number);
    const auto told = about_of(lesson);
    if (!told.why.empty()) fmt::print("Why it works: in the pitfall, {}\n", told.why);
    fmt::print("Compare with the lesson's solution: diff {} {}\n", shown(exercise_file(lesson)),
               shown(source_dir() / "solutions" / (lesson.stem + ".cpp")));
    auto saved = load_progress();
    saved.lessons[lesson.stem].solved = true;
    save_progress(saved);
    return;
  }
  const auto failed = std::count_if(result.tests.begin(), result.tests.end(), [](const auto& t) { return !t.passed; });
  const auto hints = hints_of(page_of(lesson));
  fmt::print("Not yet: {} of {} tests fail.", failed, result.tests.size());
  if (hints.empty()) {
    fmt::print(" `asynclab explain {}` shows the lesson's page.\n", lesson.number);
    return;
  }
  auto saved = load_progress();
  auto& seen = saved.lessons[lesson.stem].hints;
  seen = std::min(seen + 1, static_cast<int>(hints.size()));
  fmt::print(" Hint {} of {}: {}\n", seen, hints.size(), hints[seen - 1]);
  save_progress(saved);
}

int start_exercise(arguments args)
{
  if (has_flag(args, "--help")) {
    fmt::print("Usage: asynclab exercise NN [--fresh]\n\nCopies lesson NN's pitfall to exercises/ for you to fix; "
               "--fresh starts over.\n");
    return 0;
  }
  const auto& lesson = lesson_argument(args, {"--fresh"}, "asynclab exercise NN [--fresh]");
  const auto file = exercise_file(lesson);
  if (fs::exists(file) && !has_flag(args, "--fresh")) {
    fmt::print("{} already exists: edit it, then `asynclab check {}`. `asynclab exercise {} --fresh` starts over.\n",
               shown(file), lesson.number, lesson.number);
    return 0;
  }
  const auto copy = starting_copy(lesson);
  fs::create_directories(file.parent_path());
  std::ofstream(file) << copy;
  fmt::print("Edit {}: it is lesson {}'s pitfall, with pitfall() renamed to solution().\n"
             "Make it pass the lesson's solution tests: `asynclab check {}`, or `asynclab watch {}` to check on "
             "every save.\n",
             shown(file), lesson.number, lesson.number, lesson.number);
  return 0;
}

int check_exercise(arguments args)
{
  if (has_flag(args, "--help")) {
    fmt::print("Usage: asynclab check NN [--json]\n\nBuilds your exercises/NN_name.cpp and runs lesson NN's solution "
               "tests on it;\n--json prints Exercism's results.json instead.\n");
    return 0;
  }
  const auto& lesson = lesson_argument(args, {"--json"}, "asynclab check NN [--json]");
  const bool json = has_flag(args, "--json");
  load_progress();  // a broken progress file is reported before the build
  if (!json) {
    fmt::print("Checking {} with lesson {}'s solution tests...\n", shown(exercise_file(lesson)), lesson.number);
    std::fflush(stdout);
  }
  const auto result = run_check(lesson);
  if (json) {
    fmt::print("{}", results_json(result));
    if (result.status == "pass") {
      auto saved = load_progress();
      saved.lessons[lesson.stem].solved = true;
      save_progress(saved);
    }
  } else {
    report(lesson, result);
  }
  return result.status == "pass" ? 0 : 1;
}

/// What changes when the student saves: the time and the size of the file.
std::pair<fs::file_time_type, std::uintmax_t> stamp_of(const fs::path& file)
{
  std::error_code missing;
  return {fs::last_write_time(file, missing), fs::file_size(file, missing)};
}

int watch_exercise(arguments args)
{
  if (has_flag(args, "--help")) {
    fmt::print("Usage: asynclab watch NN [--poll]\n\nChecks your exercise again every time you save it; Ctrl-C stops.\n"
               "--poll looks at the file every half second instead of waiting for file events.\n");
    return 0;
  }
  const auto& lesson = lesson_argument(args, {"--poll"}, "asynclab watch NN [--poll]");
  const auto file = exercise_file(lesson);
  if (!fs::exists(file))
    throw bad_input(fmt::format("there is no exercise file {}: start the exercise with `asynclab exercise {}`",
                                shown(file), lesson.number));

  // File events wake us at once; the half-second timeout is the fallback that always works.
  const int events = has_flag(args, "--poll") ? -1 : inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (events >= 0)
    inotify_add_watch(events, file.parent_path().c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB);

  for (;;) {
    auto stamp = stamp_of(file);
    fmt::print("\nChecking {} with lesson {}'s solution tests...\n", shown(file), lesson.number);
    std::fflush(stdout);
    try {
      report(lesson, run_check(lesson));
    } catch (const bad_input& error) {
      fmt::print("{}\n", error.what());
    }
    fmt::print("Watching {} ({}): save it to check again; Ctrl-C stops.\n", shown(file),
               events >= 0 ? "file events" : "polling");
    std::fflush(stdout);
    while (stamp_of(file) == stamp) {
      pollfd waiting{events, POLLIN, 0};
      if (events >= 0 && poll(&waiting, 1, 500) > 0) {
        char drained[4096];
        while (read(events, drained, sizeof drained) > 0) {}
      } else if (events < 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let the editor finish writing
  }
}

}  // namespace

int exercise(arguments args) { return reporting_bad_input(start_exercise, args); }
int check(arguments args) { return reporting_bad_input(check_exercise, args); }
int watch(arguments args) { return reporting_bad_input(watch_exercise, args); }

}  // namespace asynclab::tool
