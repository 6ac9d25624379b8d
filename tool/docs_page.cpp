#include "tool/docs_page.hpp"

#include "tool/catalogue.hpp"
#include "tool/colour.hpp"
#include "tool/exercise/files.hpp"
#include "tool/process.hpp"
#include "tool/terminal_markdown.hpp"

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
    line.replace(at, close + 1 - at, fmt::format("{} ({})", text, address));
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

/// The page's text as a terminal shows it: prose wrapped to the width, code as it is.
class page_text {
 public:
  explicit page_text(std::size_t width) : width_(width) {}

  /// A line of prose: it starts a list item ("- ", "1. "), continues one (indented), or joins
  /// the paragraph.
  void prose(const std::string& line)
  {
    const auto first = line.find_first_not_of(' ');
    const auto marker = list_marker(line.substr(first));
    if (!marker.empty()) {
      end_paragraph();
      first_ = marker;
      indent_ = std::string(marker.size(), ' ');
      paragraph_ = line.substr(first + marker.size());
      return;
    }
    paragraph_ += (paragraph_.empty() ? "" : " ") + line.substr(first);
  }

  /// A line shown as it is: code, a table, a heading.
  void verbatim(const std::string& line)
  {
    end_paragraph();
    text_ += line + '\n';
  }

  /// A blank line; never two in a row.
  void blank()
  {
    end_paragraph();
    if (!text_.empty() && !text_.ends_with("\n\n")) text_ += '\n';
  }

  std::string take()
  {
    end_paragraph();
    return text_;
  }

 private:
  static std::string list_marker(const std::string& line)
  {
    if (line.starts_with("- ")) return "- ";
    const auto dot = line.find(". ");
    if (dot != std::string::npos && dot > 0 && line.find_first_not_of("0123456789") == dot)
      return line.substr(0, dot + 2);
    return {};
  }

  void end_paragraph()
  {
    if (!paragraph_.empty()) text_ += terminal_paragraph(paragraph_, first_, indent_, width_);
    paragraph_.clear();
    first_.clear();
    indent_.clear();
  }

  std::size_t width_;
  std::string text_, paragraph_, first_, indent_;
};

/// The whole difference between the lesson's pitfall and solution, coloured: what the solution
/// removes in red, what it adds in green. Snippet markers are left out.
void add_diff(page_text& text, const std::string& stem)
{
  const auto pitfall = "pitfalls/" + stem + ".cpp", solution = "solutions/" + stem + ".cpp";
  const auto diff = run_captured({"diff", "-u", "--label", pitfall, "--label", solution,
                                  (source_dir() / pitfall).string(), (source_dir() / solution).string()},
                                 std::chrono::seconds(10));
  std::istringstream lines(diff.output);
  for (std::string line; std::getline(lines, line);) {
    if (is_snippet_marker(std::string_view(line).substr(std::min<std::size_t>(1, line.size()))))
      continue;  // a marker line, meaningless here
    const bool header = line.starts_with("---") || line.starts_with("+++");
    const auto look = header                   ? tone::strong
                      : line.starts_with("@@") ? tone::code
                      : line.starts_with('+')  ? tone::good
                      : line.starts_with('-')  ? tone::bad
                                               : tone::heading;
    text.verbatim("    " + (look == tone::heading ? line : painted(line, look)));
  }
}

/// Where the picture `\image html file "caption"` is, since a terminal cannot show it.
void add_picture(page_text& text, const std::string& line)
{
  const auto caption_at = line.find('"');
  const auto caption = caption_at == std::string::npos ? std::string("the picture")
                                                       : line.substr(caption_at + 1, line.rfind('"') - caption_at - 1);
  const auto words = command_words(line, "\\image");
  const auto file = build_dir() / "docs" / "generated" / (words.size() > 1 ? words[1] : "");
  text.prose(fmt::format("**Picture:** {}. {}", caption,
                         std::filesystem::exists(file) ? fmt::format("Open {} in a browser.", file.string())
                                                       : std::string("`make docs` draws it; run the lesson to see "
                                                                     "the same in the terminal.")));
  text.blank();
}

void add_lines(page_text& text, const std::vector<std::string>& lines, const std::string& stem)
{
  bool in_code = false, in_hints = false;
  for (const auto& written : lines) {
    // A command indented into a list item is still a command.
    const auto first = written.find_first_not_of(' ');
    const auto line = first != std::string::npos && written[first] == '\\' ? written.substr(first) : written;
    if (line.starts_with("```")) {
      in_code = !in_code;
      continue;
    }
    if (in_code) {
      text.verbatim("    " + line);
      continue;
    }
    if (line.starts_with("#")) in_hints = line == "### Hints";  // the hints come last, one at a time
    if (in_hints) continue;
    if (const auto quoted = command_words(line, "\\snippet"); quoted.size() == 2) {
      std::istringstream code(snippet(source_dir() / quoted[0], quoted[1]));
      for (std::string each; std::getline(code, each);) text.verbatim(each);
    } else if (const auto included = command_words(line, "\\includedoc"); included.size() == 1) {
      const auto numbers = lines_of(build_dir() / "docs" / "generated" / included[0]);
      if (numbers.empty()) text.prose("(The numbers appear here after `make docs`; or run the lesson.)");
      add_lines(text, numbers, stem);
    } else if (const auto verbatim = command_words(line, "\\verbinclude");
               verbatim.size() == 1 && verbatim[0] != stem + ".diff") {
      // A real run's words (a compiler's, clang-tidy's, a sanitizer's), as make docs kept them.
      const auto words = lines_of(build_dir() / "docs" / "generated" / verbatim[0]);
      if (words.empty()) text.prose(fmt::format("(`make docs` writes {} here, from a real run.)", verbatim[0]));
      for (const auto& each : words) text.verbatim("    " + each);
    } else if (line.starts_with("\\verbinclude")) {
      add_diff(text, stem);
    } else if (line.starts_with("\\image")) {
      add_picture(text, line);
    } else if (line.starts_with("# ") || line.starts_with("## ") || line.starts_with("### ")) {
      const auto title = plain(line.substr(line.find(' ') + 1));
      text.blank();
      text.verbatim(painted(title, line.starts_with("### ") ? tone::strong : tone::heading));
      if (line.starts_with("# ")) text.verbatim(std::string(columns_of(title), '='));
      text.blank();
    } else if (line.empty()) {
      text.blank();
    } else if (line.starts_with('|')) {
      auto row = plain(line);
      std::erase(row, '`');  // a table row is shown as it is, so code cannot be painted in it
      text.verbatim(row);
    } else if (line == "[TOC]" || line.starts_with('\\') || line.starts_with('<')) {
      continue;  // a Doxygen command or HTML with nothing to show in a terminal
    } else {
      text.prose(plain(line));
    }
  }
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

std::string terminal_text(const std::filesystem::path& page, std::size_t width)
{
  const std::string stem = page.stem().string();
  page_text text(width);
  add_lines(text, lines_of(page), stem);
  const auto hints = hints_of(page);
  text.blank();
  if (!hints.empty())
    text.prose(fmt::format("**Hints.** This lesson has {} hints; `asynclab hint {}` shows them one at a time, "
                           "so that you can stop as soon as you see the way.",
                           hints.size(), stem.substr(0, 2)));
  return text.take();
}

}  // namespace asynclab::tool
