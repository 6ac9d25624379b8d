// Lesson 12's undefined face: the caller's string is destroyed before the coroutines read it.
// It runs only in a child process built with AddressSanitizer, which reports the first bad read.

#include "lab/undefined.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <cstdio>
#include <string>

namespace asio = boost::asio;

namespace {

// Connecting suspends the coroutine; a trip through the loop is enough to show it.
asio::awaitable<void> connect()
{
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

// [undefined]
asio::awaitable<void> ship(const std::string& line)
{
  co_await connect();
  std::printf("sent: %s\n", line.c_str());
}

void start_shipping(asio::io_context& loop)
{
  std::string line = "127.0.0.1 GET /orders/1 HTTP/1.1 200";
  asio::co_spawn(loop, ship(line), asio::detached);
  asio::co_spawn(loop, [line]() -> asio::awaitable<void> {
    co_await connect();
    std::printf("sent: %s\n", line.c_str());
  }(), asio::detached);
}  // Here line, and the lambda holding its copy, are destroyed; the coroutines have not read them.
// [undefined]

}  // namespace

void lab_undefined::pitfall()
{
  asio::io_context loop;
  start_shipping(loop);
  loop.run();
}
