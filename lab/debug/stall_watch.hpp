#pragma once
/// \file
/// The debug mode's slow-handler finding: a watchdog thread that notices when a loop stopped
/// beating, and asks the loop's thread where it is.

#include <chrono>
#include <memory>

namespace lab::debug {

/// Watches one loop's thread for stalls. The loop calls `beat()` from a timer every `period()`;
/// when no beat came for the debug mode's threshold, the watchdog thread signals the loop's
/// thread (SIGURG, ignored by default, as Go's scheduler uses it), whose signal handler records
/// the stack with `backtrace`. When the loop beats again, the stall's length is known, and a
/// third thread, started at the first stall, names the stack's culprit (`lab/debug/stack.hpp`,
/// which runs addr2line) and reports a slow handler, while the watchdog watches on.
///
/// The length is how late the beat after the stall ran, as the lag probe measures it, so it is
/// known to within one period; a stall made of several shorter handlers in a row is reported as
/// one, named where the stack was sampled.
class stall_watch {
 public:
  /// Starts the watchdog thread, with the debug mode's threshold, for the calling thread's loop:
  /// construct it on the thread that will run the loop, just before it does.
  stall_watch();
  /// Reports a stall still going on, then stops and joins the watchdog thread.
  ~stall_watch();
  stall_watch(const stall_watch&) = delete;
  stall_watch& operator=(const stall_watch&) = delete;

  /// The loop ran: called by its timer.
  void beat();

  /// The loop's last beat: its work is done, and what runs after it is no longer watched (a
  /// stall already sampled is still reported).
  void last_beat();

  /// How often the loop should beat: a twentieth of the threshold, at least 1 ms.
  std::chrono::nanoseconds period() const;

 private:
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace lab::debug
