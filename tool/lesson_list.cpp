#include "tool/lesson_list.hpp"

#include "tool/catalogue.hpp"
#include "tool/progress.hpp"
#include "tool/terminal_markdown.hpp"

#include <fmt/format.h>

namespace asynclab::tool {
namespace {

/// A Markdown table cell: a '|' would end it.
std::string cell(std::string_view text)
{
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string status_of(const progress& saved, const lesson_entry& lesson)
{
  const auto found = saved.lessons.find(lesson.stem);
  if (found == saved.lessons.end()) return "new";
  const auto& mine = found->second;
  std::vector<std::string> words;
  words.emplace_back(mine.done ? "done" : "started");
  if (mine.prediction != 0) words.emplace_back(mine.prediction > 0 ? "predicted right" : "predicted wrong");
  if (mine.hints > 0) words.push_back(fmt::format("{} hint{}", mine.hints, mine.hints > 1 ? "s" : ""));
  if (mine.solved) words.emplace_back("exercise solved");
  return fmt::format("{}", fmt::join(words, ", "));
}

void print_with_progress()
{
  // Two lines a lesson, so that nothing has to share a column with a title of any length: the
  // title, then the student's progress and what the lesson changes, wrapped to 80 columns.
  const auto saved = load_progress();
  for (const auto& lesson : lessons()) {
    const auto told = about_of(lesson);
    fmt::print("{}  {}\n", lesson.number, told.title);
    fmt::print("{}", terminal_paragraph(fmt::format("[{}] {} -> {}", status_of(saved, lesson), told.pitfall_api,
                                                    told.solution_api),
                                        "    ", "      ", 80));
  }
  fmt::print("\nProgress: {}\n", progress_file().string());
}

}  // namespace

/// Inline code in a table cell: the API a pitfall or a solution calls.
std::string code(const std::string& text) { return "`" + cell(text) + "`"; }

std::string readme_table(const std::vector<lab::about>& lessons)
{
  std::string table = "| # | lesson | pitfall | solution |\n|---|---|---|---|\n";
  for (const auto& told : lessons)
    table += fmt::format("| {} | {} | {} | {} |\n", told.number, cell(told.title), code(told.pitfall_api),
                         code(told.solution_api));
  return table;
}

std::string docs_table(const std::vector<lab::about>& lessons)
{
  std::string table = "| # | lesson | the Python analog | the Asio it teaches |\n|---|---|---|---|\n";
  for (const auto& told : lessons)
    table += fmt::format("| {} | \\ref lesson_{} \"{}\" | {} | {} |\n", told.number, told.number, cell(told.title),
                         cell(told.python_analog), code(told.solution_api));
  return table;
}

int list_lessons(list_format format)
{
  if (format == list_format::text) {
    print_with_progress();
    return 0;
  }
  std::vector<lab::about> told;
  for (const auto& lesson : lessons()) told.push_back(about_of(lesson));
  fmt::print("{}", format == list_format::markdown ? readme_table(told) : docs_table(told));
  return 0;
}

}  // namespace asynclab::tool
