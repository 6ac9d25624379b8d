#include "lab/run_tasks.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>
#include <vector>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

asio::awaitable<void> wait_a_little()
{
  asio::steady_timer timer(co_await asio::this_coro::executor, 20ms);
  co_await timer.async_wait(asio::use_awaitable);
}

}  // namespace

TEST_CASE("run_tasks runs every task's body once", "[lab][run_tasks]")
{
  std::vector<int> ran;
  lab::run_tasks(5, [&](int index) -> asio::awaitable<void> {
    ran.push_back(index);
    co_return;
  });
  CHECK(ran == std::vector<int>{0, 1, 2, 3, 4});
}

TEST_CASE("run_tasks starts every task before any of them finishes", "[lab][run_tasks]")
{
  const auto outcome = lab::run_tasks(50, [](int) { return wait_a_little(); });
  CHECK(outcome.most_in_flight == 50);
}

TEST_CASE("run_tasks rethrows a task's exception after the others finished", "[lab][run_tasks]")
{
  int finished = 0;
  const auto failing = [&](int index) -> asio::awaitable<void> {
    if (index == 0) throw std::runtime_error("backend down");
    co_await wait_a_little();
    ++finished;
  };
  CHECK_THROWS_WITH(lab::run_tasks(3, failing), "backend down");
  CHECK(finished == 2);
}

TEST_CASE("run_tasks records one span per task on the timeline", "[lab][run_tasks]")
{
  lab::timeline recorded("solution");
  lab::run_tasks(4, [](int) { return wait_a_little(); }, {.measure = true, .spans = &recorded});
  std::set<int> tracks;
  for (const auto& s : recorded.spans())
    if (s.kind == lab::span_kind::task) tracks.insert(s.track);
  CHECK(tracks == std::set<int>{0, 1, 2, 3});
}

TEST_CASE("run_tasks with the instruments off measures nothing", "[lab][run_tasks]")
{
  const auto outcome = lab::run_tasks(4, [](int) { return wait_a_little(); }, lab::instruments::off());
  CHECK(outcome.most_in_flight == 0);
  CHECK(outcome.longest_stall == 0ns);
  CHECK(outcome.wall >= 20ms);
}
