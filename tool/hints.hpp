#pragma once
/// \file
/// A lesson's hints, one more each time the student asks or fails a check; the progress file
/// remembers how many were shown.

#include "tool/catalogue.hpp"

namespace asynclab::tool {

/// The lesson's hints (the "### Hints" list of its page).
std::vector<std::string> hints_for(const lesson_entry& lesson);

/// Counts one more hint seen in the progress file, up to the last, and returns its 1-based
/// number. Needs at least one hint in `hints`.
int advance_hint(const lesson_entry& lesson, const std::vector<std::string>& hints);

}  // namespace asynclab::tool
