#include "lab/run_watched.hpp"

#include "lab/debug/loop_watch.hpp"
#include "lab/lag_probe.hpp"
#include "lab/processor_time.hpp"

#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace asio = boost::asio;

namespace lab {

struct watched_loop::state {
  state(std::chrono::nanoseconds bound_, const instruments& with)
      : bound(bound_), probe_strand(asio::make_strand(io)), probe(probe_strand, std::chrono::milliseconds(1), with.spans),
        measure(with.measure)
  {
  }

  // Waits for the work until the bound; then runs the loop's handlers here until the work is done.
  void watch()
  {
    std::unique_lock lock(mutex);
    if (woken.wait_for(lock, bound, [this] { return finished.load(); })) return;
    fired = true;
    lock.unlock();
    while (!finished && !io.stopped()) io.run_one_for(std::chrono::milliseconds(1));
  }

  // The default concurrency hint, not 1: two threads may run this loop.
  asio::io_context io;
  std::chrono::nanoseconds bound;
  asio::strand<asio::io_context::executor_type> probe_strand;
  lag_probe probe;
  debug::loop_watch debugging{probe_strand};  // on the probe's strand too; nothing unless on
  bool measure;
  std::mutex mutex;
  std::condition_variable woken;
  std::atomic<bool> finished{false};
  bool fired = false;         // guarded by mutex
  std::exception_ptr error;   // guarded by mutex
  std::thread watchdog;
};

watched_loop::watched_loop(std::chrono::nanoseconds bound, const instruments& with)
    : state_(std::make_unique<state>(bound, with))
{
  // Spawned first, so the probe is already waiting when the work starts.
  if (state_->measure) asio::co_spawn(state_->probe_strand, state_->probe.run(), asio::detached);
}

// NOLINTNEXTLINE(bugprone-exception-escape): joining our own thread fails only on a bug; terminate then.
watched_loop::~watched_loop()
{
  done();
  if (state_->watchdog.joinable()) state_->watchdog.join();
}

asio::io_context& watched_loop::context() { return state_->io; }

void watched_loop::done(std::exception_ptr error)
{
  {
    std::lock_guard lock(state_->mutex);
    if (error && !state_->error) state_->error = error;
    if (state_->finished) return;
    state_->finished = true;
  }
  state_->woken.notify_all();
  // The probe lives on its strand: stop it there, whichever thread finished the work.
  if (state_->measure) asio::post(state_->probe_strand, [s = state_.get()] { s->probe.stop(); });
  state_->debugging.stop();
}

watched_run watched_loop::run()
{
  const auto processor_start = thread_processor_time();
  const auto start = clock::now();
  state_->watchdog = std::thread([s = state_.get()] { s->watch(); });
  std::exception_ptr thrown;
  try {
    state_->io.run();
  } catch (...) {
    // A completion handler threw out of run(): the loop stops there, as it would for the caller.
    thrown = std::current_exception();
  }
  watched_run run;
  run.returned = clock::now();
  run.wall = run.returned - start;
  run.processor = thread_processor_time() - processor_start;
  done(thrown);
  state_->watchdog.join();
  state_->debugging.loop_returned(true);
  run.longest_stall = state_->probe.longest_stall();
  std::lock_guard lock(state_->mutex);
  run.error = state_->error;
  run.completed_in_bound = !state_->fired;
  return run;
}

}  // namespace lab
