// Lesson 13's undefined face, fixed: an asynchronous lock, a channel with room for one message,
// which any thread may lock and unlock. The request may resume on another thread: nothing is
// undefined, and ThreadSanitizer stays silent.

#include "lab/undefined.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <thread>

namespace asio = boost::asio;

namespace {

using connection_lock = asio::experimental::concurrent_channel<void(boost::system::error_code)>;

// [handle_request]
asio::awaitable<void> handle_request(connection_lock& connection)
{
  // Lock the connection, run the query, and unlock.
  co_await connection.async_send(boost::system::error_code{}, asio::use_awaitable);
  asio::steady_timer query(co_await asio::this_coro::executor, std::chrono::milliseconds(10));
  co_await query.async_wait(asio::use_awaitable);
  connection.try_receive([](boost::system::error_code) {});
}
// [handle_request]

}  // namespace

void lab_undefined::solution()
{
  asio::io_context loop;
  connection_lock connection(loop, 1);
  asio::co_spawn(loop, handle_request(connection), asio::detached);

  // Any of the loop's threads may resume the request: here one starts it, another resumes it.
  std::thread([&] { loop.run_one(); }).join();
  std::thread([&] { loop.run(); }).join();
}
