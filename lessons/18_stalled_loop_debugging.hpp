#pragma once
/// \file
/// Lesson 18's contract: a stall nobody can see in plain logs, found with the debug mode.

#include "lab/debug/mode.hpp"
#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/latencies.hpp"
#include "lab/lesson.hpp"
#include "lab/report.hpp"
#include "lab/tasks_outcome.hpp"

#include <chrono>
#include <string>
#include <vector>

/// Lesson 18: a helper deep in a service blocks the loop now and then; the debug mode names it.
namespace lesson18 {

/// A shop's service: requests arrive one every 20 ms; each asks a backend (10 ms) and records
/// the sale in an audit log, which writes every fourth sale to disk. A heartbeat ticks every
/// 10 ms on the same loop.
struct scenario {
  int requests = 12;     ///< how many requests arrive
  int flush_ms = 200;    ///< how long writing the audit log to disk takes
  bool print_log = true; ///< the service's log on standard error (the lesson's run); tests keep it quiet
};

/// Requests arrive this far apart.
inline constexpr std::chrono::milliseconds arrival_gap{20};
/// The backend answers after this long.
inline constexpr std::chrono::milliseconds backend_takes{10};
/// The audit log goes to disk every this many sales.
inline constexpr int sales_per_flush = 4;
/// The heartbeat's period.
inline constexpr std::chrono::milliseconds heartbeat_period{10};

/// What a run observed: the service's own numbers, and what the debug mode found.
struct outcome {
  std::chrono::nanoseconds wall{};           ///< from the first request's arrival to the last one's answer
  int served = 0;                            ///< requests answered
  int beats_missed = 0;                      ///< the heartbeat's due times that passed without a tick
  std::chrono::nanoseconds longest_stall{};  ///< the lag probe's maximum: the longest the loop froze
  std::chrono::nanoseconds p99{};            ///< the tail latency, from a request's arrival to its answer
  std::vector<lab::debug::finding> slow;     ///< the debug mode's slow-handler findings
  std::vector<std::string> log;              ///< the service's log, line by line
};

/// The service with a blocking disk write in its audit log, and plain log lines.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// The same service with the disk write handed to a thread of its own, and structured log lines:
/// time, task, loop lag.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// The outcome of a run, from the task runner's numbers, the heartbeat's misses, each request's
/// latency, the debug session's findings and the log.
inline outcome outcome_of(const lab::tasks_outcome& run, int beats_missed, const lab::latencies& took,
                          const std::vector<lab::debug::finding>& found, std::vector<std::string> log)
{
  return {.wall = run.wall,
          .served = took.count(),
          .beats_missed = beats_missed,
          .longest_stall = run.longest_stall,
          .p99 = took.percentile(99),
          .slow = lab::debug::of_kind(found, lab::debug::kind::slow_handler),
          .log = std::move(log)};
}

/// The function the debug report names first ("" when it names none): "flush_to_disk".
inline std::string culprit_of(const outcome& seen)
{
  if (seen.slow.empty()) return {};
  const auto& where = seen.slow.front().where;
  return where.substr(0, where.find(" ("));
}

/// How many slow-handler findings name a function of this lesson's own code.
inline int named_in_service(const outcome& seen)
{
  int named = 0;
  for (const auto& found : seen.slow)
    if (found.where.find("18_stalled_loop_debugging.cpp") != std::string::npos) ++named;
  return named;
}

/// What each role must show: in the pitfall the loop freezes, the tail latency grows, and the
/// debug report names the helper that blocks; in the solution the loop runs on and the report
/// names none of the service's functions. The verdict and the tests judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto half_flush = std::chrono::milliseconds(scenario.flush_ms) / 2;
  if (role == lab::role::pitfall)
    return {lab::expect_yes_no("the debug report names flush_to_disk", "culprit flush_to_disk",
                               culprit_of(seen) == "flush_to_disk", true),
            lab::expect_at_least("the loop lags half a flush or more", "loop lag, max", seen.longest_stall, half_flush),
            lab::expect_at_least("the tail latency reaches half a flush", "p99 latency", seen.p99, half_flush)};
  return {lab::expect_equal("the debug report names none of the service's functions", "named in the service",
                            named_in_service(seen), 0),
          lab::expect_below("the loop never lags half a flush", "loop lag, max", seen.longest_stall, half_flush),
          lab::expect_below("the tail latency stays below half a flush", "p99 latency", seen.p99, half_flush)};
}

/// What the verdict table shows of a run.
inline std::vector<lab::observation> observations(const outcome& seen, const scenario& scenario)
{
  const auto culprit = culprit_of(seen);
  return {lab::count_of("slow_handlers", "slow handlers", static_cast<long long>(seen.slow.size())),
          lab::observation{.key = "culprit", .label = "named", .text = culprit.empty() ? "none" : culprit,
                           .value = culprit.empty() ? 0.0 : 1.0},
          lab::count_of("served", "served", seen.served, scenario.requests),
          lab::count_of("beats_missed", "beats missed", seen.beats_missed),
          lab::duration_of("longest_stall_seconds", "loop lag, max", seen.longest_stall),
          lab::duration_of("p99_seconds", "p99 latency", seen.p99)};
}

}  // namespace lesson18
