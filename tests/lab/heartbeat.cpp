#include "lab/heartbeat.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <thread>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

asio::awaitable<void> wait_for(std::chrono::milliseconds delay)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
}

asio::awaitable<void> block_for(std::chrono::milliseconds delay)
{
  std::this_thread::sleep_for(delay);
  co_return;
}

}  // namespace

TEST_CASE("the heartbeat counts every tick due while a handler blocks the loop as missed", "[lab][heartbeat]")
{
  asio::io_context io;
  lab::heartbeat beat(io.get_executor(), 5ms);
  asio::co_spawn(io, beat.run(), asio::detached);
  asio::post(io, [&] {
    std::this_thread::sleep_for(100ms);
    asio::post(io, [&] { beat.stop(); });
  });
  io.run();

  // sleep_for never returns early: at least 19 ticks fell due during it, and none could run.
  CHECK(beat.ticks() <= 1);
  CHECK(beat.missed() >= 19);
}

TEST_CASE("the heartbeat ticks while the loop only waits", "[lab][heartbeat]")
{
  asio::io_context io;
  lab::heartbeat beat(io.get_executor(), 5ms);
  asio::co_spawn(io, beat.run(), asio::detached);
  asio::co_spawn(io, wait_for(100ms), [&](std::exception_ptr) { beat.stop(); });
  io.run();

  // About 20 due times; a busy machine may delay a few, never all.
  CHECK(beat.ticks() >= 5);
  CHECK(beat.ticks() + beat.missed() >= 19);
}

TEST_CASE("run_tasks_with_heartbeat runs the tasks as run_tasks does, the heartbeat beside them", "[lab][heartbeat]")
{
  const auto outcome = lab::run_tasks_with_heartbeat(10, [](int) { return wait_for(50ms); }, 5ms);
  CHECK(outcome.most_in_flight == 10);
  CHECK(outcome.ticks >= 3);
  CHECK(outcome.wall >= 50ms);
}

TEST_CASE("run_tasks_with_heartbeat's heartbeat misses the ticks due while tasks block", "[lab][heartbeat]")
{
  const auto outcome = lab::run_tasks_with_heartbeat(2, [](int) { return block_for(50ms); }, 5ms);
  CHECK(outcome.most_in_flight == 1);
  CHECK(outcome.ticks_missed >= 19);
  CHECK(outcome.longest_stall >= 50ms);
}
