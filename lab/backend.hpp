#pragma once
/// \file
/// A simulated backend on the loop: queries that work in steps, one that fails, and a count of
/// what happened to each, so that a lesson's coroutines keep no counters of their own.

#include "lab/instruments.hpp"
#include "lab/run_on_loop.hpp"

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace lab {

/// What a run against the backend observed: what reached the caller and what became of the
/// other queries.
struct backend_outcome {
  std::chrono::nanoseconds wall{};  ///< from starting the work to the loop returning
  bool reached_caller = false;      ///< the failure reached the code that started the work
  std::string caught;               ///< what the caller caught (its `what()`), "" when nothing
  int finished = 0;                 ///< healthy queries that did all their work
  int aborted = 0;                  ///< healthy queries whose wait ended with `operation_aborted`
  int steps_after_failure = 0;      ///< steps of work the healthy queries did after the failure
  /// From the failure to the loop returning to the caller, with the error or without it.
  std::chrono::nanoseconds failure_to_caller{};
};

/// A backend that answers each query after `work`, in steps of `step`, except query `failing`,
/// which throws after `fail_after`.
///
/// ```cpp
/// lab::backend backends({.work = 200ms, .failing = 0, .fail_after = 25ms}, with);
/// const auto run = lab::run_catching(handle_request(backends), with);  // co_awaits backends.query(i)
/// return backends.outcome(run);
/// ```
///
/// Queries run on the loop's single thread; the backend must outlive the loop.
class backend {
 public:
  /// How the backend behaves.
  struct settings {
    std::chrono::milliseconds work{200};        ///< how long a healthy query works
    std::chrono::milliseconds step{10};         ///< how long one step of that work takes
    int failing = -1;                           ///< the query that fails (-1: none)
    std::chrono::milliseconds fail_after{25};   ///< when it fails
  };

  /// \param how the work, the failing query and when it fails.
  /// \param with `with.spans` gets one span per query (its track is the query's index).
  backend(settings how, const instruments& with) : how_(how), spans_(with.spans) {}

  /// Query number `index`: works in steps, or throws `std::runtime_error("backend N refused the
  /// query")` if it is the failing one. A cancelled wait ends it with `operation_aborted`.
  boost::asio::awaitable<void> query(int index);

  /// The outcome of a run whose caller's view is `run` (from `lab::run_catching`).
  backend_outcome outcome(const loop_run& run) const;

  int finished() const { return finished_; }  ///< healthy queries that did all their work
  int aborted() const { return aborted_; }    ///< healthy queries cancelled in a wait

 private:
  settings how_;
  timeline* spans_;
  std::optional<clock::time_point> failed_at_;
  int finished_ = 0;
  int aborted_ = 0;
  int steps_after_failure_ = 0;
};

}  // namespace lab
