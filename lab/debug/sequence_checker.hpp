#pragma once
/// \file
/// The debug mode's wrong-thread finding: Chromium's `SEQUENCE_CHECKER`, for Asio.

#include <atomic>
#include <source_location>
#include <string>

namespace lab::debug {

/// Kept by an object meant for one sequence at a time: one strand (`asio::make_strand`), or one
/// thread. Wherever the object is used, call `touched()`. The first call binds the checker to
/// the caller's sequence: the strand running on this thread, else the thread itself. With the
/// debug mode on, a later call from another sequence is a wrong-thread finding, once per
/// checker, with the name and the place of the call. Off, `touched()` only tests a flag.
///
/// ```cpp
/// struct tally {
///   int count = 0;
///   lab::debug::sequence_checker sequence{"tally"};
/// };
/// void add(tally& t) { t.sequence.touched(); ++t.count; }  // from two threads at once: a finding
/// ```
///
/// Only `asio::strand` (`strand_executor_service`) counts as a sequence; `io_context::strand`
/// does not.
class sequence_checker {
 public:
  explicit sequence_checker(std::string name);

  /// The object is being used here.
  void touched(std::source_location where = std::source_location::current());

  /// Whether a call from a second sequence was seen (counted with the debug mode on only).
  bool crossed() const { return crossed_; }

 private:
  std::string name_;
  std::atomic<const void*> bound_{nullptr};
  std::atomic<bool> crossed_{false};
};

}  // namespace lab::debug
