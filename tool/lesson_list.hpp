#pragma once
/// \file
/// `asynclab list`: every lesson, from what the lessons say about themselves (`--about`). The
/// same list, as Markdown, is the lesson table of README.md and of docs/index.md, so that those
/// tables have one source; a test compares them.

#include "lab/about.hpp"

#include <string>
#include <vector>

namespace asynclab::tool {

/// How `asynclab list` prints: for the terminal, with the student's progress; README.md's table;
/// docs/index.md's table.
enum class list_format { text, markdown, docs };

/// `asynclab list [--format text|markdown|docs]`.
int list_lessons(list_format format);

/// README.md's table: `| # | lesson | pitfall | solution |`, a row per lesson.
std::string readme_table(const std::vector<lab::about>& lessons);

/// docs/index.md's table: `| # | lesson | the Python analog | the Asio it teaches |`, with the
/// lesson as a Doxygen reference to its page.
std::string docs_table(const std::vector<lab::about>& lessons);

}  // namespace asynclab::tool
