#include "tool/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace asynclab::tool {
namespace {

std::vector<char*> argv_of(const std::vector<std::string>& command)
{
  std::vector<char*> argv;
  for (const auto& word : command) argv.push_back(const_cast<char*>(word.c_str()));
  argv.push_back(nullptr);
  return argv;
}

int exit_code_of(int status)
{
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

}  // namespace

int run_in_terminal(const std::vector<std::string>& command)
{
  // Ctrl-C reaches the whole foreground group: the program stops, asynclab carries on.
  struct sigaction ignore {}, saved_int{}, saved_quit{};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGINT, &ignore, &saved_int);
  sigaction(SIGQUIT, &ignore, &saved_quit);

  const pid_t child = fork();
  if (child == 0) {
    sigaction(SIGINT, &saved_int, nullptr);
    sigaction(SIGQUIT, &saved_quit, nullptr);
    auto argv = argv_of(command);
    execvp(argv[0], argv.data());
    std::perror(argv[0]);
    _exit(127);
  }
  int status = 0;
  if (child > 0)
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
  sigaction(SIGINT, &saved_int, nullptr);
  sigaction(SIGQUIT, &saved_quit, nullptr);
  return child > 0 ? exit_code_of(status) : 127;
}

finished run_captured(const std::vector<std::string>& command, std::chrono::seconds limit)
{
  std::FILE* captured = std::tmpfile();
  finished result;
  if (!captured) return {127, false, "cannot create a temporary file for the output"};

  const pid_t child = fork();
  if (child == 0) {
    setpgid(0, 0);  // its own group, so a timeout kills the compiler's or the test's children too
    const int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, STDIN_FILENO);
    dup2(fileno(captured), STDOUT_FILENO);
    dup2(fileno(captured), STDERR_FILENO);
    auto argv = argv_of(command);
    execvp(argv[0], argv.data());
    std::perror(argv[0]);
    _exit(127);
  }
  if (child < 0) {
    std::fclose(captured);
    return {127, false, "cannot start " + command.front()};
  }

  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  for (;;) {
    const pid_t done = waitpid(child, &status, WNOHANG);
    if (done == child) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-child, SIGKILL);
      waitpid(child, &status, 0);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  result.exit_code = exit_code_of(status);

  std::rewind(captured);
  for (int c; (c = std::fgetc(captured)) != EOF;) result.output += static_cast<char>(c);
  std::fclose(captured);
  return result;
}

}  // namespace asynclab::tool
