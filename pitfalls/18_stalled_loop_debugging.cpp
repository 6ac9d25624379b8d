#include "lessons/18_stalled_loop_debugging.hpp"

#include "lab/heartbeat.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <cstdio>
#include <string>
#include <thread>

namespace asio = boost::asio;

namespace lesson18 {
namespace {

// The shop's state: its audit log, its own log, and how long each request took.
struct shop {
  scenario settings;
  lab::clock::time_point opened = lab::clock::now();
  std::vector<int> unwritten_sales;
  lab::latencies took;
  std::vector<std::string> log;
};

// [log]
void log(shop& shop, std::string line)
{
  if (shop.settings.print_log) std::fprintf(stderr, "%s\n", line.c_str());
  shop.log.push_back(std::move(line));
}
// [log]

// [audit]
void flush_to_disk(shop& shop)
{
  // Write the audit log and wait until the disk has it (an fsync).
  std::this_thread::sleep_for(std::chrono::milliseconds(shop.settings.flush_ms));
  shop.unwritten_sales.clear();
}

void record_sale(shop& shop, int request)
{
  shop.unwritten_sales.push_back(request);
  if (shop.unwritten_sales.size() == sales_per_flush) flush_to_disk(shop);
}
// [audit]

// [handle_request]
asio::awaitable<void> handle_request(shop& shop, int request)
{
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.expires_at(shop.opened + request * arrival_gap);
  co_await timer.async_wait(asio::use_awaitable);
  const auto arrived = timer.expiry();

  // Ask the backend, then record the sale.
  timer.expires_after(backend_takes);
  co_await timer.async_wait(asio::use_awaitable);
  record_sale(shop, request);

  shop.took.add(lab::clock::now() - arrived);
  log(shop, "request " + std::to_string(request) + ": ok");
}
// [handle_request]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::as_asked);
  shop open{.settings = scenario};
  const auto run = lab::run_tasks_with_heartbeat(
      scenario.requests, [&](int request) { return handle_request(open, request); }, heartbeat_period, with);
  return outcome_of(run, run.ticks_missed, open.took, debugging.findings(), std::move(open.log));
}

}  // namespace lesson18
