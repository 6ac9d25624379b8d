#pragma once
/// \file
/// Markdown prose as a terminal shows it: wrapped to its width, with bold and code painted
/// instead of `**` and backticks showing through.

#include <string>

namespace asynclab::tool {

/// One paragraph or list item of Markdown as terminal lines of at most `width` columns (a word
/// longer than that, such as an address, gets a line of its own). `**bold**` and `` `code` ``
/// are painted, their marks dropped. The first line starts with `first` (a list item's "- "),
/// the others with `indent`.
std::string terminal_paragraph(const std::string& text, const std::string& first, const std::string& indent,
                               std::size_t width);

/// How many columns `text` takes: its UTF-8 characters, not its bytes.
std::size_t columns_of(const std::string& text);

}  // namespace asynclab::tool
