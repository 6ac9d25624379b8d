// lesson_cli_check LESSON_EXECUTABLE CASE
//
// Runs one lesson executable as a student might, and checks what every lesson promises:
//   bad-input  every bad command line exits 2 with one line on stderr and runs nothing
//   defaults   the default scenario finishes in time and shows the lesson (exit 0)
//   smallest   every parameter at its minimum finishes in time (exit 0 or 1)
//   largest    each parameter at the largest value the lesson accepts finishes in time
// The lesson's parameters come from its hidden --parameters flag, so the same checks cover every
// lesson without being written again. Exits 0 when every check passed, 1 otherwise.

#include <fmt/format.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#ifndef ASYNCLAB_TIME_SCALE
#define ASYNCLAB_TIME_SCALE 1
#endif

namespace {

using namespace std::chrono_literals;

/// A time limit of this build: sanitizer and Debug builds get several times as long.
constexpr std::chrono::seconds limit(std::chrono::seconds release) { return release * ASYNCLAB_TIME_SCALE; }

struct finished {
  bool timed_out = false;
  int exit_code = -1;  // -1 when a signal ended it
  int signal = 0;
  std::string out, err;
  std::chrono::milliseconds took{};
};

/// Runs `program args...` with stdin from /dev/null; kills it after `limit`.
finished run(const std::string& program, const std::vector<std::string>& args, std::chrono::seconds limit)
{
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child == 0) {
    std::FILE* null_in = std::fopen("/dev/null", "r");
    dup2(fileno(null_in), STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    close(out_pipe[0]);
    close(err_pipe[0]);
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);

  finished result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_pipes = 2;
  while (open_pipes > 0) {
    const auto left = limit - (std::chrono::steady_clock::now() - start);
    if (left <= 0s) {
      result.timed_out = true;
      kill(child, SIGKILL);
      break;
    }
    if (poll(fds, 2, static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(left).count()) + 1) < 0)
      continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      char buffer[4096];
      const ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
      if (got > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(got));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_pipes;
      }
    }
  }
  for (auto& fd : fds)
    if (fd.fd >= 0) close(fd.fd);
  int status = 0;
  waitpid(child, &status, 0);
  result.took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

struct parameter {
  std::string flag;
  long long min, max, fallback;
};

std::vector<parameter> parameters_of(const std::string& lesson)
{
  const auto listed = run(lesson, {"--parameters"}, 10s);
  if (listed.exit_code != 0) throw std::runtime_error("--parameters failed: " + listed.err);
  std::vector<parameter> parameters;
  std::istringstream lines(listed.out);
  for (parameter p; lines >> p.flag >> p.min >> p.max >> p.fallback;) parameters.push_back(p);
  return parameters;
}

int failures = 0;

void expect(bool ok, const std::string& what)
{
  fmt::print("{} {}\n", ok ? "ok  " : "FAIL", what);
  if (!ok) ++failures;
}

std::string shown(const std::vector<std::string>& args)
{
  std::string text;
  for (const auto& a : args) text += (text.empty() ? "" : " ") + a;
  return text.empty() ? "(no arguments)" : text;
}

bool sanitizer_spoke(const finished& f) { return f.err.find("Sanitizer") != std::string::npos; }

int lines_in(const std::string& text)
{
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines + (!text.empty() && text.back() != '\n');
}

/// A bad command line: exit 2, one line on stderr that starts with the program's name, nothing on stdout.
void expect_refused(const std::string& lesson, const std::vector<std::string>& args, const std::string& mentions)
{
  const auto f = run(lesson, args, limit(10s));
  const bool one_line = lines_in(f.err) == 1 && f.err.rfind("lesson_", 0) == 0;
  expect(!f.timed_out && f.exit_code == 2 && one_line && f.out.empty() && f.err.find(mentions) != std::string::npos,
         fmt::format("'{}' is refused with one line naming {} (exit {}, stderr: {})", shown(args), mentions,
                     f.exit_code, f.err.empty() ? "nothing" : f.err.substr(0, f.err.find('\n'))));
}

