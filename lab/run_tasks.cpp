#include "lab/run_tasks.hpp"

#include "lab/in_flight.hpp"
#include "lab/lag_probe.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <exception>

namespace asio = boost::asio;

namespace lab {
namespace {

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

}  // namespace

tasks_outcome run_tasks(int count, const task_factory& make_task, const instruments& with)
{
  asio::io_context io(1);
  in_flight_counter in_flight;
  lag_probe probe(io.get_executor(), std::chrono::milliseconds(1), with.spans);
  if (with.measure) asio::co_spawn(io, probe.run(), asio::detached);

  int unfinished = count;
  std::exception_ptr first_error;
  const auto start = clock::now();
  for (int index = 0; index < count; ++index) {
    auto task = instrumented(make_task(index), index, with.measure ? &in_flight : nullptr, with.spans);
    asio::co_spawn(io, std::move(task), [&](std::exception_ptr error) {
      if (error && !first_error) first_error = error;
      if (--unfinished == 0) probe.stop();
    });
  }
  if (unfinished == 0) probe.stop();
  io.run();
  const auto wall = clock::now() - start;

  if (first_error) std::rethrow_exception(first_error);
  return {.wall = wall, .most_in_flight = in_flight.most(), .longest_stall = probe.longest_stall()};
}

}  // namespace lab
