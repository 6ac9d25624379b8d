#include "lab/backend.hpp"
#include "lab/run_on_loop.hpp"

#include <catch2/catch.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <stdexcept>
#include <thread>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

asio::awaitable<int> answer_after(std::chrono::milliseconds delay)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
  co_return 42;
}

asio::awaitable<void> block_for(std::chrono::milliseconds delay)
{
  std::this_thread::sleep_for(delay);
  co_return;
}

asio::awaitable<void> fail() { throw std::runtime_error("it failed"); co_return; }

asio::awaitable<void> spawn_failing_detached()
{
  asio::co_spawn(co_await asio::this_coro::executor, fail(), asio::detached);
}

asio::awaitable<void> queries(lab::backend& backends, int count)
{
  for (int index = 0; index < count; ++index)
    asio::co_spawn(co_await asio::this_coro::executor, backends.query(index), asio::detached);
}

}  // namespace

TEST_CASE("run_on_loop gives back the coroutine's value and how long the loop ran", "[lab][run_on_loop]")
{
  const auto run = lab::run_on_loop(answer_after(20ms));
  CHECK(*run.value == 42);
  CHECK(run.wall >= 20ms);  // a timer never fires early
  CHECK_FALSE(run.reached_caller());
}

TEST_CASE("run_on_loop sees a blocked loop with its lag probe", "[lab][run_on_loop]")
{
  CHECK(lab::run_on_loop(block_for(60ms)).longest_stall >= 30ms);
  CHECK(lab::run_on_loop(block_for(60ms), lab::instruments::off()).longest_stall == 0ns);
}

TEST_CASE("run_on_loop rethrows the coroutine's exception; run_catching keeps it for the caller", "[lab][run_on_loop]")
{
  CHECK_THROWS_WITH(lab::run_on_loop(fail()), "it failed");
  const auto run = lab::run_catching(fail());
  CHECK(run.reached_caller());
  CHECK(run.caught() == "it failed");
}

TEST_CASE("an exception in a detached task does not reach run_catching's caller", "[lab][run_on_loop]")
{
  CHECK_FALSE(lab::run_catching(spawn_failing_detached()).reached_caller());
}

TEST_CASE("the backend counts finished queries, and the failing one's failure reaches nobody when detached",
          "[lab][backend]")
{
  lab::backend backends({.work = 40ms, .step = 10ms, .failing = 0, .fail_after = 5ms}, {});
  const auto seen = backends.outcome(lab::run_catching(queries(backends, 3)));
  CHECK(seen.finished == 2);
  CHECK(seen.aborted == 0);
  CHECK_FALSE(seen.reached_caller);
  // The failure came after 5 ms, so the 10 ms steps after it are all counted: 4 steps x 2 queries.
  CHECK(seen.steps_after_failure == 8);
}
