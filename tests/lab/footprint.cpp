#include "lab/footprint.hpp"
#include "lab/run_coroutine_per_task.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

asio::awaitable<void> wait_a_little()
{
  asio::steady_timer timer(co_await asio::this_coro::executor, 50ms);
  co_await timer.async_wait(asio::use_awaitable);
}

}  // namespace

TEST_CASE("the process's threads and resident memory can be read", "[lab][footprint]")
{
  CHECK(lab::live_threads() >= 1);
  CHECK(lab::resident_bytes() > 0);
  std::thread waiting([] { std::this_thread::sleep_for(100ms); });
  CHECK(lab::live_threads() >= 2);
  waiting.join();
}

TEST_CASE("run_thread_per_task runs each body once, on a thread of its own", "[lab][footprint]")
{
  std::mutex mutex;
  std::set<int> ran;
  std::set<std::thread::id> threads;
  const auto seen = lab::run_thread_per_task(20, [&](int index) {
    std::this_thread::sleep_for(200ms);
    const std::lock_guard lock(mutex);
    ran.insert(index);
    threads.insert(std::this_thread::get_id());
  });
  CHECK(ran.size() == 20);
  CHECK(threads.size() == 20);
  CHECK(seen.finished == 20);
  // Twenty threads start in far less than the 200 ms the first one waits.
  CHECK(seen.waiting == 20);
  // At least one thread a task; a sanitizer may start a thread of its own meanwhile.
  CHECK(seen.threads_added() >= 20);
  CHECK(seen.wall >= 200ms);
}

TEST_CASE("run_thread_per_task records a span per task when asked", "[lab][footprint]")
{
  lab::timeline spans("threads");
  lab::run_thread_per_task(5, [](int) {}, {.measure = true, .spans = &spans});
  CHECK(spans.spans().size() == 5);
}

TEST_CASE("run_coroutine_per_task runs every task on the calling thread", "[lab][footprint]")
{
  std::set<std::thread::id> threads;
  const auto seen = lab::run_coroutine_per_task(1000, [&](int) -> asio::awaitable<void> {
    threads.insert(std::this_thread::get_id());
    co_await wait_a_little();
  });
  CHECK(threads == std::set{std::this_thread::get_id()});
  CHECK(seen.finished == 1000);
  CHECK(seen.waiting == 1000);
  CHECK(seen.threads_added() == 0);
  CHECK(seen.wall >= 50ms);
}

TEST_CASE("run_coroutine_per_task reads the footprint once every task has started", "[lab][footprint]")
{
  // Each task touches a page of its own before it waits, so the memory read after every task
  // has started holds at least those pages.
  constexpr int tasks = 200;
  std::vector<std::vector<char>> touched(tasks);
  const auto seen = lab::run_coroutine_per_task(tasks, [&](int index) -> asio::awaitable<void> {
    touched[static_cast<std::size_t>(index)].assign(16 * 1024, 'x');
    co_await wait_a_little();
  });
  CHECK(seen.bytes_per_task() >= 16 * 1024);
}

TEST_CASE("run_coroutine_per_task rethrows a task's exception once all have finished", "[lab][footprint]")
{
  int finished = 0;
  const auto failing = [&](int index) -> asio::awaitable<void> {
    co_await wait_a_little();
    ++finished;
    if (index == 0) throw std::runtime_error("task 0 failed");
  };
  CHECK_THROWS_WITH(lab::run_coroutine_per_task(3, failing), "task 0 failed");
  CHECK(finished == 3);
}
