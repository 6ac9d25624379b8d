#include "lab/run_watched.hpp"

#include <catch2/catch.hpp>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

#include <stdexcept>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

asio::awaitable<int> rate_after(std::chrono::milliseconds delay)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
  co_return 7;
}

// Waits on the loop from the loop's own thread: without the watchdog, it would never return.
asio::awaitable<int> wait_for_itself(asio::io_context& loop)
{
  co_return asio::co_spawn(loop, rate_after(1ms), asio::use_future).get();
}

asio::awaitable<void> throw_at_once() { throw std::runtime_error("refused"); co_return; }

}  // namespace

TEST_CASE("a watched run that finishes in time completes within its bound", "[lab][run_watched]")
{
  const auto run = lab::run_watched([](asio::io_context&) { return rate_after(5ms); }, 2s);
  CHECK(run.completed_in_bound);
  CHECK(run.value == 7);
  CHECK(run.wall >= 5ms);
  CHECK(run.wall < 2s);
}

TEST_CASE("a run that waits for itself is released by the watchdog after the bound", "[lab][run_watched]")
{
  const auto run = lab::run_watched([](asio::io_context& loop) { return wait_for_itself(loop); }, 100ms);
  CHECK_FALSE(run.completed_in_bound);
  // The watchdog ran the timer's handler, so the future got its value and the run unwound.
  CHECK(run.value == 7);
  CHECK(run.wall >= 100ms);
  CHECK(run.wall < 5s);
  // The loop could not run its probe while it waited for itself.
  CHECK(run.longest_stall >= 50ms);
}

TEST_CASE("a watched run keeps the exception its work ended with", "[lab][run_watched]")
{
  const auto run = lab::run_watched([](asio::io_context&) { return throw_at_once(); }, 2s);
  CHECK(run.completed_in_bound);
  CHECK(run.caught() == "refused");
}
