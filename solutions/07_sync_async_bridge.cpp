#include "lessons/07_sync_async_bridge.hpp"

#include "lab/gather.hpp"
#include "lab/legacy_library.hpp"
#include "lab/run_watched.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

#include <numeric>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace asio = boost::asio;

namespace lesson07 {
namespace {

// [to_thread]
// Runs the blocking `call` on a thread of `pool`; the awaiting coroutine resumes on its own executor.
template <typename Call>
asio::awaitable<std::invoke_result_t<Call&>> to_thread(asio::thread_pool& pool, Call call)
{
  // The call is a parameter of the coroutine, so it lives in the coroutine's frame; a lambda's
  // capture would live in the lambda, which may be gone when the coroutine runs (lesson 12).
  const auto run = [](Call owned) -> asio::awaitable<std::invoke_result_t<Call&>> { co_return owned(); };
  co_return co_await asio::co_spawn(pool, run(std::move(call)), asio::use_awaitable);
}
// [to_thread]

// [run_sync]
// Runs `work` on `loop` and waits for its result, from a thread that is not the loop's. On the
// loop's own thread the wait could never end, so it refuses at once.
template <typename T>
T run_sync(asio::io_context& loop, asio::awaitable<T> work)
{
  if (loop.get_executor().running_in_this_thread())
    throw std::logic_error("run_sync: called on the loop's own thread, which would wait for itself; "
                           "co_await the work there, or call from another thread (to_thread)");
  return asio::co_spawn(loop, std::move(work), asio::use_future).get();
}
// [run_sync]

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
  const double rate = run_sync(loop, fetch_rate());
  return std::accumulate(prices.begin(), prices.end(), 0.0) * rate;
}
// [write_report]

// [price]
asio::awaitable<void> price(asio::thread_pool& pool, lab::legacy_library& library, int item, double& quoted)
{
  // Ask the legacy library on a pool thread, which it may block; the loop runs on meanwhile.
  quoted = co_await to_thread(pool, [&library, item] { return library.quote(item); });
}
// [price]

// [serve]
asio::awaitable<double> serve(asio::io_context& loop, asio::thread_pool& pool, lab::legacy_library& library, int calls)
{
  // Answer every request at once: each needs a price.
  std::vector<double> prices(calls);
  std::vector<asio::awaitable<void>> requests;
  for (int item = 0; item < calls; ++item) requests.push_back(price(pool, library, item, prices[item]));
  co_await lab::gather(std::move(requests));

  // Then the old report sums them up, on a pool thread too.
  co_return co_await to_thread(pool, [&] { return write_report(loop, prices); });
}
// [serve]

// The old report called straight from a coroutine, with two prices.
asio::awaitable<double> report_on_the_loop(asio::io_context& loop) { co_return write_report(loop, {10.0, 11.0}); }

}  // namespace

outcome solution(const scenario& scenario, const lab::instruments& with)
{
  lab::legacy_library library(std::chrono::milliseconds(scenario.delay_ms), with.spans);
  asio::thread_pool pool(static_cast<std::size_t>(scenario.threads));
  const auto run = lab::run_watched(
      [&](asio::io_context& loop) { return serve(loop, pool, library, scenario.calls); }, bound_of(scenario), with);
  return {.wall = library.busy(), .run = run.wall, .completed = run.completed_in_bound,
          .calls_on_loop = library.calls_on_home_thread(), .longest_stall = run.longest_stall};
}

on_the_loop::outcome on_the_loop::solution(std::chrono::milliseconds bound)
{
  const auto run = lab::run_watched([](asio::io_context& loop) { return report_on_the_loop(loop); }, bound,
                                    lab::instruments::off());
  return {.completed = run.completed_in_bound, .refused = run.caught(), .run = run.wall};
}

}  // namespace lesson07
