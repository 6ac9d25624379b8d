#pragma once
/// \file
/// Long text through a pager, as git shows its log: the student reads a lesson's page from its
/// top, a screen at a time, instead of seeing its last screen first.

#include <string>

namespace asynclab::tool {

/// Shows `text` through `$PAGER` (else `less`, with `LESS=FRX` unless LESS is set, so colour
/// shows and a text that fits one screen is simply printed) when standard output is a terminal;
/// prints it as it is otherwise, or when the pager cannot start.
void show_paged(const std::string& text);

}  // namespace asynclab::tool
