#include "lab/threaded_loop.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <latch>
#include <stdexcept>
#include <thread>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

// Arrives at `all` and waits, at most a second, for the other tasks to arrive too: only tasks on
// threads of their own can all arrive. Says whether they did.
asio::awaitable<void> arrive_together(std::latch& all, std::atomic<int>& together)
{
  all.count_down();
  for (int waited = 0; waited < 1000 && !all.try_wait(); ++waited) std::this_thread::sleep_for(1ms);
  if (all.try_wait()) ++together;
  co_return;
}

asio::awaitable<void> block_thread_for(std::chrono::milliseconds delay)
{
  std::this_thread::sleep_for(delay);
  co_return;
}

asio::awaitable<void> suspend_for(std::chrono::milliseconds delay)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
}

}  // namespace

TEST_CASE("a threaded loop runs as many tasks at once as it has threads", "[lab][threaded_loop]")
{
  std::latch all(3);
  std::atomic<int> together = 0;
  lab::threaded_loop loop(3, 5ms);
  const auto run = loop.run_tasks(3, [&](int) { return arrive_together(all, together); });
  CHECK(together == 3);
  CHECK(run.most_in_flight == 3);
}

TEST_CASE("a threaded loop stalls, and its heartbeat misses ticks, only when every thread blocks",
          "[lab][threaded_loop]")
{
  lab::threaded_loop all_blocked(2, 5ms);
  const auto blocked = all_blocked.run_tasks(2, [](int) { return block_thread_for(200ms); });
  CHECK(blocked.longest_stall >= 100ms);
  CHECK(blocked.ticks_missed > 0);

  lab::threaded_loop one_free(2, 5ms);
  const auto free =
      one_free.run_tasks(2, [](int task) { return task == 0 ? block_thread_for(200ms) : suspend_for(200ms); });
  CHECK(free.longest_stall < 100ms);
  CHECK(free.wall >= 200ms);
}

TEST_CASE("a threaded loop rethrows the first exception a task ended with", "[lab][threaded_loop]")
{
  lab::threaded_loop loop(2, 5ms);
  const auto fail = [](int) -> asio::awaitable<void> {
    throw std::runtime_error("task failed");
    co_return;
  };
  CHECK_THROWS_WITH(loop.run_tasks(2, fail), "task failed");
}
