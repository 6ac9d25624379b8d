#include "lab/threaded_loop.hpp"

#include "lab/in_flight.hpp"
#include "lab/lag_probe.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace asio = boost::asio;

namespace lab {

struct threaded_loop::state {
  state(int thread_count, std::chrono::nanoseconds period, const instruments& instruments_in)
      : io(thread_count), instruments_used(instruments_in), threads(thread_count), watchers(io.get_executor()),
        probe(watchers, std::chrono::milliseconds(1), instruments_in.spans), beat(watchers, period)
  {
  }
  asio::io_context io;
  instruments instruments_used;
  int threads;
  asio::strand<asio::io_context::executor_type> watchers;  // the probe's and the heartbeat's
  lag_probe probe;
  heartbeat beat;
  in_flight_counter in_flight;
  std::atomic<int> unfinished{0};
  std::mutex error_mutex;
  std::exception_ptr first_error;

  // The last task has finished: stop the watchers on their own strand.
  void all_done()
  {
    asio::post(watchers, [this] {
      probe.stop();
      beat.stop();
    });
  }
};

threaded_loop::threaded_loop(int threads, std::chrono::nanoseconds heartbeat_period, const instruments& with)
    : state_(std::make_unique<state>(threads, heartbeat_period, with))
{
  if (with.measure) asio::co_spawn(state_->watchers, state_->probe.run(), asio::detached);
  asio::co_spawn(state_->watchers, state_->beat.run(), asio::detached);
  // Start them on this thread now, so that both are already waiting when the tasks start.
  state_->io.poll();
}

threaded_loop::~threaded_loop() = default;

asio::any_io_executor threaded_loop::executor() { return state_->io.get_executor(); }

heartbeat_tasks_outcome threaded_loop::run_tasks(int count, const task_factory& make_task)
{
  auto& s = *state_;
  s.unfinished = count;
  auto* counted = s.instruments_used.measure ? &s.in_flight : nullptr;
  for (int index = 0; index < count; ++index)
    asio::co_spawn(s.io, instrumented(make_task(index), index, counted, s.instruments_used.spans),
                   [&s](std::exception_ptr error) {
                     if (error) {
                       const std::scoped_lock lock(s.error_mutex);
                       if (!s.first_error) s.first_error = error;
                     }
                     if (--s.unfinished == 0) s.all_done();
                   });
  if (count == 0) s.all_done();

  const auto start = clock::now();
  {
    std::vector<std::jthread> threads;
    for (int thread = 0; thread < s.threads; ++thread) threads.emplace_back([&s] { s.io.run(); });
  }
  const auto wall = clock::now() - start;

  if (s.first_error) std::rethrow_exception(s.first_error);
  heartbeat_tasks_outcome seen;
  static_cast<tasks_outcome&>(seen) = {.wall = wall, .most_in_flight = s.in_flight.most(),
                                       .longest_stall = s.probe.longest_stall()};
  seen.ticks = s.beat.ticks();
  seen.ticks_missed = s.beat.missed();
  return seen;
}

}  // namespace lab
