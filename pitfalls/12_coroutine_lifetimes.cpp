#include "lessons/12_coroutine_lifetimes.hpp"

#include "lab/run_tasks.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <memory>
#include <sstream>
#include <string>

namespace asio = boost::asio;

namespace lesson12 {
namespace {

// [ship]
asio::awaitable<void> ship(const std::string& line, int number, std::shared_ptr<collector> to)
{
  // Connect to the collector.
  asio::steady_timer connect(co_await asio::this_coro::executor, to->connect_delay);
  co_await connect.async_wait(asio::use_awaitable);
  // Send the line.
  to->received.at(static_cast<std::size_t>(number)) = line;
}
// [ship]

}  // namespace

// [ship_log]
outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  const auto to = std::make_shared<collector>(scenario);
  std::istringstream log(log_of(scenario));
  std::string line;
  // Read each line of the log and make its shipment; they all run at once.
  const auto run = lab::run_tasks(scenario.lines, [&](int number) {
    std::getline(log, line);
    return ship(line, number, to);
  }, with);
  return outcome_of(*to, run);
}
// [ship_log]

}  // namespace lesson12
