#include "lab/undefined_child.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

#include <array>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string_view>
#include <vector>

namespace lab {
namespace {

/// This process's environment with the sanitizers' options set: g++ keeps a coroutine's caller
/// frame on the stack, and only `detect_stack_use_after_return` catches a reference to it.
std::vector<std::string> environment_of_child()
{
  std::vector<std::string> variables;
  for (char** variable = environ; *variable != nullptr; ++variable) {
    const std::string_view text = *variable;
    if (text.rfind("ASAN_OPTIONS=", 0) != 0 && text.rfind("TSAN_OPTIONS=", 0) != 0) variables.emplace_back(text);
  }
  variables.emplace_back("ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0");
  variables.emplace_back("TSAN_OPTIONS=halt_on_error=1");
  return variables;
}

/// The child's side of the fork: its output into the pipe, then the program. Only calls that are
/// safe after a fork: everything it needs was made before.
[[noreturn]] void become_child(const char* const* arguments, const char* const* environment, int pipe_end)
{
  dup2(pipe_end, STDOUT_FILENO);
  dup2(pipe_end, STDERR_FILENO);
  setpgid(0, 0);  // so that a time-out kills whatever it started too
  execve(arguments[0], const_cast<char* const*>(arguments), const_cast<char* const*>(environment));
  _exit(127);
}

/// Everything the child writes until it closes its output or `seconds` pass.
std::string read_until_closed(int from, pid_t child, int seconds)
{
  std::string output;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  std::array<char, 4096> chunk{};
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd ready{.fd = from, .events = POLLIN, .revents = 0};
    if (left.count() <= 0 || poll(&ready, 1, static_cast<int>(left.count())) == 0) {
      kill(-child, SIGKILL);
      output += "\n(stopped after " + std::to_string(seconds) + " s)\n";
      return output;
    }
    const auto got = read(from, chunk.data(), chunk.size());
    if (got <= 0) return output;
    output.append(chunk.data(), static_cast<std::size_t>(got));
  }
}

/// "ThreadSanitizer: data race in pitfall() pitfalls/14_x_undefined.cpp:31": the kind of error
/// from the SUMMARY line, and the first frame in a lesson's own file, which tells a student more
/// than the library frame the summary names.
std::string summary_of(const std::string& output)
{
  std::istringstream lines(output);
  std::string summary, frame;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("SUMMARY: ", 0) == 0) summary = line.substr(9);
    const auto in = line.find(" in ");
    const auto file = line.find("/pitfalls/") != std::string::npos ? line.find("/pitfalls/") : line.find("/solutions/");
    if (frame.empty() && line.find('#') != std::string::npos && in != std::string::npos &&
        file != std::string::npos && file > in)
      frame = line.substr(in + 4, line.rfind(' ', file) - in - 4) + " " + line.substr(file + 1);
  }
  if (summary.empty() || frame.empty()) return summary;
  // "AddressSanitizer: stack-use-after-scope /usr/include/...": keep the tool and the kind.
  const auto kind_end = summary.find(' ', summary.find(": ") + 2);
  return summary.substr(0, kind_end) + " in " + frame;
}

}  // namespace

std::string sanitizer_name(const std::string& sanitizer)
{
  return sanitizer == "thread" ? "ThreadSanitizer" : "AddressSanitizer";
}

std::string undefined_program()
{
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::string() : self.string() + "_undefined";
}

undefined_run run_undefined(const std::string& program, role which, const std::string& sanitizer, int seconds)
{
  undefined_run run;
  if (program.empty() || access(program.c_str(), X_OK) != 0) return run;
  run.built = true;
  std::array<int, 2> ends{};
  if (pipe2(ends.data(), O_CLOEXEC) != 0) return run;
  const auto variables = environment_of_child();
  std::vector<const char*> environment;
  for (const auto& variable : variables) environment.push_back(variable.c_str());
  environment.push_back(nullptr);
  const std::array<const char*, 3> arguments{program.c_str(), name_of(which), nullptr};
  const pid_t child = fork();
  if (child == 0) become_child(arguments.data(), environment.data(), ends[1]);
  close(ends[1]);
  if (child < 0) {
    close(ends[0]);
    return run;
  }
  run.output = read_until_closed(ends[0], child, seconds);
  close(ends[0]);
  int status = 0;
  waitpid(child, &status, 0);
  const auto marker = (sanitizer == "thread" ? "WARNING: " : "ERROR: ") + sanitizer_name(sanitizer);
  run.reported = run.output.find(marker) != std::string::npos;
  run.summary = summary_of(run.output);
  return run;
}

}  // namespace lab
