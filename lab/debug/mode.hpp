#pragma once
/// \file
/// The debug mode: asyncio's debug mode (`PYTHONASYNCIODEBUG=1`) for the course's loops.
///
/// Every lesson takes `--debug` (or `ASYNCLAB_DEBUG=1` in the environment) and `--slow-ms N`.
/// While the mode is on, the lab reports on standard error, one line per finding:
///
/// | finding | what it means | found by |
/// |---|---|---|
/// | slow handler | a handler held the loop longer than the threshold (100 ms) | `lab/debug/stall_watch.hpp` |
/// | dropped exception | a task spawned with `asio::detached` ended with an exception nobody retrieved | `lab/debug/detached.hpp` |
/// | pending work | work a lab loop driver started was still pending when its loop stopped | `lab/debug/loop_watch.hpp` |
/// | wrong thread | an object meant for one sequence was touched from another | `lab/debug/sequence_checker.hpp` |
///
/// Off, the mode costs nothing: no thread, no timer, one test of a flag where a loop starts.
/// `docs/debug_mode.md` says how it works and what it costs.

#include <chrono>
#include <string>
#include <vector>

namespace lab::debug {

/// What the debug mode can find.
enum class kind { slow_handler, dropped_exception, pending_work, wrong_thread };

/// "slow handler", "dropped exception", "pending work", "wrong thread".
const char* name_of(kind what);

/// One finding: one line on standard error.
struct finding {
  kind what{};
  std::string detail;  ///< what happened, e.g. "held the loop 152 ms"
  std::string where;   ///< the function and its file:line, e.g. "check_quota (pitfalls/x.cpp:31)"; may be empty
  std::string task;    ///< the task or coroutine it happened in; may be empty

  /// The line printed: "asynclab debug: slow handler: held the loop 152 ms in check_quota (...), task serve".
  std::string line() const;
};

/// asyncio's default: a callback that runs longer than 100 ms is reported.
inline constexpr std::chrono::milliseconds default_slow{100};

/// Whether the debug mode is on: after `switch_on`, or from the start when `ASYNCLAB_DEBUG` is
/// set to anything but "" or "0".
bool on();

/// How long a handler may hold the loop before it is a finding.
std::chrono::milliseconds slow_threshold();

/// Switches the debug mode on, with the threshold for slow handlers.
void switch_on(std::chrono::milliseconds slow = default_slow);

/// Switches it off; the findings so far are kept.
void switch_off();

/// Records a finding, and prints its line on standard error unless printing is off.
void report(finding found);

/// The findings so far, oldest first.
std::vector<finding> findings();

/// The findings of one part of a run: on for the scope, with its own threshold and its own
/// findings, printed or not; the mode, its threshold and its printing are restored at the end.
/// Lesson 18 and the tests use it.
///
/// ```cpp
/// lab::debug::session debugging(std::chrono::milliseconds(50), lab::debug::session::quiet);
/// run_the_service();
/// for (const auto& found : debugging.findings()) ...
/// ```
class session {
 public:
  /// Whether the findings go to standard error: always, never, or as the mode was asked for
  /// (printed when it was already on, from `--debug` or the environment).
  enum printing { printed, quiet, as_asked };
  explicit session(std::chrono::milliseconds slow = default_slow, printing print = printed);
  ~session();
  session(const session&) = delete;
  session& operator=(const session&) = delete;

  /// What was found since the session began.
  std::vector<finding> findings() const;

 private:
  std::size_t first_;
  bool was_on_;
  bool was_printing_;
  std::chrono::milliseconds was_slow_;
};

/// The findings of one kind among `all`.
std::vector<finding> of_kind(const std::vector<finding>& all, kind what);

}  // namespace lab::debug
