#include "tool/terminal_markdown.hpp"

#include "tool/colour.hpp"

#include <vector>

namespace asynclab::tool {
namespace {

enum class style { plain, strong, code };

/// A run of characters in one style, and a word made of such runs.
struct run {
  std::string text;
  style look;
};
using word = std::vector<run>;

/// The words of `text`, each run in its style; the marks themselves are dropped.
std::vector<word> words_of(const std::string& text)
{
  std::vector<word> words(1);
  bool code = false, strong = false;
  const auto add = [&](char c) {
    const style look = code ? style::code : strong ? style::strong : style::plain;
    auto& current = words.back();
    if (current.empty() || current.back().look != look) current.push_back({{}, look});
    current.back().text += c;
  };
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '`') {
      code = !code;
    } else if (!code && text.compare(at, 2, "**") == 0) {
      strong = !strong;
      ++at;
    } else if (c == ' ') {
      if (!words.back().empty()) words.emplace_back();
    } else {
      add(c);
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

std::size_t width_of(const word& each)
{
  std::size_t columns = 0;
  for (const auto& part : each) columns += columns_of(part.text);
  return columns;
}

std::string shown(const word& each)
{
  std::string text;
  for (const auto& part : each)
    text += part.look == style::code     ? painted(part.text, tone::code)
            : part.look == style::strong ? painted(part.text, tone::strong)
                                         : part.text;
  return text;
}

}  // namespace

std::size_t columns_of(const std::string& text)
{
  std::size_t columns = 0;
  for (const char c : text) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
  return columns;
}

std::string terminal_paragraph(const std::string& text, const std::string& first, const std::string& indent,
                               std::size_t width)
{
  std::string out = first;
  std::size_t used = columns_of(first);
  bool line_empty = true;
  for (const auto& each : words_of(text)) {
    const auto needed = width_of(each);
    if (!line_empty && used + 1 + needed > width) {
      out += '\n' + indent;
      used = columns_of(indent);
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++used;
    }
    out += shown(each);
    used += needed;
    line_empty = false;
  }
  return out + '\n';
}

}  // namespace asynclab::tool
