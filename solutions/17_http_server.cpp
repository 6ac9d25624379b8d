#include "lessons/17_http_server.hpp"

#include "lab/http_load.hpp"
#include "lab/legacy_library.hpp"
#include "lab/to_thread.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <fmt/format.h>

#include <chrono>
#include <string>

namespace asio = boost::asio;

namespace lesson17 {
namespace {

// [handle]
asio::awaitable<lab::http_response> handle(lab::legacy_library& database, asio::thread_pool& pool,
                                           lab::http_request request)
{
  if (request.target == "/health") co_return lab::http_response{.status = 200, .body = "ok\n"};
  if (request.target != "/report") co_return lab::http_response{.status = 404, .body = "no such page\n"};

  // Ask the synchronous database client for the report's total, on a pool thread it may block.
  const double total = co_await lab::to_thread(pool, [&database] { return database.quote(17); });
  co_return lab::http_response{.status = 200, .body = fmt::format("report: {:.2f}\n", total)};
}
// [handle]

}  // namespace

outcome solution(const scenario& scenario, const lab::instruments& with)
{
  // Built on this thread, which runs the server's loop: the library counts the calls made here.
  lab::legacy_library database(std::chrono::milliseconds(scenario.report_ms), with.spans);
  asio::thread_pool pool(static_cast<std::size_t>(scenario.reporters));
  const auto handler = [&](lab::http_request request) { return handle(database, pool, std::move(request)); };
  const auto seen = lab::run_http_load(handler, {.busy_clients = scenario.reporters, .checks = scenario.checks}, with);
  const auto slow = seen.checks.at_least(slow_check(scenario));
  return {.wall = seen.wall, .health_p50 = seen.checks.percentile(50), .health_p99 = seen.checks.percentile(99),
          .slow_checks = slow, .reports = database.calls(),
          .reports_on_loop = database.calls_on_home_thread(), .longest_stall = seen.longest_stall};
}

void solution(const scenario& scenario, const lab::serve_options& options)
{
  lab::legacy_library database(std::chrono::milliseconds(scenario.report_ms));
  asio::thread_pool pool(static_cast<std::size_t>(scenario.reporters));
  const auto handler = [&](lab::http_request request) { return handle(database, pool, std::move(request)); };
  lab::serve_http({.handler = handler}, options, "/health and /report");
}

}  // namespace lesson17
