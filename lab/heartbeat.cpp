#include "lab/heartbeat.hpp"
#include "lab/run_tasks.hpp"

#include "lab/in_flight.hpp"
#include "lab/run_on_loop.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace asio = boost::asio;

namespace lab {

heartbeat::heartbeat(const asio::any_io_executor& executor, std::chrono::nanoseconds period)
    : timer_(executor), period_(period)
{
}

asio::awaitable<void> heartbeat::run()
{
  auto due = clock::now() + period_;
  while (!stopped_) {
    timer_.expires_at(due);
    auto [error] = co_await timer_.async_wait(asio::as_tuple(asio::use_awaitable));
    const auto late = clock::now() - due;
    if (error) {
      // Stopped: a tick that was already due never ran, nor did those due after it.
      if (late >= std::chrono::nanoseconds(0)) missed_ += static_cast<int>(late / period_) + 1;
      break;
    }
    ++ticks_;
    const auto passed = late / period_;
    missed_ += static_cast<int>(passed);
    due += (passed + 1) * period_;
  }
}

void heartbeat::stop()
{
  stopped_ = true;
  timer_.cancel();
}

heartbeat_tasks_outcome run_tasks_with_heartbeat(int count, const task_factory& make_task,
                                                 std::chrono::nanoseconds period, const instruments& with)
{
  instrumented_loop loop(with);
  heartbeat beat(loop.context().get_executor(), period);
  asio::co_spawn(loop.context(), beat.run(), asio::detached);

  in_flight_counter in_flight;
  int unfinished = count;
  std::exception_ptr first_error;
  const auto finished = [&](std::exception_ptr error) {
    if (error && !first_error) first_error = error;
    if (--unfinished > 0) return;
    beat.stop();
    loop.done(first_error);
  };
  auto* counted = with.measure ? &in_flight : nullptr;
  for (int index = 0; index < count; ++index)
    asio::co_spawn(loop.context(), instrumented(make_task(index), index, counted, with.spans), finished);
  if (count == 0) finished(nullptr);
  const auto run = loop.run();

  if (run.error) std::rethrow_exception(run.error);
  heartbeat_tasks_outcome seen;
  static_cast<tasks_outcome&>(seen) = {.wall = run.wall, .most_in_flight = in_flight.most(),
                                       .longest_stall = run.longest_stall};
  seen.ticks = beat.ticks();
  seen.ticks_missed = beat.missed();
  return seen;
}

}  // namespace lab
