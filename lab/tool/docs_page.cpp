#include "lab/tool/docs_page.hpp"

#include "lab/tool/catalogue.hpp"

#include <fmt/format.h>

#include <fstream>
#include <regex>

namespace lab::tool {
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

std::string plain(std::string line)
{
  static const std::regex anchor(R"(\s*\{#[A-Za-z0-9_]+\})"), link(R"(\[([^\]]+)\]\(([^)]+)\))"),
      reference(R"(\\ref\s+\S+\s+"([^"]+)\")");
  line = std::regex_replace(line, anchor, "");
  line = std::regex_replace(line, link, "$1 ($2)");
  return std::regex_replace(line, reference, "$1");
}

}  // namespace

std::vector<std::string> hints_of(const std::filesystem::path& page)
{
  static const std::regex item(R"(^\s*\d+\.\s+(.*)$)");
  std::vector<std::string> hints;
  bool in_exercise = false, in_hints = false;
  for (const auto& line : lines_of(page)) {
    if (line.rfind("## ", 0) == 0) {
      in_exercise = line == "## Exercise";
      in_hints = false;
    } else if (line.rfind("### ", 0) == 0) {
      in_hints = in_exercise && line == "### Hints";
    } else if (in_hints) {
      std::smatch found;
      if (std::regex_match(line, found, item)) hints.push_back(plain(found[1]));
      else if (!hints.empty() && !line.empty() && line.front() == ' ')
        hints.back() += " " + plain(line.substr(line.find_first_not_of(' ')));
    }
  }
  return hints;
}

std::string terminal_text(const std::filesystem::path& page)
{
  static const std::regex snippet_command(R"(^\\snippet\s+(\S+)\s+(\S+))"),
      include_command(R"(^\\includedoc\s+(\S+))");
  std::string text;
  for (const auto& line : lines_of(page)) {
    std::smatch found;
    if (std::regex_search(line, found, snippet_command)) {
      text += snippet(source_dir() / found[1].str(), found[2]);
    } else if (std::regex_search(line, found, include_command)) {
      const auto numbers = build_dir() / "docs" / "generated" / found[1].str();
      const auto lines = lines_of(numbers);
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

}  // namespace lab::tool
