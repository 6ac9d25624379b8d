// `asynclab explain NN`: a lesson's page as a student reads it in a terminal. Off a terminal it
// is printed as it is; tests/tool/tour/explain.sh proves the pager on a real one.

#include "tests/tool/fixtures.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace tool_test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines_of(const std::string& text)
{
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// The first words of the page's first hint, marks dropped: a nudge in words, which the page
/// must not show (the last hints may quote the solution's code, which the page shows anyway).
std::string first_hint_start(const fs::path& page)
{
  bool in_hints = false;
  for (const auto& line : lines_of(contents_of(page.string()))) {
    if (line.starts_with("#")) in_hints = line == "### Hints";
    if (in_hints && line.starts_with("1. ")) {
      auto hint = line.substr(3);
      std::erase(hint, '`');
      return hint.substr(0, 40);
    }
  }
  return {};
}

std::size_t columns(const std::string& line)
{
  std::size_t count = 0;
  for (const char c : line) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

}  // namespace

TEST_CASE("explain shows each page rendered for a terminal, with its diff, and its hints left for last", "[tool][explain]")
{
  for (const auto& entry : fs::directory_iterator(fs::path(ASYNCLAB_SOURCE_DIR) / "docs" / "lessons")) {
    const auto stem = entry.path().stem().string(), number = stem.substr(0, 2);
    INFO("asynclab explain " << number);
    const auto result = run_asynclab({"explain", number});
    REQUIRE(result.exit_code == 0);
    const auto lines = lines_of(result.out);
    REQUIRE(!lines.empty());
    CHECK(lines.front().starts_with("Lesson " + number));

    // No Markdown or Doxygen shows through the prose: headings, bold, backticks, commands.
    const std::regex markup("^#+ |\\*\\*|`|\\\\(snippet|includedoc|verbinclude|image)");
    for (const auto& line : lines)
      if (!line.starts_with("    ")) CHECK_FALSE(std::regex_search(line, markup));
    // The whole difference between pitfall and solution, without the snippet markers.
    CHECK(result.out.find("--- pitfalls/" + stem + ".cpp") != std::string::npos);
    CHECK(result.out.find("+++ solutions/" + stem + ".cpp") != std::string::npos);
    CHECK_FALSE(std::regex_search(result.out, std::regex("\\n    [-+ ] *// \\[[a-z_]+\\]\\n")));
    // The hints are not on the page; its last line says how to get them, one at a time.
    const auto hint = first_hint_start(entry.path());
    if (!hint.empty()) {
      // Lines joined, as a wrapped paragraph would read.
      const auto joined = std::regex_replace(result.out, std::regex("\\s+"), " ");
      CHECK(joined.find(hint) == std::string::npos);
      const auto last_paragraph = result.out.substr(result.out.rfind("\n\n"));
      CHECK(last_paragraph.find("asynclab hint " + number) != std::string::npos);
    }
    // Prose fits 80 columns; code and tables are shown as they are, and an address is one word.
    for (const auto& line : lines)
      if (!line.starts_with("    ") && !line.starts_with("|") && line.find("://") == std::string::npos)
        CHECK(columns(line) <= 80);
  }
}
