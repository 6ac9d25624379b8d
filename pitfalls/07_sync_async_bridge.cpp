#include "lessons/07_sync_async_bridge.hpp"

#include "lab/gather.hpp"
#include "lab/legacy_library.hpp"
#include "lab/run_watched.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

#include <numeric>
#include <vector>

namespace asio = boost::asio;

namespace lesson07 {
namespace {

// [fetch_rate]
asio::awaitable<double> fetch_rate()
{
  // The new asynchronous client: it asks the rate service and waits for the answer.
  asio::steady_timer answer(co_await asio::this_coro::executor, rate_fetch);
  co_await answer.async_wait(asio::use_awaitable);
  co_return 0.92;
}
// [fetch_rate]

// [write_report]
double write_report(asio::io_context& loop, const std::vector<double>& prices)
{
  // Old synchronous code: it needs the rate from the asynchronous client, and waits for it.
  const double rate = asio::co_spawn(loop, fetch_rate(), asio::use_future).get();
  return std::accumulate(prices.begin(), prices.end(), 0.0) * rate;
}
// [write_report]

// [price]
asio::awaitable<void> price(lab::legacy_library& library, int item, double& quoted)
{
  // Ask the legacy library, which blocks the thread until it answers.
  quoted = library.quote(item);
  co_return;
}
// [price]

// [serve]
asio::awaitable<double> serve(asio::io_context& loop, lab::legacy_library& library, int calls)
{
  // Answer every request at once: each needs a price.
  std::vector<double> prices(calls);
  std::vector<asio::awaitable<void>> requests;
  for (int item = 0; item < calls; ++item) requests.push_back(price(library, item, prices[item]));
  co_await lab::gather(std::move(requests));

  // Then the old report sums them up.
  co_return write_report(loop, prices);
}
// [serve]

// The old report called straight from a coroutine, with two prices.
asio::awaitable<double> report_on_the_loop(asio::io_context& loop) { co_return write_report(loop, {10.0, 11.0}); }

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  lab::legacy_library library(std::chrono::milliseconds(scenario.delay_ms), with.spans);
  const auto run = lab::run_watched([&](asio::io_context& loop) { return serve(loop, library, scenario.calls); },
                                    bound_of(scenario), with);
  return {.wall = library.busy(), .run = run.wall, .completed = run.completed_in_bound,
          .calls_on_loop = library.calls_on_home_thread(), .longest_stall = run.longest_stall};
}

on_the_loop::outcome on_the_loop::pitfall(std::chrono::milliseconds bound)
{
  const auto run = lab::run_watched([](asio::io_context& loop) { return report_on_the_loop(loop); }, bound,
                                    lab::instruments::off());
  return {.completed = run.completed_in_bound, .refused = run.caught(), .run = run.wall};
}

}  // namespace lesson07
