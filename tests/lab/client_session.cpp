#include "lab/client_session.hpp"
#include "lab/open_sockets.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

// Runs `work` on a fresh loop, rethrowing what it throws.
void run(asio::awaitable<void> work)
{
  asio::io_context io;
  asio::co_spawn(io, std::move(work), [](std::exception_ptr error) {
    if (error) std::rethrow_exception(error);
  });
  io.run();
}

}  // namespace

TEST_CASE("a client session keeps a connection nobody closed until the session ends", "[lab][client_session]")
{
  lab::delay_server server(1ms);
  run([&]() -> asio::awaitable<void> {
    lab::client_session session(co_await asio::this_coro::executor, server.endpoint());
    {
      lab::connection& connection = co_await session.connect();
      co_await connection.request("ping\n");
    }
    CHECK(session.open() == 1);
    CHECK(server.open_connections_after(20ms) == 1);  // still open, however long one waits
  }());
  // The session's end closed the socket, without a goodbye.
  CHECK(server.open_connections_after(5s) == 0);
  CHECK(server.goodbyes() == 0);
  CHECK(server.answered() == 1);
}

TEST_CASE("a connection's close says goodbye and waits for the server to close its end", "[lab][client_session]")
{
  const int sockets_before = lab::open_sockets();
  lab::delay_server server(1ms);
  run([&]() -> asio::awaitable<void> {
    lab::client_session session(co_await asio::this_coro::executor, server.endpoint());
    lab::connection& connection = co_await session.connect();
    co_await connection.close();
    CHECK_FALSE(connection.is_open());
    CHECK(session.open() == 0);
  }());
  CHECK(server.goodbyes() == 1);
  CHECK(server.open_connections_after(5s) == 0);
  server.stop();
  CHECK(lab::open_sockets() == sockets_before);
}

TEST_CASE("a close after a request that was cut short reads its answer first, then says goodbye",
          "[lab][client_session]")
{
  lab::delay_server server(50ms);
  run([&]() -> asio::awaitable<void> {
    using asio::experimental::awaitable_operators::operator||;
    lab::client_session session(co_await asio::this_coro::executor, server.endpoint());
    lab::connection& connection = co_await session.connect();
    asio::steady_timer soon(co_await asio::this_coro::executor, 10ms);
    co_await (connection.request("ping\n") || soon.async_wait(asio::use_awaitable));  // cut short
    co_await connection.close();
    // Had it said goodbye at once, the late answer would have been read as the goodbye's.
    CHECK_FALSE(connection.is_open());
  }());
  CHECK(server.goodbyes() == 1);
  CHECK(server.open_connections_after(5s) == 0);
}

TEST_CASE("jobs in a session run as a group: one failure cancels the others, and each end is counted",
          "[lab][client_session]")
{
  // Job 0 fails after six answers; job 1 works on until it is cancelled; job 2 makes one request
  // and closes, long before job 0 fails.
  const auto make_job = [](lab::client_session& session, int index) -> asio::awaitable<void> {
    lab::connection& connection = co_await session.connect();
    if (index == 1)
      for (;;) co_await connection.request("ping\n");
    for (int request = 0; request < (index == 0 ? 6 : 1); ++request) co_await connection.request("ping\n");
    if (index == 0) throw std::runtime_error("job 0 failed");
    co_await connection.close();
  };
  const auto seen = lab::run_session_jobs({.delay = 20ms}, 3, make_job);
  CHECK(seen.succeeded == 1);
  CHECK(seen.failed == 1);
  CHECK(seen.cancelled == 1);
  CHECK(seen.left_open == 2);  // jobs 0 and 1 never closed theirs
  CHECK(seen.goodbyes == 1);
  CHECK(seen.open_at_end == 0);
  CHECK(seen.accepted == 3);
  CHECK(seen.wall >= 20ms);
}
