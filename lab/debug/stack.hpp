#pragma once
/// \file
/// A stack, captured where it hurts and named afterwards: the part of the debug mode that turns
/// return addresses into functions and file:line.

#include <string>
#include <vector>

namespace lab::debug {

/// One frame of a symbolised stack; inlined calls are frames of their own.
struct frame {
  std::string function;  ///< demangled, e.g. "lesson18::(anonymous namespace)::check_quota(int)"
  std::string file;      ///< absolute path, "" when unknown
  int line = 0;          ///< 0 when unknown

  /// The function's own name, without its namespaces, parameters or clone suffix: "check_quota".
  std::string short_name() const;
  /// The file relative to the project's source folder (e.g. "pitfalls/18_x.cpp"), "" outside it.
  std::string project_file() const;
};

/// Names the program's own return addresses, innermost first, with one `addr2line -f -C -i` run
/// on the executable (a coroutine body has internal linkage, so `backtrace_symbols` would print
/// only an offset). Addresses outside the executable (libc, libstdc++) are left out. File and
/// line need debug information: the lesson and lab libraries are built with `-g1`.
/// Never call it from a signal handler: it starts a process.
std::vector<frame> symbolise(const std::vector<void*>& addresses);

/// The frame to blame in a stack, innermost first: among the frames inside the loop's run
/// (Asio's scheduler and what it called), the first in the project's own code outside `lab/` (a
/// lesson's function, not the blocking call it made), else the first in `lab/`;
/// `frames.size()` when there is none, as when the loop's thread was waiting for work.
std::size_t culprit_of(const std::vector<frame>& frames);

/// `path` relative to the project's source folder (e.g. "pitfalls/18_x.cpp"), "" outside it.
std::string project_relative(const std::string& path);

/// "check_quota (pitfalls/18_x.cpp:31)", or the short name alone without a file.
std::string where_of(const frame& at);

}  // namespace lab::debug
