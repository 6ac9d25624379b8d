#pragma once
/// \file
/// A lesson's page (`docs/lessons/NN_name.md`) read in the terminal: the same text the docs
/// show, so hints and explanations have one source.

#include <filesystem>
#include <string>
#include <vector>

namespace asynclab::tool {

/// The numbered items of the page's "### Hints" list, under its "## Exercise" section, in
/// order; empty when the page has none. Continuation lines join their item.
std::vector<std::string> hints_of(const std::filesystem::path& page);

/// The page as a terminal shows it, `width` columns wide: prose wrapped, with bold and code
/// painted instead of Markdown's marks; `\snippet file tag` replaced by the lines between the
/// file's `// [tag]` markers; `\includedoc` by the numbers the docs build wrote (when it has
/// run); `\verbinclude` by the coloured diff of the pitfall and the solution; `\image` by where
/// the picture is; other Doxygen commands and anchors dropped, links as "text (address)". The
/// hints are left out, and a last line says how to get them one at a time.
std::string terminal_text(const std::filesystem::path& page, std::size_t width);

}  // namespace asynclab::tool
