#include "lab/run_with_watchdog.hpp"

#include <catch2/catch.hpp>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <stdexcept>

namespace asio = boost::asio;
using namespace std::chrono_literals;

// A named namespace: test_lab is a unity build, and its files share one translation unit.
namespace watchdog_tests {
namespace {

// Says, from its destructor, that the coroutine frame holding it was destroyed.
struct frame_alive {
  bool* destroyed;
  ~frame_alive() { *destroyed = true; }
};

asio::awaitable<int> value_after(std::chrono::milliseconds delay)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
  co_return 7;
}

// Waits for an hour: as good as forever for a test, and a timer that never fires early.
asio::awaitable<void> wait_for_an_hour(bool& destroyed, bool& resumed)
{
  const frame_alive alive{&destroyed};
  asio::steady_timer timer(co_await asio::this_coro::executor, std::chrono::hours(1));
  co_await timer.async_wait(asio::use_awaitable);
  resumed = true;
}

asio::awaitable<void> value_after_void()
{
  co_await value_after(1ms);
}

asio::awaitable<void> fail_at_once()
{
  throw std::runtime_error("failed at once");
  co_return;
}

// Task 0 waits for an hour; the others end after a moment, and count themselves.
asio::awaitable<void> one_waits_for_an_hour(int index, int& ended)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, index == 0 ? std::chrono::hours(1) : 1ms);
  co_await timer.async_wait(asio::use_awaitable);
  ++ended;
}

}  // namespace
}  // namespace watchdog_tests

TEST_CASE("run_with_watchdog gives back the value of work that ends within the bound, unstopped",
          "[lab][run_with_watchdog]")
{
  const auto run = lab::run_with_watchdog(watchdog_tests::value_after(10ms), 10s);
  CHECK(*run.value == 7);
  CHECK_FALSE(run.stopped);
  CHECK_FALSE(run.reached_caller());
  // The loop returned by itself when the work ended, long before the bound.
  CHECK(run.wall < 5s);
}

TEST_CASE("run_with_watchdog stops the loop at the bound and destroys the work that still waits",
          "[lab][run_with_watchdog]")
{
  bool destroyed = false;
  bool resumed = false;
  const auto run = lab::run_with_watchdog(watchdog_tests::wait_for_an_hour(destroyed, resumed), 50ms);
  CHECK(run.stopped);
  CHECK(run.wall >= 50ms);  // the watchdog's timer never fires early
  CHECK(run.wall < 1h);
  CHECK(destroyed);         // the frame is gone once the run returns
  CHECK_FALSE(resumed);     // and it never went past its wait
  CHECK_FALSE(run.reached_caller());
}

TEST_CASE("run_with_watchdog keeps the exception the work ended with, and is not stopped",
          "[lab][run_with_watchdog]")
{
  const auto run = lab::run_with_watchdog(watchdog_tests::fail_at_once(), 10s);
  CHECK(run.caught() == "failed at once");
  CHECK_FALSE(run.stopped);
}

TEST_CASE("run_tasks_with_watchdog runs every task at once and stops the loop when one waits past the bound",
          "[lab][run_with_watchdog]")
{
  int ended = 0;
  const auto run = lab::run_tasks_with_watchdog(
      5, [&](int index) { return watchdog_tests::one_waits_for_an_hour(index, ended); }, 50ms);
  CHECK(run.stopped);
  CHECK(ended == 4);
  CHECK(run.wall >= 50ms);
}

TEST_CASE("run_tasks_with_watchdog ends by itself when every task ends, and keeps a task's exception",
          "[lab][run_with_watchdog]")
{
  const auto run = lab::run_tasks_with_watchdog(
      3, [](int index) { return index == 1 ? watchdog_tests::fail_at_once() : watchdog_tests::value_after_void(); },
      10s);
  CHECK_FALSE(run.stopped);
  CHECK(run.caught() == "failed at once");
}
