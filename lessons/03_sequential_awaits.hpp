#pragma once
/// \file
/// Lesson 03's contract: independent requests awaited one after another.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"

#include <chrono>

/// Lesson 03: awaiting independent requests one after another costs the sum of their latencies.
namespace lesson03 {

/// N independent requests to a loopback server that answers each after L milliseconds, on one
/// `io_context` that runs both the client and the server.
struct scenario {
  int requests = 10;    ///< how many requests the client makes
  int latency_ms = 50;  ///< how long the server holds each request before it answers
};

/// What a run observed, on the client's side and on the server's.
struct outcome {
  std::chrono::nanoseconds wall{};  ///< from the first request's start to the last one's answer
  int most_in_flight = 0;           ///< the most requests the client had started and not yet finished
  int most_held = 0;                ///< the most requests the server held at the same moment
  int answered = 0;                 ///< how many requests the server answered
  /// From the run's start until the last request was sent. In the solution, what opening every
  /// connection at once and sending on each cost (6-18 ms for 100 on a busy machine).
  std::chrono::nanoseconds sending{};
  /// The slowest answer, from a request's sending to its answer: the latency and what the wire
  /// and the server add, with, in the solution, the server's queue of requests.
  std::chrono::nanoseconds slowest_answer{};
};

/// Times the requests of a run for the theory: a request calls `sent()` once it has sent its
/// question, and `answered(sent_at)` when the answer is in.
class request_clock {
 public:
  using clock = std::chrono::steady_clock;  ///< the clock every time here is read from
  /// A request has sent its question; returns when, for `answered`.
  clock::time_point sent() { return latest_sent_ = clock::now(); }
  /// The answer to the request sent at `sent_at` is in.
  void answered(clock::time_point sent_at) { slowest_ = std::max(slowest_, clock::now() - sent_at); }
  /// From the clock's start until the last request was sent: the outcome's `sending`.
  std::chrono::nanoseconds sending() const { return latest_sent_ - start_; }
  /// The slowest answer, from its request's sending: the outcome's `slowest_answer`.
  std::chrono::nanoseconds slowest() const { return slowest_; }

 private:
  clock::time_point start_ = clock::now(), latest_sent_ = start_;
  clock::duration slowest_{};
};

/// A loop that `co_await`s each request before starting the next.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// `make_parallel_group` over every request, waiting for all of them at once.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// What each role must show: the pitfall has one request in flight at a time, the solution all
/// of them; both get every answer. The lesson's verdict and its tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto answered = lab::expect_equal("every request is answered", "answered", seen.answered, scenario.requests);
  if (role == lab::role::pitfall)
    return {lab::expect_equal("one request is in flight at a time", "in flight", seen.most_in_flight, 1), answered};
  return {lab::expect_equal("every request is in flight at once", "in flight", seen.most_in_flight, scenario.requests),
          answered};
}

/// The lesson's theory: the pitfall sends its N requests and waits N latencies L, one after
/// another; the solution sends N requests at once and waits for the slowest answer. What sending
/// (S) and the slowest answer (Z: the latency, the wire, the server's queue) cost is measured in
/// the solution's run: (S + N x L) / (S + Z). The verdict and the benchmark both call it.
inline double theory_ratio(const scenario& s, const outcome& solution)
{
  using ms = std::chrono::duration<double, std::milli>;
  const ms sending = solution.sending, slowest = solution.slowest_answer, latency(s.latency_ms);
  if (slowest.count() <= 0) return s.requests;  // no run yet: latencies alone
  return (sending + s.requests * latency) / (sending + slowest);
}

}  // namespace lesson03
