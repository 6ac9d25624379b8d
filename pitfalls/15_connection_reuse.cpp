#include "lessons/15_connection_reuse.hpp"

#include "lab/gather.hpp"
#include "lab/http_client.hpp"
#include "lab/http_server.hpp"
#include "lab/run_on_loop.hpp"
#include "lab/task_watch.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/this_coro.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace asio = boost::asio;

namespace lesson15 {
namespace {

// Where the pages are, as a URL would say.
struct site {
  std::string host, port;
};

// [fetch_pages]
asio::awaitable<void> fetch_pages(site site, int worker, int pages, int& next_page, lab::http_timings& timings,
                                  lab::task_watch& watch)
{
  while (next_page < pages) {
    const int page = next_page++;
    auto fetching = watch.start(worker);
    // A new resolver, socket and connection for this page, closed when it goes out of scope.
    lab::http_client client(co_await asio::this_coro::executor, &timings);
    co_await client.connect(site.host, site.port);
    co_await client.get("/page/" + std::to_string(page));
  }
}
// [fetch_pages]

// [scrape]
asio::awaitable<void> scrape(site site, const scenario& scenario, lab::http_timings& timings, lab::task_watch& watch)
{
  // K workers at once, each taking the next page until none is left.
  int next_page = 0;
  std::vector<asio::awaitable<void>> workers;
  for (int worker = 0; worker < scenario.connections; ++worker)
    workers.push_back(fetch_pages(site, worker, scenario.pages, next_page, timings, watch));
  co_await lab::gather(std::move(workers));
}
// [scrape]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  // The site runs on its own thread, as it would on its own machine.
  const std::chrono::milliseconds round_trip(scenario.round_trip_ms);
  lab::http_server_thread server({.handler = lab::slow_pages(round_trip), .handshake = round_trip});
  const site site{"127.0.0.1", std::to_string(server.server().endpoint().port())};
  lab::http_timings timings;
  lab::task_watch watch(with);
  const auto run = lab::run_on_loop(scrape(site, scenario, timings, watch), with);
  server.stop();
  return {.wall = run.wall, .accepted = server.server().accepted(), .answered = server.server().answered(),
          .cold = timings.cold.mean(), .warm = timings.warm.mean()};
}

}  // namespace lesson15
