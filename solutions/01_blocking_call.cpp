#include "lessons/01_blocking_call.hpp"

#include "lab/run_tasks.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>

namespace asio = boost::asio;

namespace lesson01 {
namespace {

// [handle_request]
asio::awaitable<void> handle_request(std::chrono::milliseconds delay)
{
  // Wait for the slow backend, and let the loop run other tasks meanwhile.
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
}
// [handle_request]

}  // namespace

outcome solution(const scenario& scenario, const lab::instruments& with)
{
  const std::chrono::milliseconds delay(scenario.delay_ms);
  return lab::run_tasks(scenario.tasks, [=](int) { return handle_request(delay); }, with);
}

}  // namespace lesson01