/// A scenario the lesson accepts: it ends by itself within `limit`, with one of the allowed exit codes.
void expect_finishes(const std::string& lesson, const std::vector<std::string>& args, std::chrono::seconds limit,
                     bool must_show)
{
  const auto f = run(lesson, args, limit);
  const bool exit_ok = must_show ? f.exit_code == 0 : (f.exit_code == 0 || f.exit_code == 1);
  expect(!f.timed_out && exit_ok && !sanitizer_spoke(f),
         fmt::format("'{}' finishes within {} s ({} ms, exit {}{}{})", shown(args), limit.count(), f.took.count(),
                     f.exit_code, f.signal ? fmt::format(", signal {}", f.signal) : "",
                     sanitizer_spoke(f) ? ", a sanitizer reported an error" : ""));
  if (!exit_ok || sanitizer_spoke(f)) fmt::print("{}\n", f.err);
}

void bad_input(const std::string& lesson)
{
  for (const auto& p : parameters_of(lesson)) {
    expect_refused(lesson, {p.flag, "abc"}, p.flag);
    expect_refused(lesson, {p.flag, "1.5"}, p.flag);
    expect_refused(lesson, {p.flag, std::to_string(p.max + 1)}, p.flag);
    expect_refused(lesson, {p.flag, "99999999999999999999"}, p.flag);
    expect_refused(lesson, {p.flag, std::to_string(p.min - 1)}, p.flag);
    if (p.min > 1) expect_refused(lesson, {p.flag, "0"}, p.flag);
    if (p.min > -3) expect_refused(lesson, {p.flag, "-3"}, p.flag);
    expect_refused(lesson, {p.flag}, p.flag);
  }
  expect_refused(lesson, {"--no-such-flag"}, "--no-such-flag");
  expect_refused(lesson, {"stray"}, "stray");
  expect_refused(lesson, {"--only", "both"}, "--only");
  expect_refused(lesson, {"--trace", "/nonexistent-folder/trace.json"}, "--trace");
  expect_refused(lesson, {"--markdown", "/nonexistent-folder/numbers.md"}, "--markdown");
  expect_refused(lesson, {"--svg", "/nonexistent-folder/timeline.svg"}, "--svg");
}

/// Each parameter at its maximum; if the lesson refuses that scenario as too long, halve the value
/// until it is accepted, and run the largest accepted one.
void largest(const std::string& lesson)
{
  for (const auto& p : parameters_of(lesson)) {
    for (long long value = p.max;; value = std::max(p.min, value / 2)) {
      const std::vector<std::string> args{p.flag, std::to_string(value)};
      const auto f = run(lesson, args, limit(30s));
      const bool refused_as_too_long = f.exit_code == 2 && lines_in(f.err) == 1;
      if (refused_as_too_long && value > p.min) continue;
      expect(!f.timed_out && (f.exit_code == 0 || f.exit_code == 1) && !sanitizer_spoke(f),
             fmt::format("'{}', the largest {} accepted, finishes within {} s ({} ms, exit {})", shown(args), p.flag,
                         limit(30s).count(), f.took.count(), f.exit_code));
      break;
    }
  }
}

void smallest(const std::string& lesson)
{
  std::vector<std::string> args;
  for (const auto& p : parameters_of(lesson)) {
    args.push_back(p.flag);
    args.push_back(std::to_string(p.min));
  }
  expect_finishes(lesson, args, limit(10s), false);
}

}  // namespace

int main(int argc, char** argv)
{
  if (argc != 3) {
    fmt::print(stderr, "usage: lesson_cli_check LESSON_EXECUTABLE bad-input|defaults|smallest|largest\n");
    return 2;
  }
  const std::string lesson = argv[1], check = argv[2];
  try {
    if (check == "bad-input")
      bad_input(lesson);
    else if (check == "defaults")
      expect_finishes(lesson, {}, limit(20s), true);
    else if (check == "smallest")
      smallest(lesson);
    else if (check == "largest")
      largest(lesson);
    else {
      fmt::print(stderr, "lesson_cli_check: unknown check '{}'\n", check);
      return 2;
    }
  } catch (const std::exception& error) {
    fmt::print("FAIL {}\n", error.what());
    return 1;
  }
  fmt::print("{} failed\n", failures);
  return failures == 0 ? 0 : 1;
}
