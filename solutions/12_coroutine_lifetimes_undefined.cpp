// Lesson 12's undefined face, fixed: each coroutine owns a copy of the line in its own frame, so
// the caller's string may be destroyed at once. AddressSanitizer has nothing to report.

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
// The line is taken by value, and the lambda takes it as a parameter, not a capture: a parameter
// is copied into the coroutine's frame, a capture stays in the lambda.
asio::awaitable<void> ship(std::string line)
{
  co_await connect();
  std::printf("sent: %s\n", line.c_str());
}

void start_shipping(asio::io_context& loop)
{
  std::string line = "127.0.0.1 GET /orders/1 HTTP/1.1 200";
  asio::co_spawn(loop, ship(line), asio::detached);
  asio::co_spawn(loop, [](std::string copy) -> asio::awaitable<void> {
    co_await connect();
    std::printf("sent: %s\n", copy.c_str());
  }(line), asio::detached);
}  // Here line, and the lambda, are destroyed; each coroutine has its own copy.
// [undefined]

}  // namespace

void lab_undefined::solution()
{
  asio::io_context loop;
  start_shipping(loop);
  loop.run();
}
