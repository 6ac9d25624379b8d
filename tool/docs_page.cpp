#include "tool/docs_page.hpp"

#include "tool/catalogue.hpp"

#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <sstream>

namespace asynclab::tool {
namespace {

std::vector<std::string> lines_of(const std::filesystem::path& file)
{
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// The lines between the two `// [tag]` markers of `file`.
std::string snippet(const std::filesystem::path& file, const std::string& tag)
{
  const std::string marker = "// [" + tag + "]";
  std::string text;
  bool inside = false;
  for (const auto& line : lines_of(file)) {
    if (line.find(marker) != std::string::npos) {
      if (inside) return text;
      inside = true;
      continue;
    }
    if (inside) text += "    " + line + '\n';
  }
  return fmt::format("    ({} has no snippet [{}])\n", file.string(), tag);
}

/// A line of Markdown as plain text: no `{#anchor}`, links as "text (address)", `\ref x "text"` as text.
std::string plain(std::string line)
{
  for (auto at = line.find("{#"); at != std::string::npos; at = line.find("{#")) {
    const auto close = line.find('}', at);
    if (close == std::string::npos) break;
    auto from = at;
    while (from > 0 && line[from - 1] == ' ') --from;
    line.erase(from, close + 1 - from);
  }
  for (auto at = line.find('['); at != std::string::npos; at = line.find('[', at + 1)) {
    const auto middle = line.find("](", at);
    const auto close = middle == std::string::npos ? middle : line.find(')', middle);
    if (close == std::string::npos || line.find('[', at + 1) < middle) continue;
    const auto text = line.substr(at + 1, middle - at - 1), address = line.substr(middle + 2, close - middle - 2);
    line.replace(at, close + 1 - at, text + " (" + address + ")");
  }
  for (auto at = line.find("\\ref "); at != std::string::npos; at = line.find("\\ref ", at + 1)) {
    const auto open = line.find('"', at), close = open == std::string::npos ? open : line.find('"', open + 1);
    if (close == std::string::npos) break;
    line.replace(at, close + 1 - at, line.substr(open + 1, close - open - 1));
  }
  return line;
}

/// The words after a Doxygen command at the start of `line` ("\snippet file tag"), or none.
std::vector<std::string> command_words(const std::string& line, const std::string& command)
{
  if (line.rfind(command + " ", 0) != 0) return {};
  std::istringstream words(line.substr(command.size()));
  std::vector<std::string> found;
  for (std::string word; words >> word;) found.push_back(word);
  return found;
}

}  // namespace

std::vector<std::string> hints_of(const std::filesystem::path& page)
{
  std::vector<std::string> hints;
  bool in_exercise = false, in_hints = false;
  for (const auto& line : lines_of(page)) {
    if (line.rfind("## ", 0) == 0) {
      in_exercise = line == "## Exercise";
      in_hints = false;
    } else if (line.rfind("### ", 0) == 0) {
      in_hints = in_exercise && line == "### Hints";
    } else if (in_hints) {
      // "1. text" starts a hint; an indented line continues it.
      const auto first = line.find_first_not_of(' ');
      const auto dot = line.find(". ", first == std::string::npos ? 0 : first);
      const bool numbered = first != std::string::npos && dot != std::string::npos && dot > first &&
                            line.find_first_not_of("0123456789", first) == dot;
      if (numbered)
        hints.push_back(plain(line.substr(line.find_first_not_of(' ', dot + 1))));
      else if (!hints.empty() && first != std::string::npos && first > 0)
        hints.back().append(1, ' ').append(plain(line.substr(first)));
    }
  }
  return hints;
}

std::string terminal_text(const std::filesystem::path& page)
{
  std::string text;
  for (const auto& line : lines_of(page)) {
    if (const auto quoted = command_words(line, "\\snippet"); quoted.size() == 2) {
      text += snippet(source_dir() / quoted[0], quoted[1]);
    } else if (const auto included = command_words(line, "\\includedoc"); included.size() == 1) {
      const auto lines = lines_of(build_dir() / "docs" / "generated" / included[0]);
      if (lines.empty()) text += "    (the numbers appear here after `make docs`; or run the lesson)\n";
      for (const auto& number : lines) text += "    " + number + '\n';
    } else if (line == "[TOC]" || (!line.empty() && line.front() == '\\')) {
      continue;  // a Doxygen command with nothing to show in a terminal
    } else {
      text += plain(line) + '\n';
    }
  }
  return text;
}

}  // namespace asynclab::tool
