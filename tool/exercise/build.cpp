#include "tool/exercise/build.hpp"

#include "tool/exercise/files.hpp"
#include "tool/process.hpp"

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace asynclab::tool {
namespace {

namespace fs = std::filesystem;

/// A path in a Ninja file: '$', ' ' and ':' are escaped with '$'.
std::string ninja_path(const fs::path& path)
{
  std::string escaped;
  for (const char c : path.string()) {
    if (c == '$' || c == ' ' || c == ':') escaped += '$';
    escaped += c;
  }
  return escaped;
}

/// The build.ninja of the exercise's folder: the student's file, then CMake's rules.
void write_build_file(const fs::path& folder, const fs::path& source, const fs::path& rules)
{
  const auto text = fmt::format("# Written by `asynclab check`; the rules come from CMake.\n"
                                "exercise = {}\ninclude {}\n",
                                ninja_path(source), ninja_path(rules));
  std::ifstream old(folder / "build.ninja");
  std::stringstream current;
  current << old.rdbuf();
  if (current.str() != text) std::ofstream(folder / "build.ninja") << text;
}

/// "[1/2] compiling ...": Ninja's progress.
bool is_progress(const std::string& line)
{
  const auto end = line.find("] ");
  return line.starts_with("[") && end != std::string::npos &&
         line.find_first_not_of("0123456789/", 1) == end;
}

/// The line of `text` around `at`.
std::string line_around(const std::string& text, std::size_t at)
{
  const auto before = text.rfind('\n', at);
  const auto start = before == std::string::npos ? 0 : before + 1;
  return text.substr(start, text.find('\n', at) - start);
}

/// The compiler's or the linker's messages in Ninja's output: without Ninja's progress lines,
/// its FAILED line and the long command after it. At most `count` lines.
std::string messages_of(const std::string& output, std::size_t count)
{
  std::istringstream lines(output);
  std::string kept;
  std::size_t shown = 0;
  for (std::string line; std::getline(lines, line);) {
    if (is_progress(line) || line.starts_with("ninja: ")) continue;
    if (line.starts_with("FAILED: ")) {
      std::getline(lines, line);  // the command
      continue;
    }
    if (shown++ == count) return kept + "...\n";
    kept += line + "\n";
  }
  return kept;
}

std::string problem_of(const std::string& output)
{
  if (output.find("FAILED: exercise.o") != std::string::npos)
    return "Your file does not compile:\n" + messages_of(output, 40);
  return "Your file compiles but does not link (does it define solution() once, and only that?):\n" +
         messages_of(output, 20);
}

}  // namespace

exercise_build build_exercise(const lesson_entry& lesson, const fs::path& source)
{
  const auto rules = build_dir() / "asynclab" / "exercise" / (lesson.stem + ".ninja");
  if (!fs::exists(rules))
    throw bad_input(fmt::format("the build has no exercise rules for lesson {} ({}): build the course first "
                                "(make build)",
                                lesson.number, rules.string()));
  const auto folder = exercises_dir() / ".build" / build_dir().filename() / lesson.stem;
  fs::create_directories(folder);
  write_build_file(folder, source, rules);

  const auto started = std::chrono::steady_clock::now();
  const auto ran = run_captured({ASYNCLAB_NINJA, "-C", folder.string()}, std::chrono::minutes(10));
  exercise_build build{folder / lesson.stem, ran.output.find("ninja: no work to do") == std::string::npos,
                       std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), {}};
  if (ran.status() == 0) return build;
  if (const auto missing = ran.output.find("missing and no known rule"); missing != std::string::npos)
    throw bad_input(fmt::format("the course is not fully built ({}): run make build",
                                line_around(ran.output, missing)));
  build.problem = ran.timed_out ? "The build ran for 10 minutes and was stopped." : problem_of(ran.output);
  return build;
}

}  // namespace asynclab::tool
