#include "tool/progress.hpp"

#include "tool/catalogue.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace asynclab::tool {
namespace {

constexpr const char* header = "asynclab progress 1";

bool whole_number(const std::string& text, int& number)
{
  if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos) return false;
  number = std::stoi(text);
  return true;
}

}  // namespace

std::filesystem::path progress_file()
{
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
    return std::filesystem::path(state) / "asynclab" / "progress";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".local" / "state" / "asynclab" / "progress";
  throw bad_input("cannot keep your progress: neither XDG_STATE_HOME nor HOME is set");
}

progress load_progress()
{
  const auto path = progress_file();
  progress loaded;
  std::error_code missing;
  if (!std::filesystem::exists(path, missing)) return loaded;
  std::ifstream in(path);
  if (!in) throw bad_input(fmt::format("cannot read the progress file {}", path.string()));

  const auto broken = [&](int number, const std::string& why) {
    return bad_input(fmt::format("the progress file {} is not one asynclab wrote (line {}: {}); "
                                 "move it away or run `asynclab reset`",
                                 path.string(), number, why));
  };
  std::string line;
  if (!std::getline(in, line) || line != header) throw broken(1, fmt::format("expected '{}'", header));
  for (int number = 2; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    std::istringstream words(line);
    std::string stem, word;
    words >> stem;
    if (stem.size() < 4 || stem[2] != '_') throw broken(number, fmt::format("'{}' is not a lesson", stem));
    auto& lesson = loaded.lessons[stem];
    while (words >> word) {
      if (word == "done") lesson.done = true;
      else if (word == "solved") lesson.solved = true;
      else if (word == "prediction=right") lesson.prediction = 1;
      else if (word == "prediction=wrong") lesson.prediction = -1;
      else if (word.rfind("hints=", 0) == 0 && whole_number(word.substr(6), lesson.hints)) {}
      else throw broken(number, fmt::format("unknown word '{}'", word));
    }
  }
  return loaded;
}

void save_progress(const progress& saved)
{
  const auto path = progress_file();
  std::error_code failed;
  std::filesystem::create_directories(path.parent_path(), failed);
  const auto temporary = path.string() + "." + std::to_string(getpid());
  {
    std::ofstream out(temporary);
    out << header << '\n';
    for (const auto& [stem, lesson] : saved.lessons) {
      out << stem;
      if (lesson.done) out << " done";
      if (lesson.prediction != 0) out << (lesson.prediction > 0 ? " prediction=right" : " prediction=wrong");
      if (lesson.hints > 0) out << " hints=" << lesson.hints;
      if (lesson.solved) out << " solved";
      out << '\n';
    }
    if (!out) throw bad_input(fmt::format("cannot write the progress file {}", path.string()));
  }
  std::filesystem::rename(temporary, path, failed);
  if (failed) throw bad_input(fmt::format("cannot write the progress file {}: {}", path.string(), failed.message()));
}

}  // namespace asynclab::tool
