#pragma once
/// \file
/// Lesson 00's contract: hello and world, one after the other or at the same time.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"

#include <chrono>

/// Lesson 00: two waits awaited one after the other take twice as long as the same two run together.
namespace lesson00 {

/// `say_hello()` and `say_world()` each wait D milliseconds on one `io_context`.
struct scenario {
  int delay_ms = 300;  ///< how long each of hello and world waits
};

/// What a run observed.
struct outcome {
  std::chrono::nanoseconds wall{};  ///< from the start of the first wait to the end of the last
  int most_in_flight = 0;           ///< how many of hello and world were waiting at the same moment
};

/// `co_await say_hello(); co_await say_world();`: world starts only when hello has finished.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// `co_await (say_hello() && say_world());`: both start at once and the waits overlap.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// What each role must show: the pitfall keeps one word waiting at a time; the solution keeps
/// both waiting at once. The lesson's verdict and its tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario&)
{
  if (role == lab::role::pitfall)
    return {lab::expect_equal("one word waits at a time", "waiting at once", seen.most_in_flight, 1)};
  return {lab::expect_equal("both words wait at once", "waiting at once", seen.most_in_flight, 2)};
}

/// The lesson's theory: two waits one after the other take twice as long as the two at once. The
/// verdict and the benchmark both call it.
inline double theory_ratio(const scenario&) { return 2.0; }

}  // namespace lesson00
