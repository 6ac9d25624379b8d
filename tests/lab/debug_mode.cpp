#include "lab/debug/mode.hpp"
#include "lab/debug/sequence_checker.hpp"
#include "lab/run_on_loop.hpp"
#include "lab/run_with_watchdog.hpp"

#include <catch2/catch.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <filesystem>
#include <latch>
#include <set>
#include <stdexcept>
#include <thread>

namespace asio = boost::asio;
using namespace std::chrono_literals;

// A named namespace: test_lab is a unity build, and its files share one translation unit.
namespace debug_mode_tests {
namespace {

using lab::debug::kind;

// A helper deep in a call chain that blocks its thread, the loop's when a coroutine calls it.
void read_the_config_file(std::chrono::milliseconds how_long) { std::this_thread::sleep_for(how_long); }

asio::awaitable<void> serve_with_a_blocking_helper(std::chrono::milliseconds how_long)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, 5ms);
  co_await timer.async_wait(asio::use_awaitable);
  read_the_config_file(how_long);
}

asio::awaitable<void> serve_with_timers(int waits, std::chrono::milliseconds each)
{
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (int i = 0; i < waits; ++i) {
    timer.expires_after(each);
    co_await timer.async_wait(asio::use_awaitable);
  }
}

std::size_t threads_now()
{
  const std::filesystem::directory_iterator tasks("/proc/self/task");
  return static_cast<std::size_t>(std::distance(begin(tasks), end(tasks)));
}

asio::awaitable<std::size_t> count_threads_on_the_loop()
{
  asio::steady_timer timer(co_await asio::this_coro::executor, 5ms);
  co_await timer.async_wait(asio::use_awaitable);
  co_return threads_now();
}

asio::awaitable<void> fail_after(std::chrono::milliseconds delay)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
  throw std::runtime_error("the backend refused");
}

asio::awaitable<void> spawn_failing_task(bool retrieve, bool& retrieved)
{
  const auto executor = co_await asio::this_coro::executor;
  if (retrieve)
    asio::co_spawn(executor, fail_after(5ms), [&](std::exception_ptr error) { retrieved = error != nullptr; });
  else
    asio::co_spawn(executor, fail_after(5ms), asio::detached);
  co_await serve_with_timers(1, 20ms);
}

asio::awaitable<void> wait_for_an_hour()
{
  asio::steady_timer timer(co_await asio::this_coro::executor, std::chrono::hours(1));
  co_await timer.async_wait(asio::use_awaitable);
}

}  // namespace

TEST_CASE("a handler that holds the loop past the threshold is named, with its file and line", "[debug]")
{
  lab::debug::session debugging(50ms, lab::debug::session::quiet);
  lab::run_on_loop(serve_with_a_blocking_helper(300ms), lab::instruments::off());
  const auto slow = lab::debug::of_kind(debugging.findings(), kind::slow_handler);
  REQUIRE(slow.size() == 1);
#if defined(__SANITIZE_ADDRESS__)
  // Known gap: AddressSanitizer's build samples the stack one frame out, at the caller (measured).
  CHECK_THAT(slow[0].where, Catch::Contains("(tests/lab/debug_mode.cpp:"));
#else
  CHECK_THAT(slow[0].where, Catch::Contains("read_the_config_file (tests/lab/debug_mode.cpp:"));
  CHECK(slow[0].task == "serve_with_a_blocking_helper");
#endif
  CHECK_THAT(slow[0].line(), Catch::StartsWith("asynclab debug: slow handler: held the loop "));
}

TEST_CASE("a loop that only waits on timers has no slow handler", "[debug]")
{
  lab::debug::session debugging(50ms, lab::debug::session::quiet);
  lab::run_on_loop(serve_with_timers(10, 10ms), lab::instruments::off());
  for (const auto& found : debugging.findings()) UNSCOPED_INFO(found.line());
  CHECK(debugging.findings().empty());
}

TEST_CASE("off, the debug mode starts no thread and reports nothing", "[debug]")
{
  lab::debug::switch_off();
  const auto before = threads_now();
  const auto run = lab::run_on_loop(count_threads_on_the_loop(), lab::instruments::off());
  CHECK(*run.value == before);
  bool retrieved = false;
  const auto found = lab::debug::findings().size();
  lab::run_on_loop(spawn_failing_task(false, retrieved), lab::instruments::off());
  lab::run_on_loop(serve_with_a_blocking_helper(150ms), lab::instruments::off());
  CHECK(lab::debug::findings().size() == found);
}

