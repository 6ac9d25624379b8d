#pragma once
/// \file
/// The one JSON helper the lab writes with: quoting a string.

#include <string>
#include <string_view>

namespace lab {

/// `text` as a JSON string literal, quotes included, with `"`, `\` and control characters escaped.
std::string json_quoted(std::string_view text);

}  // namespace lab
