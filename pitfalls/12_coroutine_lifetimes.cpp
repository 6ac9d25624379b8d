#include "lessons/12_coroutine_lifetimes.hpp"

#include "lab/gather.hpp"
#include "lab/run_on_loop.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace asio = boost::asio;

namespace lesson12 {
namespace {

// [ship]
asio::awaitable<void> ship(const std::string& line, int number, std::shared_ptr<collector> to)
{
  lab::task_span span(to->spans, number);
  // Connect to the collector.
  asio::steady_timer connect(co_await asio::this_coro::executor, to->connect_delay);
  co_await connect.async_wait(asio::use_awaitable);
  // Send the line.
  to->received.at(static_cast<std::size_t>(number)) = line;
}
// [ship]

// [ship_log]
asio::awaitable<void> ship_log(std::string log, std::shared_ptr<collector> to)
{
  std::istringstream lines(std::move(log));
  std::vector<asio::awaitable<void>> shipments;
  std::string line;
  for (int number = 0; std::getline(lines, line); ++number) shipments.push_back(ship(line, number, to));
  // Send them all at once, and wait until every one is sent.
  co_await lab::gather(std::move(shipments));
}
// [ship_log]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  const auto to = std::make_shared<collector>(scenario, with.spans);
  const auto run = lab::run_on_loop(ship_log(log_of(scenario), to), with);
  return outcome_of(*to, run.wall);
}

}  // namespace lesson12
