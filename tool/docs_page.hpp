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

/// The page as terminal text: `\snippet file tag` replaced by the lines between the file's
/// `// [tag]` markers, `\includedoc` by the numbers the docs build wrote (when it has run),
/// other Doxygen commands and anchors stripped, links as "text (address)".
std::string terminal_text(const std::filesystem::path& page);

}  // namespace asynclab::tool
