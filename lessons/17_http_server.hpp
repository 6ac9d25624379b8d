#pragma once
/// \file
/// Lesson 17's contract: an HTTP handler that makes a blocking call.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"
#include "lab/serve.hpp"

#include <algorithm>
#include <chrono>

/// Lesson 17: a blocking call inside an asynchronous HTTP handler stalls the server's loop, and
/// with it every other request, however cheap.
namespace lesson17 {

/// An HTTP server on one loop: `/health` answers at once, `/report` asks a synchronous database
/// client, which blocks its thread for D ms. R clients ask for reports back to back while one
/// more checks `/health` H times, pausing 10 ms between checks.
struct scenario {
  int report_ms = 50;  ///< how long the database call blocks its thread (D)
  int reporters = 2;   ///< clients asking for reports back to back (R)
  int checks = 20;     ///< health checks, one after another (H)
};

/// A health check slower than this waited for a report: half of D.
constexpr std::chrono::nanoseconds slow_check(const scenario& s) { return std::chrono::milliseconds(s.report_ms) / 2; }

/// What a run observed, on the client's side and on the server's.
struct outcome {
  std::chrono::nanoseconds wall{};           ///< from the server's start to its end
  std::chrono::nanoseconds health_p50{};     ///< the median health check, as the client timed it
  std::chrono::nanoseconds health_p99{};     ///< the 99th percentile of the same
  int slow_checks = 0;                       ///< health checks slower than half a report
  int reports = 0;                           ///< reports answered while the checks ran
  int reports_on_loop = 0;                   ///< database calls made on the server loop's thread
  std::chrono::nanoseconds longest_stall{};  ///< longest the server's loop could not run a ready handler
};

/// The `/report` handler calls the database client straight from the coroutine.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// The `/report` handler runs the database call on a thread pool and awaits it.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// `--serve pitfall`: the pitfall's server alone, for curl, a browser or wrk, until Ctrl-C or the
/// duration. An overload of the entry point, so that an exercise's copy, renamed, serves too.
void pitfall(const scenario& scenario, const lab::serve_options& options);

/// `--serve solution`: the solution's server alone.
void solution(const scenario& scenario, const lab::serve_options& options);

/// What each role must show: the pitfall's database calls run on the loop's thread, stall it, and
/// hold up a health check for half a report or more; the solution's run elsewhere, and no check
/// waits that long. The verdict and the tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto half_report = slow_check(scenario);
  if (role == lab::role::pitfall)
    return {lab::expect_equal("every report runs on the loop's thread", "on loop thread", seen.reports_on_loop,
                              seen.reports),
            lab::expect_at_least("the loop stalls for half a report or more", "loop stalled", seen.longest_stall,
                                 half_report),
            lab::expect_at_least("a health check waits half a report or more", "health p99", seen.health_p99,
                                 half_report)};
  return {lab::expect_equal("no report runs on the loop's thread", "on loop thread", seen.reports_on_loop, 0),
          lab::expect_below("the loop never stalls for half a report", "loop stalled", seen.longest_stall, half_report),
          lab::expect_below("no health check waits half a report", "health p99", seen.health_p99, half_report)};
}

}  // namespace lesson17
