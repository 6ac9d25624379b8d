#pragma once
/// \file
/// How a lesson with a server runs it alone for a class (`--serve pitfall|solution`): students hit
/// it with curl, nc, a browser or wrk. No Asio here; `lab/serve_loop.hpp` runs the loop.

#include <chrono>
#include <optional>

namespace lab {

/// What `--port` and `--for` asked of a served lesson.
struct serve_options {
  unsigned short port = 0;                         ///< 0: the OS picks a free port
  std::optional<std::chrono::seconds> duration;    ///< empty: until Ctrl-C
};

}  // namespace lab
