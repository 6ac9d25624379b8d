#include "tool/catalogue.hpp"

#include "tool/process.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace asynclab::tool {

int reporting_bad_input(int (*command)(std::span<const char* const>), std::span<const char* const> args)
{
  try {
    return command(args);
  } catch (const bad_input& error) {
    fmt::print(stderr, "asynclab: {}\n", error.what());
    return 2;
  } catch (const std::filesystem::filesystem_error& error) {
    fmt::print(stderr, "asynclab: {}\n", error.what());
    return 2;
  }
}

std::filesystem::path source_dir() { return ASYNCLAB_SOURCE_DIR; }

std::filesystem::path build_dir() { return ASYNCLAB_BUILD_DIR; }

const std::vector<lesson_entry>& lessons()
{
  static const std::vector<lesson_entry> all = [] {
    const auto list = build_dir() / "asynclab" / "lessons.txt";
    std::ifstream in(list);
    if (!in) throw bad_input(fmt::format("the lesson list {} is missing: build the course first (make build)", list.string()));
    std::vector<lesson_entry> found;
    for (std::string line; std::getline(in, line);) {
      const auto tab = line.find('\t');
      const auto underscore = line.find('_');
      if (tab == std::string::npos || underscore == std::string::npos || underscore > tab) continue;
      const std::string stem = line.substr(0, tab);
      found.push_back({stem, stem.substr(0, underscore), stem.substr(underscore + 1), line.substr(tab + 1)});
    }
    return found;
  }();
  return all;
}

const lesson_entry& find_lesson(std::string_view number)
{
  const auto& all = lessons();
  for (const auto& lesson : all) {
    const bool same_number = lesson.number == number ||
                             (number.size() == 1 && lesson.number.size() == 2 && lesson.number[0] == '0' &&
                              lesson.number[1] == number[0]);
    if (same_number || lesson.stem == number) return lesson;
  }
  std::string known;
  for (const auto& lesson : all) known += (known.empty() ? "" : ", ") + lesson.number;
  throw bad_input(fmt::format("there is no lesson '{}' (the lessons are {}; see asynclab list)", number, known));
}

about about_of(const lesson_entry& lesson)
{
  const auto run = run_captured({lesson.executable.string(), "--about"}, std::chrono::seconds(30));
  if (run.status() != 0)
    throw bad_input(fmt::format("lesson {} did not describe itself ({}): build the course first (make build)",
                                lesson.number, lesson.executable.string()));
  about told;
  std::istringstream lines(run.output);
  for (std::string line; std::getline(lines, line);) {
    const auto colon = line.find(": ");
    if (colon == std::string::npos) continue;
    const auto key = line.substr(0, colon);
    const auto value = line.substr(colon + 2);
    if (key == "title") told.title = value;
    else if (key == "story") told.story = value;
    else if (key == "pitfall_api") told.pitfall_api = value;
    else if (key == "solution_api") told.solution_api = value;
    else if (key == "scenario") told.scenario = value;
    else if (key == "question") told.question = value;
    else if (key == "why") told.why = value;
    else if (key == "choice") told.choices.push_back(value);
    else if (key == "correct") told.correct = std::atoi(value.c_str());
  }
  return told;
}

std::filesystem::path page_of(const lesson_entry& lesson)
{
  return source_dir() / "docs" / "lessons" / (lesson.stem + ".md");
}

}  // namespace asynclab::tool
