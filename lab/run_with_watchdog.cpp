#include "lab/run_with_watchdog.hpp"

#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <vector>

namespace asio = boost::asio;

namespace lab {
namespace {

// Every task at once, as a group; the first error, in the order the tasks ended, is rethrown.
asio::awaitable<void> all_tasks_of(int count, const task_factory& make_task)
{
  const auto executor = co_await asio::this_coro::executor;
  std::vector<decltype(asio::co_spawn(executor, make_task(0), asio::deferred))> tasks;
  for (int index = 0; index < count; ++index)
    tasks.push_back(asio::co_spawn(executor, make_task(index), asio::deferred));
  auto [order, errors] = co_await asio::experimental::make_parallel_group(std::move(tasks))
                             .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
  for (const auto index : order)
    if (errors[index]) std::rethrow_exception(errors[index]);
}

}  // namespace

watchdog::watchdog(boost::asio::io_context& loop, std::chrono::nanoseconds bound) : timer_(loop)
{
  // Armed once the loop runs, so that the loop's own clock, started before, has run at least the
  // bound when the watchdog stops it.
  asio::post(loop, [this, &loop, bound] {
    if (disarmed_) return;
    timer_.expires_after(bound);
    timer_.async_wait([this, &loop](boost::system::error_code error) {
      // The timer may have expired, its handler queued, just before the work finished and disarmed it.
      if (error || disarmed_) return;
      fired_ = true;
      loop.stop();
    });
  });
}

void watchdog::disarm()
{
  disarmed_ = true;
  timer_.cancel();
}

bounded_run<void> run_tasks_with_watchdog(int count, const task_factory& make_task, std::chrono::nanoseconds bound,
                                          const instruments& with)
{
  return run_with_watchdog(all_tasks_of(count, make_task), bound, with);
}

}  // namespace lab
