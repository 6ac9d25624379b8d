#include "lessons/00_hello_concurrency.hpp"

#include "lab/task_watch.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <exception>

namespace asio = boost::asio;

namespace lesson00 {
namespace {

// [say]
asio::awaitable<void> say_hello(std::chrono::milliseconds delay, lab::task_watch& watch)
{
  auto watching = watch.start(0);
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
}

asio::awaitable<void> say_world(std::chrono::milliseconds delay, lab::task_watch& watch)
{
  auto watching = watch.start(1);
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
}
// [say]

// [hello_world]
asio::awaitable<void> hello_world(std::chrono::milliseconds delay, lab::task_watch& watch)
{
  // Wait for hello to finish, then for world.
  co_await say_hello(delay, watch);
  co_await say_world(delay, watch);
}
// [hello_world]

}  // namespace

// [main]
outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  asio::io_context io;
  lab::task_watch watch(with);
  const std::chrono::milliseconds delay(scenario.delay_ms);

  // Hand the coroutine to the loop; nothing runs until io.run().
  asio::co_spawn(io, hello_world(delay, watch), [](std::exception_ptr error) {
    if (error) std::rethrow_exception(error);
  });

  // Run the loop until no work is left.
  const auto start = lab::clock::now();
  io.run();
  return {.wall = lab::clock::now() - start, .most_in_flight = watch.most_in_flight()};
}
// [main]

}  // namespace lesson00
