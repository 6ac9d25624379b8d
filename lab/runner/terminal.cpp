#include "lab/runner/terminal.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace lab::runner {

std::string terminal::bold(std::string_view text) const
{
  return colour ? fmt::format(fmt::emphasis::bold, "{}", text) : std::string(text);
}

std::string terminal::dim(std::string_view text) const
{
  return colour ? fmt::format(fmt::emphasis::faint, "{}", text) : std::string(text);
}

std::string terminal::good(std::string_view text) const
{
  return colour ? fmt::format(fmt::emphasis::bold | fg(fmt::terminal_color::green), "{}", text) : std::string(text);
}

std::string terminal::bad(std::string_view text) const
{
  return colour ? fmt::format(fmt::emphasis::bold | fg(fmt::terminal_color::red), "{}", text) : std::string(text);
}

terminal standard_output(bool no_color)
{
  const bool is_terminal = isatty(STDOUT_FILENO) != 0;
  terminal out;
  out.colour = !no_color && is_terminal && std::getenv("NO_COLOR") == nullptr;
  winsize size{};
  if (is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    out.width = std::clamp<std::size_t>(size.ws_col, 40, 100);
  return out;
}

std::size_t columns(std::string_view text)
{
  // UTF-8 continuation bytes are 10xxxxxx: count every other byte.
  return static_cast<std::size_t>(std::ranges::count_if(text, [](char c) { return (c & 0xC0) != 0x80; }));
}

std::size_t widest_line(std::string_view text)
{
  std::size_t widest = 0;
  while (!text.empty()) {
    const auto end = std::min(text.find('\n'), text.size());
    widest = std::max(widest, columns(text.substr(0, end)));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return widest;
}

std::string wrapped(std::string_view text, std::size_t width, std::string_view first, std::string_view indent)
{
  std::string result(first);
  std::size_t line = columns(first);
  bool line_empty = true;
  while (!text.empty()) {
    const auto start = text.find_first_not_of(" \n");
    if (start == std::string_view::npos) break;
    text.remove_prefix(start);
    const auto word = text.substr(0, text.find_first_of(" \n"));
    text.remove_prefix(word.size());
    const auto needed = columns(word) + (line_empty ? 0 : 1);
    if (!line_empty && line + needed > width) {
      result += '\n';
      result += indent;
      line = columns(indent);
      line_empty = true;
    }
    if (!line_empty) {
      result += ' ';
      ++line;
    }
    result += word;
    line += columns(word);
    line_empty = false;
  }
  return result;
}

}  // namespace lab::runner
