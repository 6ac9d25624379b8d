#include "lessons/08_threads_vs_coroutines.hpp"

#include "lab/run_coroutine_per_task.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>

namespace asio = boost::asio;

namespace lesson08 {
namespace {

// [handle_request]
asio::awaitable<void> handle_request(std::chrono::milliseconds delay)
{
  // Wait for the slow backend: this request's coroutine suspends until it answers.
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
}
// [handle_request]

}  // namespace

// [serve]
outcome solution(const scenario& scenario, const lab::instruments& with)
{
  // One coroutine per request, all on this thread.
  const std::chrono::milliseconds delay(scenario.delay_ms);
  return lab::run_coroutine_per_task(scenario.tasks, [=](int) { return handle_request(delay); }, with);
}
// [serve]

}  // namespace lesson08
