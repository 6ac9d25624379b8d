#include "lab/about.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace lab {
namespace {

std::string one_line(std::string text)
{
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

}  // namespace

std::string write_about(const about& about)
{
  std::string text;
  const auto line = [&](std::string_view key, const std::string& value) {
    text += fmt::format("{}: {}\n", key, one_line(value));
  };
  line("number", about.number);
  line("name", about.name);
  line("title", about.title);
  line("story", about.story);
  line("pitfall_api", about.pitfall_api);
  line("solution_api", about.solution_api);
  line("python_analog", about.python_analog);
  line("scenario", about.scenario);
  line("question", about.question);
  for (const auto& choice : about.choices) line("choice", choice);
  line("correct", std::to_string(about.correct));
  line("why", about.why);
  line("headline", about.headline);
  return text;
}

about read_about(std::string_view text)
{
  about told;
  while (!text.empty()) {
    const auto end = std::min(text.find('\n'), text.size());
    const auto line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    const auto colon = line.find(": ");
    if (colon == std::string_view::npos) continue;
    const auto key = line.substr(0, colon);
    const std::string value(line.substr(colon + 2));
    if (key == "number") told.number = value;
    else if (key == "name") told.name = value;
    else if (key == "title") told.title = value;
    else if (key == "story") told.story = value;
    else if (key == "pitfall_api") told.pitfall_api = value;
    else if (key == "solution_api") told.solution_api = value;
    else if (key == "python_analog") told.python_analog = value;
    else if (key == "scenario") told.scenario = value;
    else if (key == "question") told.question = value;
    else if (key == "choice") told.choices.push_back(value);
    else if (key == "correct") std::from_chars(value.data(), value.data() + value.size(), told.correct);
    else if (key == "why") told.why = value;
    else if (key == "headline") told.headline = value;
  }
  return told;
}

}  // namespace lab
