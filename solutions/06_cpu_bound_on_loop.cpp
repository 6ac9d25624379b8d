#include "lessons/06_cpu_bound_on_loop.hpp"

#include "lab/heartbeat.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace asio = boost::asio;

namespace lesson06 {
namespace {

// [handle_request]
asio::awaitable<void> handle_request(int request, long long rounds, asio::thread_pool& pool, work_log& log)
{
  const auto loop = co_await asio::this_coro::executor;

  // Hop onto the pool: the coroutine resumes on one of its threads.
  co_await asio::post(asio::bind_executor(pool, asio::use_awaitable));

  // Compute the answer: processor work, with nothing to wait for.
  log.record(crunch(static_cast<std::uint64_t>(request), rounds));

  // Hop back onto the loop for the rest of the request.
  co_await asio::post(loop, asio::use_awaitable);
}
// [handle_request]

}  // namespace

outcome solution(const scenario& scenario, const lab::instruments& with)
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
