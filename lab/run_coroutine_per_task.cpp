#include "lab/run_coroutine_per_task.hpp"

#include "lab/run_on_loop.hpp"
#include "lab/timeline.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>

#include <vector>

namespace asio = boost::asio;

namespace lab {

footprint run_coroutine_per_task(int count, const task_factory& make_task, const instruments& with)
{
  instrumented_loop loop(instruments::off());
  footprint seen{.tasks = count};
  std::vector<clock::time_point> spawned(with.spans ? static_cast<std::size_t>(count) : 0);
  std::exception_ptr first_error;

  release_free_memory();
  seen.threads_before = live_threads();
  const auto resident_before = resident_bytes();
  const auto start = clock::now();
  for (int index = 0; index < count; ++index) {
    if (with.spans) spawned[static_cast<std::size_t>(index)] = clock::now();
    asio::co_spawn(loop.context(), make_task(index), [&, index](std::exception_ptr error) {
      if (error && !first_error) first_error = error;
      if (with.spans) with.spans->record(index, span_kind::task, spawned[static_cast<std::size_t>(index)], clock::now());
      if (++seen.finished == count) loop.done(first_error);
    });
  }
  asio::post(loop.context(), [&] {
    seen.start = clock::now() - start;
    seen.waiting = count - seen.finished;
    seen.threads_started = live_threads();
    seen.resident_growth = resident_bytes() - resident_before;
  });
  if (count == 0) loop.done();
  const auto run = loop.run();
  seen.wall = run.returned - start;

  if (run.error) std::rethrow_exception(run.error);
  return seen;
}

}  // namespace lab
