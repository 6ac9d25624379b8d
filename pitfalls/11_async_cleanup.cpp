#include "lessons/11_async_cleanup.hpp"

#include "lab/client_session.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <stdexcept>

namespace asio = boost::asio;

namespace lesson11 {
namespace {

// [work]
asio::awaitable<void> work(lab::connection& connection, job_plan plan)
{
  for (int request = 0; request < plan.requests; ++request) co_await connection.request("ping\n");
  if (!plan.fails) co_return;

  // Check the answers, which takes a moment, and find one refused.
  asio::steady_timer checking(co_await asio::this_coro::executor, plan.checking);
  co_await checking.async_wait(asio::use_awaitable);
  throw std::runtime_error("the backend's answer was refused");
}
// [work]

// [job]
asio::awaitable<void> job(lab::client_session& session, job_plan plan)
{
  lab::connection& connection = co_await session.connect();
  co_await work(connection, plan);

  // Say goodbye and shut the connection down.
  co_await connection.close();
}
// [job]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  const std::chrono::milliseconds delay(scenario.delay_ms);
  const auto make_job = [&](lab::client_session& session, int index) {
    return job(session, plan_of(scenario, index));
  };
  return lab::run_session_jobs({.delay = delay}, scenario.jobs, make_job, with);
}

}  // namespace lesson11
