#include "lab/gather.hpp"
#include "lab/run_on_loop.hpp"

#include <catch2/catch.hpp>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <stdexcept>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

asio::awaitable<void> gathered_wait(int& finished)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, 50ms);
  co_await timer.async_wait(asio::use_awaitable);
  ++finished;
}

asio::awaitable<void> gathered_failure() { throw std::runtime_error("one failed"); co_return; }

asio::awaitable<int> gather_waits(int count, int& finished)
{
  std::vector<asio::awaitable<void>> tasks;
  for (int i = 0; i < count; ++i) tasks.push_back(gathered_wait(finished));
  co_await lab::gather(std::move(tasks));
  co_return finished;
}

asio::awaitable<void> gather_with_failure(int& finished)
{
  std::vector<asio::awaitable<void>> tasks;
  tasks.push_back(gathered_wait(finished));
  tasks.push_back(gathered_failure());
  co_await lab::gather(std::move(tasks));
}

}  // namespace

TEST_CASE("gather resumes when every task has finished, and runs them at once", "[lab][gather]")
{
  int finished = 0;
  const auto run = lab::run_on_loop(gather_waits(5, finished));
  CHECK(run.value == 5);
  // Five waits of 50 ms at once take about one wait; five in turn would take 250 ms.
  CHECK(run.wall >= 50ms);
  CHECK(run.wall < 200ms);
}

TEST_CASE("gather rethrows a task's exception after every task has finished", "[lab][gather]")
{
  int finished = 0;
  const auto run = lab::run_catching(gather_with_failure(finished));
  CHECK(run.caught() == "one failed");
  CHECK(finished == 1);
}
