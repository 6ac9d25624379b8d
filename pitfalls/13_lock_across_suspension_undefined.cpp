// Lesson 13's undefined face: a std::mutex, locked with std::lock_guard, held across co_await on a
// loop that more than one thread runs. The request locks on one thread and is resumed, and
// unlocks, on another: undefined behaviour, which ThreadSanitizer reports.

#include "lab/undefined.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <mutex>
#include <thread>

namespace asio = boost::asio;

namespace {

// [handle_request]
asio::awaitable<void> handle_request(std::mutex& connection)
{
  // Lock the connection, run the query, and unlock when the request ends.
  const std::lock_guard g(connection);
  asio::steady_timer query(co_await asio::this_coro::executor, std::chrono::milliseconds(10));
  co_await query.async_wait(asio::use_awaitable);
}
// [handle_request]

}  // namespace

void lab_undefined::pitfall()
{
  asio::io_context loop;
  std::mutex connection;
  asio::co_spawn(loop, handle_request(connection), asio::detached);

  // Any of the loop's threads may resume the request: here one starts it, another resumes it.
  std::thread([&] { loop.run_one(); }).join();
  std::thread([&] { loop.run(); }).join();
}
