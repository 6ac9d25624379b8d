#include "lessons/18_stalled_loop_debugging.hpp"

#include "lab/heartbeat.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
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
  asio::thread_pool disk{1};
};

// [log]
void log(shop& shop, int task, std::chrono::nanoseconds lag, const std::string& what)
{
  // When, which task, how late the loop ran it: a stall shows on every line it touches.
  const std::chrono::duration<double> since_opened = lab::clock::now() - shop.opened;
  const std::chrono::duration<double, std::milli> lag_ms = lag;
  char line[96];
  std::snprintf(line, sizeof line, "%6.3f s  task %2d  lag %5.1f ms  %s", since_opened.count(), task, lag_ms.count(),
                what.c_str());
  if (shop.settings.print_log) std::fprintf(stderr, "%s\n", line);
  shop.log.emplace_back(line);
}
// [log]

// [audit]
void flush_to_disk(shop& shop)
{
  // Write the audit log on the disk's own thread, and wait there until the disk has it.
  asio::post(shop.disk, [flush = std::chrono::milliseconds(shop.settings.flush_ms)] { std::this_thread::sleep_for(flush); });
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
  const auto lag = lab::clock::now() - timer.expiry();
  record_sale(shop, request);

  shop.took.add(lab::clock::now() - arrived);
  log(shop, request, lag, "request ok");
}
// [handle_request]

}  // namespace

outcome solution(const scenario& scenario, const lab::instruments& with)
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::as_asked);
  shop open{.settings = scenario};
  const auto run = lab::run_tasks_with_heartbeat(
      scenario.requests, [&](int request) { return handle_request(open, request); }, heartbeat_period, with);
  open.disk.join();
  return outcome_of(run, run.ticks_missed, open.took, debugging.findings(), std::move(open.log));
}

}  // namespace lesson18
