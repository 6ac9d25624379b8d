#pragma once
/// \file
/// Lesson 13's contract: a blocking lock held across `co_await`.

#include "lab/expectations.hpp"
#include "lab/in_flight.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"
#include "lab/timeline.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>

/// Lesson 13: a coroutine that holds a blocking lock across `co_await` makes every other
/// coroutine that wants the lock block its whole thread. On a loop of T threads, T waiters hold
/// every thread, and the holder cannot even resume to let go (C++ Core Guidelines CP.52).
namespace lesson13 {

/// N requests arrive at once at a service whose loop T threads run. Each locks the one database
/// connection, awaits its query (W ms) and unlocks it; a request still waiting for the connection
/// at its deadline, D ms after it arrived, gives up. A heartbeat ticks on the loop every 20 ms.
struct scenario {
  int threads = 2;        ///< how many threads run the loop (T)
  int requests = 4;       ///< how many requests arrive at once (N), more than T
  int query_ms = 20;      ///< how long each query holds the connection, in ms (W)
  int deadline_ms = 300;  ///< how long a request may wait for the connection, in ms (D)
};

/// How often the heartbeat on the loop must tick: seldom enough that a busy machine's scheduling
/// delays (a few ms) do not make it miss ticks, often enough to miss many while the loop is stuck.
constexpr std::chrono::milliseconds heartbeat_period{20};

/// What the requests count as they run, from any of the loop's threads.
struct counts {
  std::atomic<int> served{0};   ///< requests whose query ran
  std::atomic<int> gave_up{0};  ///< requests that gave up waiting for the connection
  /// Threads blocked waiting for the lock: the most at the same moment.
  lab::in_flight_counter blocked_threads;
};

/// What a run observed.
struct outcome {
  std::chrono::nanoseconds wall{};           ///< from the requests' arrival to the last one's end
  std::chrono::nanoseconds longest_stall{};  ///< longest the loop could not run a ready handler
  int ticks = 0;                             ///< the heartbeat's ticks that ran
  int ticks_missed = 0;                      ///< its due times that passed without a tick
  int served = 0;                            ///< requests whose query ran
  int gave_up = 0;                           ///< requests that gave up at their deadline
  int most_threads_blocked = 0;              ///< the most loop threads blocked on the lock at once
};

/// Each request locks a `std::binary_semaphore` (which any thread may release), awaits its
/// query, and releases it: the lock is held across `co_await`, and waiting for it blocks the thread.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// Each request locks an asynchronous lock, a channel with room for one message: waiting for it
/// suspends the request and leaves its thread to the loop.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// The heartbeat's due times in a run: the ticks that ran and those that were missed.
inline int ticks_due(const outcome& seen) { return seen.ticks + seen.ticks_missed; }

/// What each role must show. The pitfall blocks every thread of the loop, serves only the first
/// request (the others give up at their deadline), stalls the loop for half the deadline or
/// more, and its heartbeat misses most of its ticks. The solution blocks no thread, serves every
/// request, never stalls the loop that long, and its heartbeat keeps most of its ticks. The
/// lesson's verdict and its tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto half_deadline = std::chrono::milliseconds(scenario.deadline_ms) / 2;
  const bool most_missed = 2 * seen.ticks_missed > ticks_due(seen);
  const auto missed = fmt::format("ticks missed: {} of {}", seen.ticks_missed, ticks_due(seen));
  if (role == lab::role::pitfall)
    return {lab::expect_equal("every thread of the loop blocks on the lock", "threads blocked",
                              seen.most_threads_blocked, scenario.threads),
            lab::expect_equal("only the first request is served", "served", seen.served, 1),
            lab::expect_at_least("the loop stalls for half the deadline or more", "loop stalled", seen.longest_stall,
                                 half_deadline),
            lab::expectation{"the heartbeat misses most of its ticks", most_missed,
                             missed + ", expected more than half"}};
  return {lab::expect_equal("no thread blocks on the lock", "threads blocked", seen.most_threads_blocked, 0),
          lab::expect_equal("every request is served", "served", seen.served, scenario.requests),
          lab::expect_below("the loop never stalls for half the deadline", "loop stalled", seen.longest_stall,
                            half_deadline),
          lab::expectation{"the heartbeat keeps most of its ticks", !most_missed, missed + ", expected at most half"}};
}

/// The lesson's theory: the pitfall's waiters hold every thread until their deadline, so it
/// takes D; the solution runs the N queries one after another, N x W. The verdict and the
/// benchmark both call it.
inline double theory_ratio(const scenario& s)
{
  return static_cast<double>(s.deadline_ms) / (static_cast<double>(s.requests) * s.query_ms);
}

/// The outcome of a run: the loop's numbers from `run` (a `lab::heartbeat_tasks_outcome`), the
/// requests' from `seen`.
template <typename Run>
outcome outcome_of(const Run& run, const counts& seen)
{
  return {.wall = run.wall, .longest_stall = run.longest_stall, .ticks = run.ticks, .ticks_missed = run.ticks_missed,
          .served = seen.served, .gave_up = seen.gave_up, .most_threads_blocked = seen.blocked_threads.most()};
}

}  // namespace lesson13
