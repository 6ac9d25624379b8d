#include "lab/switch_costs.hpp"

#include "lab/run_on_loop.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace asio = boost::asio;

namespace lab {
namespace {

asio::awaitable<void> suspend(int count, long long& suspensions)
{
  const auto executor = co_await asio::this_coro::executor;
  for (int i = 0; i < count; ++i) {
    co_await asio::post(executor, asio::use_awaitable);
    ++suspensions;
  }
}

asio::awaitable<void> nothing() { co_return; }

asio::awaitable<void> spawn(int count, long long& spawned)
{
  const auto executor = co_await asio::this_coro::executor;
  for (int i = 0; i < count; ++i) {
    co_await asio::co_spawn(executor, nothing(), asio::use_awaitable);
    ++spawned;
  }
}

// Runs one coroutine alone on the loop every lesson runs on, lag probe included, and times it.
template <typename Coroutine>
switch_cost time_on_loop(Coroutine make)
{
  switch_cost cost;
  cost.wall = run_on_loop(make(cost.operations), instruments{.measure = true, .spans = nullptr}).wall;
  return cost;
}

// The asm statement tells the compiler the call has effects it cannot see, so it is made each time.
[[gnu::noinline]] void empty_function() { asm volatile(""); }

}  // namespace

switch_cost measure_loop_suspensions(int count)
{
  return time_on_loop([count](long long& suspensions) { return suspend(count, suspensions); });
}

switch_cost measure_co_spawns(int count)
{
  return time_on_loop([count](long long& spawned) { return spawn(count, spawned); });
}

switch_cost measure_thread_switches(int count)
{
  std::mutex mutex;
  std::condition_variable turn_changed;
  int passes = 0;  // even: the first thread holds the token; odd: the second

  // Each thread waits for its turn, then passes the token on, until `count` passes are made.
  auto play = [&](int parity) {
    std::unique_lock lock(mutex);
    while (true) {
      turn_changed.wait(lock, [&] { return passes >= count || passes % 2 == parity; });
      if (passes >= count) return;
      ++passes;
      turn_changed.notify_one();
    }
  };

  const auto start = clock::now();
  std::thread second(play, 1);
  play(0);
  second.join();
  const auto wall = clock::now() - start;
  return {.operations = passes, .wall = wall};
}

switch_cost measure_function_calls(int count)
{
  switch_cost cost;
  const auto start = clock::now();
  for (int i = 0; i < count; ++i) {
    empty_function();
    ++cost.operations;
  }
  cost.wall = clock::now() - start;
  return cost;
}

}  // namespace lab
