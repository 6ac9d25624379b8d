#include "tool/pager.hpp"

#include <fmt/format.h>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace asynclab::tool {

void show_paged(const std::string& text)
{
  const char* chosen = std::getenv("PAGER");
  const std::string pager = chosen && *chosen ? chosen : "less";
  if (!isatty(STDOUT_FILENO) || pager == "cat") {
    fmt::print("{}", text);
    return;
  }
  setenv("LESS", "FRX", 0);  // -R: colour; -F: one screen is just printed; -X: it stays on screen
  std::fflush(stdout);
  // A student who quits the pager early closes the pipe: that must not kill asynclab.
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  FILE* paged = popen(pager.c_str(), "w");
  if (paged) std::fwrite(text.data(), 1, text.size(), paged);  // a short write: the student quit early
  const int status = paged ? pclose(paged) : -1;
  std::signal(SIGPIPE, previous);
  // The shell's 127: the pager is not installed. Nothing shown at all: print it plainly.
  if (!paged || (WIFEXITED(status) && WEXITSTATUS(status) == 127)) fmt::print("{}", text);
}

}  // namespace asynclab::tool
