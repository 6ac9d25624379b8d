#include "tool/colour.hpp"

#include <fmt/color.h>

#include <unistd.h>

#include <cstdlib>

namespace asynclab::tool {
namespace {

bool colour_on = false;

}  // namespace

void choose_colour(bool no_color)
{
  if (no_color) setenv("NO_COLOR", "1", 1);
  const char* told = std::getenv("NO_COLOR");
  colour_on = !(told && *told) && isatty(STDOUT_FILENO);
}

std::string painted(std::string_view text, tone meaning)
{
  if (!colour_on) return std::string(text);
  switch (meaning) {
    case tone::good: return fmt::format("{}", fmt::styled(text, fmt::fg(fmt::terminal_color::green)));
    case tone::bad: return fmt::format("{}", fmt::styled(text, fmt::fg(fmt::terminal_color::red)));
    case tone::heading:
      return fmt::format("{}", fmt::styled(text, fmt::emphasis::bold | fmt::fg(fmt::terminal_color::blue)));
    case tone::strong: return fmt::format("{}", fmt::styled(text, fmt::emphasis::bold));
    case tone::code: return fmt::format("{}", fmt::styled(text, fmt::fg(fmt::terminal_color::cyan)));
  }
  return std::string(text);
}

}  // namespace asynclab::tool
