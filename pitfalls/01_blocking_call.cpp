#include "lessons/01_blocking_call.hpp"

#include "lab/run_tasks.hpp"

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <thread>

namespace asio = boost::asio;

namespace lesson01 {
namespace {

// [handle_request]
asio::awaitable<void> handle_request(std::chrono::milliseconds delay)
{
  // Wait for the slow backend.
  std::this_thread::sleep_for(delay);
  co_return;
}
// [handle_request]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  const std::chrono::milliseconds delay(scenario.delay_ms);
  return lab::run_tasks(scenario.tasks, [=](int) { return handle_request(delay); }, with);
}

}  // namespace lesson01
