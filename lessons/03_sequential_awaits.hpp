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

}  // namespace lesson03
