#pragma once
/// \file
/// Lesson 10's contract: a thousand requests at once against a backend that serves ten.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"

#include <chrono>
#include <optional>
#include <string>

/// Lesson 10: one task per request with no limit puts every request on the wire at once, and a
/// backend that serves only a few at a time turns the rest away.
namespace lesson10 {

/// N requests to a loopback backend that holds each for D milliseconds and serves at most K at
/// once; beyond K it answers "busy" at once, or, with `queue`, makes the request wait its turn.
struct scenario {
  int requests = 1000;  ///< how many requests the client makes, all wanted at once
  int limit = 10;       ///< the most requests the backend serves at once
  int delay_ms = 20;    ///< how long the backend holds each request it serves
  int queue = 0;        ///< 1: the backend queues requests beyond its limit instead of turning them away
};

/// How long the backend needs for every request at its own pace: ceil(N / K) rounds of D.
inline std::chrono::milliseconds backend_pace(const scenario& scenario)
{
  const int rounds = (scenario.requests + scenario.limit - 1) / scenario.limit;
  return rounds * std::chrono::milliseconds(scenario.delay_ms);
}

/// What a run observed, on the client's side and on the backend's.
struct outcome {
  std::chrono::nanoseconds wall{};  ///< from the first request to the last answer
  /// The most requests on the wire at once: each holds a socket here and a connection there.
  int most_in_flight = 0;
  int rejected = 0;                 ///< requests the backend turned away with "busy"
  int answered = 0;                 ///< requests the backend served and answered
  std::chrono::nanoseconds p50{};   ///< median time on the wire, from connecting to the answer
  std::chrono::nanoseconds p99{};   ///< 99th percentile of the same
};

/// One task per request, all started at once as a parallel group, with no limit.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// The same tasks, each holding one of K permits while it is on the wire: a counting semaphore
/// made of a channel whose buffer holds K.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// What each role must show. The pitfall has every request on the wire at once, and the backend
/// turns most of them away (or, when it queues, holds them on the wire for many delays). The
/// solution has K on the wire at once, nothing turned away, every request answered. The lesson's
/// verdict and its tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  if (role == lab::role::pitfall) {
    const auto all_at_once = lab::expect_equal("every request is on the wire at once", "on the wire",
                                               seen.most_in_flight, scenario.requests);
    if (scenario.queue)
      return {all_at_once, lab::expect_at_least("requests wait on the wire for many delays", "p99 on the wire",
                                                seen.p99, backend_pace(scenario) / 2)};
    return {all_at_once, lab::expectation{"most requests are turned away", 2 * seen.rejected > scenario.requests,
                                          "rejected: " + std::to_string(seen.rejected) + " of " +
                                              std::to_string(scenario.requests) + ", expected more than half"}};
  }
  return {lab::expect_equal("the limit keeps K requests on the wire at once", "on the wire", seen.most_in_flight,
                            scenario.limit),
          lab::expect_equal("no request is turned away", "rejected", seen.rejected, 0),
          lab::expect_equal("every request is answered", "answered", seen.answered, scenario.requests)};
}

/// The lesson's theory when the backend queues (`queue`): its pace, ceil(N/K) rounds of one delay,
/// sets both times, so the limit should cost nothing: a ratio of 1. None when it turns requests
/// away: then the count of rejections tells.
inline std::optional<double> theory_ratio(const scenario& s)
{
  if (s.queue) return 1.0;
  return std::nullopt;
}

}  // namespace lesson10
