#include "lab/in_flight.hpp"
#include "lab/run_on_threads.hpp"

#include <catch2/catch.hpp>

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

namespace asio = boost::asio;
using namespace std::chrono_literals;

TEST_CASE("run_on_threads runs every handler, on several threads at once", "[lab][run_on_threads]")
{
  // Each handler blocks its thread for 5 ms, so while one waits the other threads take the next
  // handlers: 40 of them keep four threads busy for 50 ms, time enough for any scheduler to run two.
  lab::in_flight_counter in_flight;
  std::atomic<int> ran{0};
  std::mutex ids_mutex;
  std::set<std::thread::id> ids;
  const auto run = lab::run_on_threads(4, [&](asio::io_context& loop) {
    for (int handler = 0; handler < 40; ++handler)
      asio::post(loop, [&] {
        const auto entered = in_flight.enter();
        std::this_thread::sleep_for(5ms);
        ran.fetch_add(1);
        const std::lock_guard lock(ids_mutex);
        ids.insert(std::this_thread::get_id());
      });
  });
  CHECK(ran.load() == 40);
  CHECK(in_flight.most() >= 2);
  CHECK(ids.size() >= 2);
  CHECK_FALSE(ids.contains(std::this_thread::get_id()));
  // 40 waits of 5 ms on four threads: at least 10 rounds.
  CHECK(run.wall >= 50ms);
}

TEST_CASE("on run_on_threads' loop a strand runs its handlers one at a time", "[lab][run_on_threads]")
{
  lab::in_flight_counter in_flight;
  lab::run_on_threads(4, [&](asio::io_context& loop) {
    auto strand = asio::make_strand(loop);
    for (int handler = 0; handler < 10; ++handler)
      asio::post(strand, [&] {
        const auto entered = in_flight.enter();
        std::this_thread::sleep_for(1ms);
      });
  });
  CHECK(in_flight.most() == 1);
}

TEST_CASE("an exception out of a handler on run_on_threads' loop reaches the caller", "[lab][run_on_threads]")
{
  const auto throw_from_a_handler = [](asio::io_context& loop) {
    asio::post(loop, [] { throw std::runtime_error("a handler failed"); });
  };
  CHECK_THROWS_WITH(lab::run_on_threads(3, throw_from_a_handler), "a handler failed");
}
