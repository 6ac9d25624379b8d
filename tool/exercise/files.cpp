#include "tool/exercise/files.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace asynclab::tool {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path)
{
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool in_identifier(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// True when "pitfall" at `at` is a whole word followed, maybe after blanks, by '('.
bool is_entry_point(const std::string& text, std::size_t at)
{
  constexpr std::size_t length = std::string_view("pitfall").size();
  auto after = at + length;
  while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
  const bool starts_word = at == 0 || !in_identifier(text[at - 1]);
  const bool ends_word = at + length == text.size() || !in_identifier(text[at + length]);
  return starts_word && ends_word && after < text.size() && text[after] == '(';
}

}  // namespace

fs::path exercises_dir()
{
  if (const char* chosen = std::getenv("ASYNCLAB_EXERCISES"); chosen && *chosen) return chosen;
  return source_dir() / "exercises";
}

fs::path exercise_file(const lesson_entry& lesson) { return exercises_dir() / (lesson.stem + ".cpp"); }

fs::path existing_exercise_file(const lesson_entry& lesson)
{
  const auto file = exercise_file(lesson);
  if (!fs::exists(file))
    throw bad_input(fmt::format("there is no exercise file {}: start the exercise with `asynclab exercise {}`",
                                shown(file), lesson.number));
  return file;
}

std::string shown(const fs::path& path)
{
  std::error_code failed;
  const auto relative = fs::relative(path, fs::current_path(failed), failed);
  return failed || relative.empty() || relative.native().starts_with("..") ? path.string() : relative.string();
}

std::string renamed_entry_point(std::string text)
{
  for (auto at = text.find("pitfall"); at != std::string::npos; at = text.find("pitfall", at + 1))
    if (is_entry_point(text, at)) text.replace(at, 7, "solution");
  return text;
}

bool is_snippet_marker(std::string_view line)
{
  const auto first = line.find_first_not_of(' ');
  return first != std::string_view::npos && line.substr(first).starts_with("// [") && line.ends_with(']');
}

std::string without_snippet_markers(const std::string& text)
{
  std::istringstream lines(text);
  std::string kept;
  for (std::string line; std::getline(lines, line);)
    if (!is_snippet_marker(line)) kept += line + '\n';
  return kept;
}

std::string starting_copy(const lesson_entry& lesson)
{
  const auto pitfall = source_dir() / "pitfalls" / (lesson.stem + ".cpp");
  const auto text = slurp(pitfall);
  if (text.empty())
    throw bad_input(fmt::format("lesson {} has no pitfall file ({})", lesson.number, pitfall.string()));
  return fmt::format("// Exercise {}: this is the lesson's pitfall, with its entry point renamed to solution().\n"
                     "// Fix it so that the lesson's solution tests pass: asynclab check {} (or asynclab watch {}).\n"
                     "// Stuck? asynclab hint {}\n\n",
                     lesson.stem, lesson.number, lesson.number, lesson.number) +
         renamed_entry_point(without_snippet_markers(text));
}

}  // namespace asynclab::tool
