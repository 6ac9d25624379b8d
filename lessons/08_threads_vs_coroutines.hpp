#pragma once
/// \file
/// Lesson 08's contract: scalable, in bytes and microseconds.

#include "lab/expectations.hpp"
#include "lab/footprint.hpp"
#include "lab/format.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"

#include <fmt/format.h>

#include <chrono>
#include <string>

/// Lesson 08: one thread per waiting task costs a stack and a thread start each; one coroutine per
/// task costs a frame.
namespace lesson08 {

/// N requests each wait D milliseconds for a slow backend, all at once.
struct scenario {
  int tasks = 1000;    ///< how many requests wait at once (N)
  int delay_ms = 100;  ///< how long each one waits (D)
};

/// The most threads the pitfall may start: a few thousand is what a laptop, a login's process
/// limit (`ulimit -u`) or a container's (`pids.max`, often 4096 or less) safely allows.
constexpr int most_threads = 5000;

/// What a run observed: its wall time, the time to start every task, the threads and the
/// resident memory while they all wait, and how many finished.
using outcome = lab::footprint;

/// What is wrong with the scenario when the pitfall runs ("" when nothing is): it starts a thread
/// per request, at most `most_threads`, and each must start before the first one's wait ends, so
/// that they all wait at once. `--only solution` takes more.
inline std::string refusal_for_pitfall(const scenario& s)
{
  if (s.tasks > most_threads)
    return fmt::format("--tasks must be at most {} when the pitfall runs, one thread each (got {}; "
                       "--only solution takes more)", most_threads, s.tasks);
  if (s.delay_ms * 10 < s.tasks)
    return fmt::format("--delay-ms must be at least --tasks / 10 when the pitfall runs, so that every "
                       "thread starts before the first ends (got {} for {} tasks)", s.delay_ms, s.tasks);
  return {};
}

/// One `std::thread` per request, which blocks in `std::this_thread::sleep_for`.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// One coroutine per request, all on one thread, each waiting on an `asio::steady_timer`.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// Where the memory of one request is judged: at a page (4 KiB), the unit in which a thread's
/// stack becomes resident memory. Sanitizers add to every byte the program touches
/// (AddressSanitizer's redzones and quarantine, ThreadSanitizer's shadow, several bytes per byte),
/// so their builds judge at four and at eight pages: under AddressSanitizer a waiting coroutine
/// comes close to two pages, and a waiting thread several times four.
#if defined(__SANITIZE_THREAD__)
constexpr long long page_bytes = 8 * 4096;
#elif defined(__SANITIZE_ADDRESS__)
constexpr long long page_bytes = 4 * 4096;
#else
constexpr long long page_bytes = 4096;
#endif

/// What each role must show: every request finishes in both; the pitfall adds a thread for each
/// request still waiting once all have started (every one, unless threads start slower than
/// requests end, as under ThreadSanitizer) and holds a page or more of memory for each, the
/// solution adds no thread and holds less than a page per request. The lesson's verdict and its
/// tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto bytes = static_cast<long long>(seen.bytes_per_task());
  const auto every_task = lab::expect_equal("every request finishes", "finished", seen.finished, scenario.tasks);
  if (role == lab::role::pitfall)
    return {every_task,
            {"each waiting request holds a thread of its own", seen.waiting > 0 && seen.threads_added() >= seen.waiting,
             fmt::format("{} threads added for {} waiting requests", seen.threads_added(), seen.waiting)},
            {"each request holds a page of memory or more", bytes >= page_bytes,
             fmt::format("{} bytes per request, expected at least {}", bytes, page_bytes)}};
  return {every_task,
          lab::expect_equal("the requests share one thread", "threads added", seen.threads_added(), 0),
          {"each request holds less than a page of memory", bytes < page_bytes,
           fmt::format("{} bytes per request, expected less than {}", bytes, page_bytes)}};
}

/// The lesson's theory: every request waits at the same time as the others, so a run lasts the
/// time it takes to start every request (S: the last one begins its wait only then) and one wait
/// (W: D, and waking up when it ends). The solution's run measures both, S_coroutine and W, as
/// its wall time; the pitfall's requests wait the same and take S_thread to start, so the pitfall
/// should last the solution's wall time plus what starting costs it more:
/// (S_thread + W) / (S_coroutine + W). Joining the finished threads comes after the last request
/// has ended and is not counted. The verdict and the benchmark both call it.
inline double theory_ratio(std::chrono::nanoseconds thread_start, const outcome& solution)
{
  const auto wait = solution.wall - solution.start;
  return static_cast<double>((thread_start + wait).count()) / static_cast<double>(solution.wall.count());
}

}  // namespace lesson08
