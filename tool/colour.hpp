#pragma once
/// \file
/// Colour in asynclab's own output. Off with `--no-color` (every subcommand takes it), with
/// NO_COLOR set (https://no-color.org), or when standard output is not a terminal.

#include <string>
#include <string_view>

namespace asynclab::tool {

/// What a painted word means: good news, bad news, a heading, words in bold, or code.
enum class tone { good, bad, heading, strong, code };

/// Decides once, at start: `no_color` is the `--no-color` flag. It sets NO_COLOR as well, so
/// that the lessons asynclab runs go plain too.
void choose_colour(bool no_color);

/// `text` in the colour of `tone`, or as it is when colour is off.
std::string painted(std::string_view text, tone meaning);

}  // namespace asynclab::tool
