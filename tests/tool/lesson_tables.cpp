// README.md's and docs/index.md's lesson tables say what the lessons say about themselves
// (`--about`), as `asynclab list --format markdown|docs` prints it. When a lesson changes, run
// that command and paste its table.

#include "tests/tool/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace tool_test;

namespace {

using row = std::vector<std::string>;

/// The cells of a Markdown table row; "\|" stays inside its cell.
row cells_of(const std::string& line)
{
  row cells;
  std::string cell;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '|' && line[i - 1] != '\\') {
      cells.push_back(cell.substr(cell.find_first_not_of(' ') == std::string::npos ? 0 : cell.find_first_not_of(' ')));
      cells.back().erase(cells.back().find_last_not_of(' ') + 1);
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  return cells;
}

/// The rows of the table under `header` in `text`, the header's and the rule's left out.
std::vector<row> table_after(const std::string& text, const std::string& header)
{
  std::vector<row> rows;
  auto at = text.find(header + "\n");
  if (at == std::string::npos) return rows;
  at = text.find('\n', text.find('\n', at) + 1) + 1;  // past the header and the |---| rule
  while (at < text.size() && text[at] == '|') {
    const auto end = text.find('\n', at);
    rows.push_back(cells_of(text.substr(at, end - at)));
    at = end == std::string::npos ? text.size() : end + 1;
  }
  return rows;
}

std::vector<row> generated(const std::string& format, const std::string& header)
{
  const auto listed = run_asynclab({"list", "--format", format});
  REQUIRE(listed.exit_code == 0);
  return table_after(listed.out, header);
}

const std::string source = ASYNCLAB_SOURCE_DIR;

}  // namespace

TEST_CASE("README.md's lesson table says what the lessons say about themselves", "[tool][tables]")
{
  const std::string header = "| # | lesson | pitfall | solution |";
  const auto expected = generated("markdown", header);
  const auto written = table_after(contents_of(source + "/README.md"), header);
  REQUIRE_FALSE(expected.empty());
  INFO("regenerate it with: asynclab list --format markdown");
  CHECK(written == expected);
}

TEST_CASE("docs/index.md's lesson table says what the lessons say about themselves", "[tool][tables]")
{
  const std::string header = "| # | lesson | the Python analog | the Asio it teaches |";
  const auto expected = generated("docs", header);
  const auto written = table_after(contents_of(source + "/docs/index.md"), header);
  REQUIRE(written.size() == expected.size());
  INFO("regenerate it with: asynclab list --format docs");
  for (std::size_t i = 0; i < expected.size(); ++i) {
    REQUIRE(written[i].size() == 4);
    CHECK(written[i][0] == expected[i][0]);
    CHECK(written[i][1] == expected[i][1]);
    if (!expected[i][2].empty()) CHECK(written[i][2] == expected[i][2]);  // once the lessons tell it
    CHECK(written[i][3] == expected[i][3]);
  }
}
