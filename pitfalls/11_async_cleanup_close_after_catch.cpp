// A fix that looks right but is not: the solution's with_connection without its
// reset_cancellation_state. It closes after a failure; in a cancelled job, the close's first
// co_await throws operation_aborted at once, and the connection stays open.

#include "lessons/11_async_cleanup.hpp"

#include "lab/client_session.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <exception>
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

// [close_after_catch]
asio::awaitable<void> give_up_after(std::chrono::milliseconds limit)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, limit);
  co_await timer.async_wait(asio::use_awaitable);
}

template <typename Body>
asio::awaitable<void> with_connection(lab::client_session& session, Body body, std::chrono::milliseconds close_limit)
{
  using asio::experimental::awaitable_operators::operator||;
  lab::connection& connection = co_await session.connect();

  // Run the body, keeping what it throws: a catch block cannot co_await.
  std::exception_ptr failure;
  try {
    co_await body(connection);
  } catch (...) {
    failure = std::current_exception();
  }

  // Say goodbye and shut the connection down, but never wait on the server for long.
  co_await (connection.close() || give_up_after(close_limit));
  if (failure) std::rethrow_exception(failure);
}
// [close_after_catch]

// [job]
asio::awaitable<void> job(lab::client_session& session, job_plan plan, std::chrono::milliseconds close_limit)
{
  const auto body = [plan](lab::connection& connection) { return work(connection, plan); };
  co_await with_connection(session, body, close_limit);
}
// [job]

}  // namespace

outcome close_after_catch(const scenario& scenario, const lab::instruments& with)
{
  const std::chrono::milliseconds delay(scenario.delay_ms);
  const auto make_job = [&](lab::client_session& session, int index) {
    return job(session, plan_of(scenario, index), close_limit_of(scenario));
  };
  return lab::run_session_jobs({.delay = delay}, scenario.jobs, make_job, with);
}

}  // namespace lesson11
