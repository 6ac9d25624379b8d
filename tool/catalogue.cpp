#include "tool/catalogue.hpp"

#include "tool/process.hpp"

#include <fmt/format.h>

#include <fstream>

namespace asynclab::tool {
namespace {

/// "01_blocking_call<TAB>/path/to/lesson_01_blocking_call", as cmake/exercise.cmake writes it.
std::vector<lesson_entry> read_lesson_list(const std::filesystem::path& list)
{
  std::ifstream in(list);
  if (!in)
    throw bad_input(
        fmt::format("the lesson list {} is missing: build the course first (make build)", list.string()));
  std::vector<lesson_entry> found;
  for (std::string line; std::getline(in, line);) {
    const auto tab = line.find('\t');
    const auto underscore = line.find('_');
    if (tab == std::string::npos || underscore == std::string::npos || underscore > tab) continue;
    const std::string stem = line.substr(0, tab);
    found.push_back({stem, stem.substr(0, underscore), stem.substr(underscore + 1), line.substr(tab + 1)});
  }
  return found;
}

/// "1" names lesson "01" too.
bool same_number(std::string_view wanted, const std::string& number)
{
  return number == wanted || (wanted.size() == 1 && number.size() == 2 && number[0] == '0' && number[1] == wanted[0]);
}

}  // namespace

std::filesystem::path source_dir() { return ASYNCLAB_SOURCE_DIR; }

std::filesystem::path build_dir() { return ASYNCLAB_BUILD_DIR; }

const std::vector<lesson_entry>& lessons()
{
  static const auto all = read_lesson_list(build_dir() / "asynclab" / "lessons.txt");
  return all;
}

const lesson_entry& lesson_numbered(std::string_view number)
{
  const auto& all = lessons();
  for (const auto& lesson : all)
    if (same_number(number, lesson.number) || lesson.stem == number) return lesson;
  std::string known;
  for (const auto& lesson : all) known += (known.empty() ? "" : ", ") + lesson.number;
  throw bad_input(fmt::format("there is no lesson '{}' (the lessons are {}; see asynclab list)", number, known));
}

lab::about about_of(const lesson_entry& lesson)
{
  const auto ran = run_captured({lesson.executable.string(), "--about"}, std::chrono::seconds(30), error_stream::apart);
  if (ran.status() != 0)
    throw bad_input(fmt::format("lesson {} did not describe itself ({}): build the course first (make build)",
                                lesson.number, lesson.executable.string()));
  return lab::read_about(ran.output);
}

std::filesystem::path page_of(const lesson_entry& lesson)
{
  return source_dir() / "docs" / "lessons" / (lesson.stem + ".md");
}

}  // namespace asynclab::tool
