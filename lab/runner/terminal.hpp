#pragma once
/// \file
/// The terminal a lesson prints to: how wide it is, whether it shows colour, and text wrapped to it.

#include <cstddef>
#include <string>
#include <string_view>

namespace lab::runner {

/// Where the lesson's text goes, and how to paint it.
struct terminal {
  bool colour = false;     ///< ANSI colour: off with --no-color, NO_COLOR, or when not a terminal
  std::size_t width = 80;  ///< columns: the terminal's own, 80 without one

  std::string bold(std::string_view text) const;
  std::string dim(std::string_view text) const;
  std::string good(std::string_view text) const;  ///< bold green
  std::string bad(std::string_view text) const;   ///< bold red
};

/// The terminal standard output is: its width (kept between 40 and 100 columns, so lines stay
/// readable), and colour unless `no_color`, NO_COLOR or a pipe says otherwise.
terminal standard_output(bool no_color);

/// How many columns `text` takes: UTF-8 characters, not bytes ("·" is one).
std::size_t columns(std::string_view text);

/// The columns of the widest line of `text`.
std::size_t widest_line(std::string_view text);

/// `text` wrapped to `width` columns, the first line after `first` and the others after `indent`
/// (both counted in the width). Words longer than a line stand alone, never cut.
std::string wrapped(std::string_view text, std::size_t width, std::string_view first = "",
                    std::string_view indent = "");

}  // namespace lab::runner
