#include "lab/lag_probe.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <thread>

namespace asio = boost::asio;
using namespace std::chrono_literals;

TEST_CASE("the lag probe sees a handler that blocks the loop", "[lab][lag_probe]")
{
  asio::io_context io;
  lab::timeline recorded("blocked");
  lab::lag_probe probe(io.get_executor(), 1ms, &recorded);
  asio::co_spawn(io, probe.run(), asio::detached);
  asio::post(io, [&] {
    std::this_thread::sleep_for(100ms);
    asio::post(io, [&] { probe.stop(); });
  });
  io.run();

  // The first tick was due 1 ms after the probe started and could run only after the sleep.
  CHECK(probe.longest_stall() >= 50ms);
  const auto spans = recorded.spans();
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].kind == lab::span_kind::stall);
  CHECK(spans[0].end - spans[0].start >= 50ms);
}

TEST_CASE("the lag probe sees no stall while the loop only waits", "[lab][lag_probe]")
{
  asio::io_context io;
  lab::lag_probe probe(io.get_executor(), 1ms);
  asio::co_spawn(io, probe.run(), asio::detached);
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        asio::steady_timer timer(io, 50ms);
        co_await timer.async_wait(asio::use_awaitable);
        probe.stop();
      },
      asio::detached);
  io.run();

  CHECK(probe.ticks() >= 1);
  CHECK(probe.longest_stall() < 25ms);
}

TEST_CASE("stopping the lag probe before it ever ran ends it at once", "[lab][lag_probe]")
{
  asio::io_context io;
  lab::lag_probe probe(io.get_executor(), 1h);
  asio::co_spawn(io, probe.run(), asio::detached);
  probe.stop();
  io.run();  // would wait an hour if stop() were lost
  CHECK(probe.ticks() == 0);
}
