#include "lessons/02_unawaited_task.hpp"

#include "lab/run_on_loop.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <optional>

namespace asio = boost::asio;

namespace lesson02 {
namespace {

// Everything the coroutines touch lives in the entry function, which outlives the loop.
struct visit_log {
  std::chrono::milliseconds write_delay;
  lab::timeline* spans;
  int entries = 0;
  std::optional<int> count = std::nullopt;
};

// [log_visit]
asio::awaitable<void> log_visit(visit_log& log, int visitor)
{
  lab::task_span span(log.spans, visitor);
  asio::steady_timer write(co_await asio::this_coro::executor, log.write_delay);
  co_await write.async_wait(asio::use_awaitable);
  ++log.entries;
}
// [log_visit]

// [count_visits]
asio::awaitable<void> count_visits(visit_log& log)
{
  // Read the log back, which takes as long as writing an entry.
  asio::steady_timer read(co_await asio::this_coro::executor, log.write_delay);
  co_await read.async_wait(asio::use_awaitable);
  log.count = log.entries;
}
// [count_visits]

// [handle_visits]
asio::awaitable<std::optional<int>> handle_visits(visit_log& log, int visits)
{
  for (int visitor = 0; visitor < visits; ++visitor) {
    // Start logging the visit; the handler need not wait for the log.
    auto logging = log_visit(log, visitor);
  }

  // Count the visits in the background, then report the count.
  asio::co_spawn(co_await asio::this_coro::executor, count_visits(log), asio::detached);
  co_return log.count;
}
// [handle_visits]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  visit_log log{.write_delay = std::chrono::milliseconds(scenario.delay_ms), .spans = with.spans};
  const auto run = lab::run_on_loop(handle_visits(log, scenario.visits), with);
  return {.wall = run.wall, .bodies_ran = log.entries, .count_read = run.value.value(), .count_finished = log.count.has_value()};
}

}  // namespace lesson02
