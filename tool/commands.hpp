#pragma once
/// \file
/// The subcommands of the `asynclab` command. Each takes the arguments after its own name and
/// returns the process's exit code: 0 for success, 1 when the work failed, 2 for a bad command line.

#include <span>

namespace asynclab::tool {

/// The arguments after the subcommand's name (argv[0] is the subcommand).
using arguments = std::span<const char* const>;

}  // namespace asynclab::tool
