// The pitfall's second face: more coroutines, and no more threads. Each request computes in
// slices of about a millisecond and lets the loop run between two, so the requests take turns
// slice by slice and all are in flight at once; but the loop's one thread still does all the work.

#include "lessons/06_cpu_bound_on_loop.hpp"

#include "lab/heartbeat.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace asio = boost::asio;

namespace lesson06 {
namespace {

// [handle_request_interleaved]
asio::awaitable<void> handle_request(int request, long long rounds, long long slice, work_log& log)
{
  const auto loop = co_await asio::this_coro::executor;

  // Compute the answer a slice at a time, letting the other requests run between two.
  auto answer = static_cast<std::uint64_t>(request);
  for (long long done = 0; done < rounds; done += slice) {
    answer = crunch(answer, std::min(slice, rounds - done));
    co_await asio::post(loop, asio::use_awaitable);
  }
  log.record(answer);
}
// [handle_request_interleaved]

}  // namespace

outcome pitfall_interleaved(const scenario& scenario, const lab::instruments& with)
{
  const long long rounds = rounds_of(scenario);
  const long long slice = rounds_of({.requests = 1, .work_ms = 1});
  work_log log;
  const auto run = lab::run_tasks_with_heartbeat(
      scenario.requests, [&](int request) { return handle_request(request, rounds, slice, log); },
      heartbeat_period, with);
  return log.outcome_of(run);
}

}  // namespace lesson06
