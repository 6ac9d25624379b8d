#pragma once
/// \file
/// Lesson 11's contract: a connection that is never closed gracefully.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"
#include "lab/session_jobs_outcome.hpp"

#include <chrono>
#include <string>

/// Lesson 11: a graceful close written at the end of the happy path never runs when the job
/// fails or is cancelled, and its connection stays open; C++ has no `async with`.
namespace lesson11 {

/// J jobs run in one group and one client session against a server that holds each request for
/// D milliseconds. Job 0 fails after its eighth answer, which cancels the jobs still working: jobs
/// 1 to S are slow (a long series of requests), the others make one request each and are done
/// long before.
struct scenario {
  int jobs = 8;        ///< how many jobs run in the group
  int slow = 3;        ///< how many of them are still working when job 0 fails
  int delay_ms = 20;   ///< how long the server holds each request, and each goodbye
};

/// How many answers job 0 gets before it fails.
inline constexpr int failing_requests = 8;
/// How many requests a slow job would make: far more than it has time for.
inline constexpr int slow_requests = 80;

/// What one job does.
struct job_plan {
  int requests = 1;  ///< how many requests it makes, one after the other
  /// Whether it then checks the answers, for half a delay, and fails. The half puts the failure,
  /// and so the cancellation, between two of the slow jobs' answers, never at one.
  bool fails = false;
  std::chrono::milliseconds checking{};  ///< how long the check takes
};

/// What job `index` does: job 0 fails, jobs 1 to S are slow, the others make one request.
inline job_plan plan_of(const scenario& scenario, int index)
{
  const std::chrono::milliseconds delay(scenario.delay_ms);
  if (index == 0) return {.requests = failing_requests, .fails = true, .checking = delay / 2};
  return {.requests = index <= scenario.slow ? slow_requests : 1};
}

/// How long the solution lets one close take: its two round trips (the answer cut short, the
/// goodbye's) and a second more, so that only a server that stopped answering reaches it.
inline std::chrono::milliseconds close_limit_of(const scenario& scenario)
{
  return 2 * std::chrono::milliseconds(scenario.delay_ms) + std::chrono::seconds(1);
}

/// What a run observed: how the jobs ended, and what the server saw of their connections.
using outcome = lab::session_jobs_outcome;

/// Each job closes its connection at the end of its happy path: `co_await connection.close()`
/// after the work.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// Each job runs its work inside `with_connection(session, body)`, which runs the close whatever
/// way the body ends: returned, threw, or cancelled.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// A fix that looks right but is not: the close follows a `catch (...)` that keeps the error,
/// without clearing the coroutine's cancellation state first. It closes after a failure, but in a
/// cancelled job its first `co_await` throws `operation_aborted` at once.
outcome close_after_catch(const scenario& scenario, const lab::instruments& with = {});

/// What each role must show: in the pitfall every job that failed or was cancelled leaves its
/// connection open until the session ends, and only the jobs that succeeded say goodbye; in the
/// solution no connection is left open and every job says goodbye. In both, one job fails, the
/// slow ones are cancelled, and the session's end leaves nothing open. The lesson's verdict and
/// its tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto ended = lab::expectation{
      "job 0 fails and the slow jobs are cancelled", seen.failed == 1 && seen.cancelled == scenario.slow,
      "failed: " + std::to_string(seen.failed) + ", cancelled: " + std::to_string(seen.cancelled) +
          " (expected 1 and " + std::to_string(scenario.slow) + ")"};
  const auto at_end =
      lab::expect_equal("the session's end closes every socket", "open at end", seen.open_at_end, 0);
  if (role == lab::role::pitfall)
    return {ended,
            lab::expect_equal("every failed or cancelled job leaves its connection open", "left open", seen.left_open,
                              seen.failed + seen.cancelled),
            lab::expect_equal("only the jobs that succeeded say goodbye", "goodbyes", seen.goodbyes, seen.succeeded),
            at_end};
  return {ended, lab::expect_equal("no connection is left open", "left open", seen.left_open, 0),
          lab::expect_equal("every job says goodbye", "goodbyes", seen.goodbyes, scenario.jobs), at_end};
}

/// What the fix costs, in delays: the pitfall ends when job 0 fails, after its answers and half a
/// delay of checking; the solution then says job 0's goodbye (a delay), and the cancelled jobs
/// wait for the answer in flight (half a delay) and say theirs (a delay): 2.5 delays more.
inline double theory_ratio(const scenario&)
{
  const double failure = failing_requests + 0.5;
  return failure / (failure + 2.5);
}

}  // namespace lesson11
