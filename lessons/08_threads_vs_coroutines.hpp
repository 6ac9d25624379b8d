#pragma once
/// \file
/// Lesson 08's contract: scalable, in bytes and microseconds.

#include "lab/expectations.hpp"
#include "lab/footprint.hpp"
#include "lab/format.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"
#include "lab/processor_time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <string>
#include <utility>

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

/// What a run observed: wall and processor time, the time to start every task, the threads and
/// the resident memory while they all wait, and how many finished.
using outcome = lab::footprint;

/// One `std::thread` per request, which blocks in `std::this_thread::sleep_for`.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// One coroutine per request, all on one thread, each waiting on an `asio::steady_timer`.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// Where the memory of one request is judged: at a page (4 KiB), the unit in which a thread's
/// stack becomes resident memory. Sanitizers add to every byte the program touches
/// (AddressSanitizer's redzones and quarantine, ThreadSanitizer's shadow, several bytes per byte),
/// so their builds judge at two and at eight pages.
#if defined(__SANITIZE_THREAD__)
constexpr long long page_bytes = 8 * 4096;
#elif defined(__SANITIZE_ADDRESS__)
constexpr long long page_bytes = 2 * 4096;
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

/// The processor time one request costs the thread that serves it, from its start to its end:
/// the middle of three runs of `run` (the lesson's pitfall or solution) on `s`, divided by its
/// requests. The wait itself costs none, as a blocked thread or as a suspended coroutine; what
/// is left is starting the request, arming its wait, seeing it end and cleaning up after it.
/// The middle run, not the fastest: starting thousands of threads varies from run to run, and a
/// benchmark compares medians.
template <typename Run>
std::chrono::duration<double, std::nano> processor_per_request(Run run, const scenario& s)
{
  std::array<std::chrono::duration<double, std::nano>, 3> runs;
  for (auto& each : runs) each = run(s, lab::instruments::off()).processor;
  std::sort(runs.begin(), runs.end());
  return runs[1] / s.tasks;
}

/// The lesson's theory: the two versions' processor times compare as what one request costs in
/// each, measured in this run, before the lesson's own runs, at N and D (at most `most_threads`
/// threads): once per scenario, when first needed.
struct theory_of {
  using ns = std::chrono::duration<double, std::nano>;  ///< nanoseconds, with fractions

  /// One request on a thread of its own: the thread's start, its wait, its join.
  static ns thread(const scenario& s)
  {
    const scenario capped{.tasks = std::min(s.tasks, most_threads), .delay_ms = s.delay_ms};
    return lab::measured_once(std::pair{capped.tasks, capped.delay_ms},
                              [&](auto) { return processor_per_request(pitfall, capped); });
  }
  /// One request as a coroutine: its `co_spawn`, its timer, its end.
  static ns coroutine(const scenario& s)
  {
    return lab::measured_once(std::pair{s.tasks, s.delay_ms},
                              [&](auto) { return processor_per_request(solution, s); });
  }
  /// How many times the solution's processor time the pitfall's should be.
  static double ratio(const scenario& s) { return thread(s) / coroutine(s); }
};

}  // namespace lesson08
