#include "lab/run_tasks.hpp"

#include "lab/in_flight.hpp"
#include "lab/run_on_loop.hpp"

#include <boost/asio/co_spawn.hpp>

namespace asio = boost::asio;

namespace lab {

asio::awaitable<void> instrumented(asio::awaitable<void> task, int index, in_flight_counter* in_flight,
                                   timeline* spans)
{
  task_span span(spans, index);
  if (!in_flight) {
    co_await std::move(task);
    co_return;
  }
  auto entered = in_flight->enter();
  co_await std::move(task);
}

tasks_outcome run_tasks(int count, const task_factory& make_task, const instruments& with)
{
  instrumented_loop loop(with);
  in_flight_counter in_flight;
  int unfinished = count;
  std::exception_ptr first_error;
  for (int index = 0; index < count; ++index) {
    auto task = instrumented(make_task(index), index, with.measure ? &in_flight : nullptr, with.spans);
    asio::co_spawn(loop.context(), std::move(task), [&](std::exception_ptr error) {
      if (error && !first_error) first_error = error;
      if (--unfinished == 0) loop.done(first_error);
    });
  }
  if (unfinished == 0) loop.done();
  const auto run = loop.run();

  if (run.error) std::rethrow_exception(run.error);
  return {.wall = run.wall, .most_in_flight = in_flight.most(), .longest_stall = run.longest_stall};
}

}  // namespace lab
