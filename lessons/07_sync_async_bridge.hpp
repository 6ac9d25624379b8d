#pragma once
/// \file
/// Lesson 07's contract: legacy blocking code beside coroutines, and the bridges between them.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"

#include <chrono>
#include <string>

/// Lesson 07: a blocking library called from coroutines stalls the loop, and a synchronous
/// caller that waits on the loop from the loop's own thread waits for itself.
namespace lesson07 {

/// C requests, served at once by coroutines on one event loop, each call a legacy library that
/// blocks its thread for D milliseconds. Then an old synchronous report sums up the prices; it
/// needs an exchange rate that only asynchronous code fetches. The solution has P pool threads.
struct scenario {
  int calls = 8;        ///< how many requests, each one legacy call (C)
  int delay_ms = 100;   ///< how long each legacy call blocks its thread (D)
  int threads = 4;      ///< the solution's pool threads (P)
};

/// How long the asynchronous client takes to fetch the exchange rate.
inline constexpr std::chrono::milliseconds rate_fetch{10};

/// The watchdog's bound on a run: twice the calls one after another, and 200 ms more. Far more
/// than a run needs, unless it waits for itself.
constexpr std::chrono::milliseconds bound_of(const scenario& scenario)
{
  return std::chrono::milliseconds(2LL * scenario.calls * scenario.delay_ms + 200);
}

/// How many rounds of calls a pool of P threads makes: C/P, rounded up.
constexpr int rounds_of(const scenario& scenario) { return (scenario.calls + scenario.threads - 1) / scenario.threads; }

/// What a run observed.
struct outcome {
  std::chrono::nanoseconds wall{};  ///< from the first legacy call's start to the last one's end
  std::chrono::nanoseconds run{};   ///< the whole run: the calls, the report, any wait for the watchdog
  bool completed = false;           ///< the run finished by itself within the watchdog's bound
  int calls_on_loop = 0;            ///< legacy calls made on the loop's own thread
  std::chrono::nanoseconds longest_stall{};  ///< longest the loop could not run a ready handler
};

/// The coroutines call the library straight, and the report waits for the rate with
/// `co_spawn(loop, ..., use_future).get()`, both on the loop's thread.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// The coroutines call the library through `to_thread(pool, ...)`, the report runs there too, and
/// waits for the rate with `run_sync(loop, ...)`.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// The old report called straight from a coroutine, on the loop's own thread, and nothing else:
/// what each way of waiting for the rate does there.
namespace on_the_loop {

/// What the report's caller saw.
struct outcome {
  bool completed = false;           ///< the run finished by itself within the bound
  std::string refused;              ///< the error that reached the caller, "" when none did
  std::chrono::nanoseconds run{};   ///< the whole run, any wait for the watchdog included
};

/// `co_spawn(loop, ..., use_future).get()`: it waits for itself until the watchdog steps in.
outcome pitfall(std::chrono::milliseconds bound);

/// `run_sync(loop, ...)`: it refuses at once, with an error that says why.
outcome solution(std::chrono::milliseconds bound);

}  // namespace on_the_loop

/// What each role must show: the pitfall's calls all run on the loop's thread and stall it, and
/// its run waits for itself until the watchdog; the solution's calls run elsewhere, the loop
/// stays free, and the run completes. The lesson's verdict and its tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto half_delay = std::chrono::milliseconds(scenario.delay_ms) / 2;
  if (role == lab::role::pitfall)
    return {lab::expect_yes_no("the run does not complete within the bound", "completed", seen.completed, false),
            lab::expect_equal("every legacy call runs on the loop's thread", "on loop thread", seen.calls_on_loop,
                              scenario.calls),
            lab::expect_at_least("the loop stalls for half a delay or more", "loop stalled", seen.longest_stall,
                                 half_delay)};
  return {lab::expect_yes_no("the run completes within the bound", "completed", seen.completed, true),
          lab::expect_equal("no legacy call runs on the loop's thread", "on loop thread", seen.calls_on_loop, 0),
          lab::expect_below("the loop never stalls for half a delay", "loop stalled", seen.longest_stall, half_delay)};
}

/// The lesson's theory, for its second face: C legacy calls of D ms one after another on the loop,
/// against C calls on P pool threads, P at a time: C / ceil(C/P), since a blocked call needs no core.
inline double theory_ratio(const scenario& s) { return static_cast<double>(s.calls) / rounds_of(s); }

}  // namespace lesson07