TEST_CASE("on, the debug mode watches the loop from one more thread", "[debug]")
{
  lab::debug::session debugging(50ms, lab::debug::session::quiet);
  const auto before = threads_now();
  const auto run = lab::run_on_loop(count_threads_on_the_loop(), lab::instruments::off());
#if defined(__SANITIZE_THREAD__)
  CHECK(*run.value >= before + 1);  // ThreadSanitizer may start a thread of its own meanwhile
#else
  CHECK(*run.value == before + 1);
#endif
}

TEST_CASE("a detached task's exception that nobody retrieved is reported", "[debug]")
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::quiet);
  bool retrieved = false;
  lab::run_on_loop(spawn_failing_task(false, retrieved), lab::instruments::off());
  const auto dropped = lab::debug::of_kind(debugging.findings(), kind::dropped_exception);
  REQUIRE(dropped.size() == 1);
  CHECK_THAT(dropped[0].detail, Catch::Contains("the backend refused"));
}

TEST_CASE("a task whose handler takes its exception drops nothing", "[debug]")
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::quiet);
  bool retrieved = false;
  lab::run_on_loop(spawn_failing_task(true, retrieved), lab::instruments::off());
  CHECK(retrieved);
  for (const auto& found : debugging.findings()) UNSCOPED_INFO(found.line());
  CHECK(lab::debug::of_kind(debugging.findings(), kind::dropped_exception).empty());
}

TEST_CASE("work still pending when a watchdog stops the loop is reported", "[debug]")
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::quiet);
  const auto run = lab::run_with_watchdog(wait_for_an_hour(), 50ms, lab::instruments::off());
  CHECK(run.stopped);
  CHECK(lab::debug::of_kind(debugging.findings(), kind::pending_work).size() == 1);
}

TEST_CASE("work that finishes before its loop stops leaves nothing pending", "[debug]")
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::quiet);
  const auto run = lab::run_with_watchdog(serve_with_timers(2, 5ms), 10s, lab::instruments::off());
  CHECK_FALSE(run.stopped);
  for (const auto& found : debugging.findings()) UNSCOPED_INFO(found.line());
  CHECK(lab::debug::of_kind(debugging.findings(), kind::pending_work).empty());
}

TEST_CASE("an object meant for one thread, touched from a second, is reported where it was touched", "[debug]")
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::quiet);
  lab::debug::sequence_checker tally("the tally");
  tally.touched();
  std::thread([&] { tally.touched(); }).join();
  const auto wrong = lab::debug::of_kind(debugging.findings(), kind::wrong_thread);
  REQUIRE(wrong.size() == 1);
  CHECK_THAT(wrong[0].line(), Catch::Contains("the tally") && Catch::Contains("tests/lab/debug_mode.cpp:"));
  CHECK(tally.crossed());
}

TEST_CASE("an object touched from several threads, always on its strand, is on one sequence", "[debug]")
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::quiet);
  lab::debug::sequence_checker tally("the tally");
  asio::io_context io;
  auto strand = asio::make_strand(io);
  // The same strand, run by one thread and then by another, both alive (so their ids differ).
  std::set<std::thread::id> threads;
  const auto touch_three_times = [&] {
    for (int i = 0; i < 3; ++i)
      asio::post(strand, [&] {
        tally.touched();
        threads.insert(std::this_thread::get_id());
      });
  };
  std::latch first_ran(1), first_may_end(1);
  touch_three_times();
  std::thread first([&] {
    io.run();
    first_ran.count_down();
    first_may_end.wait();
  });
  first_ran.wait();
  io.restart();
  touch_three_times();
  std::thread([&] { io.run(); }).join();
  first_may_end.count_down();
  first.join();
  REQUIRE(threads.size() == 2);
  CHECK_FALSE(tally.crossed());
  CHECK(lab::debug::of_kind(debugging.findings(), kind::wrong_thread).empty());
}

}  // namespace debug_mode_tests
