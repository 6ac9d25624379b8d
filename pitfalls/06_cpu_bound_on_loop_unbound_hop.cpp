// A hop that looks right and is not: `co_await asio::post(pool, asio::use_awaitable)` runs an
// empty handler on the pool, then resumes the coroutine where use_awaitable's handler belongs:
// on the coroutine's own executor, the loop. The work after it still runs on the loop's thread.

#include "lessons/06_cpu_bound_on_loop.hpp"

#include "lab/heartbeat.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace asio = boost::asio;

namespace lesson06 {
namespace {

// [unbound_hop]
asio::awaitable<void> handle_request(int request, long long rounds, asio::thread_pool& pool, work_log& log)
{
  // Post to the pool, meaning to continue there.
  co_await asio::post(pool, asio::use_awaitable);

  // Compute the answer: processor work, with nothing to wait for.
  log.record(crunch(static_cast<std::uint64_t>(request), rounds));
}
// [unbound_hop]

}  // namespace

outcome pitfall_unbound_hop(const scenario& scenario, const lab::instruments& with)
{
  const long long rounds = rounds_of(scenario);
  work_log log;
  asio::thread_pool pool(static_cast<std::size_t>(cores()));
  const auto run = lab::run_tasks_with_heartbeat(
      scenario.requests, [&](int request) { return handle_request(request, rounds, pool, log); }, heartbeat_period,
      with);
  return log.outcome_of(run);
}

}  // namespace lesson06
