#include "lab/run_on_loop.hpp"

#include "lab/debug/loop_watch.hpp"
#include "lab/lag_probe.hpp"
#include "lab/processor_time.hpp"

#include <boost/asio/detached.hpp>

namespace asio = boost::asio;

namespace lab {

std::string loop_run::caught() const
{
  if (!error) return {};
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& thrown) {
    return thrown.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

struct instrumented_loop::state {
  explicit state(const instruments& with)
      : probe(io.get_executor(), std::chrono::milliseconds(1), with.spans), measure(with.measure)
  {
  }
  asio::io_context io{1};
  lag_probe probe;
  debug::loop_watch debugging{io.get_executor()};  // nothing unless the debug mode is on
  bool measure;
  bool finished = false;
  std::exception_ptr error;
};

instrumented_loop::instrumented_loop(const instruments& with) : state_(std::make_unique<state>(with))
{
  // Spawned first, so the probe is already waiting when the work starts.
  if (state_->measure) asio::co_spawn(state_->io, state_->probe.run(), asio::detached);
}

instrumented_loop::~instrumented_loop() = default;

asio::io_context& instrumented_loop::context() { return state_->io; }

void instrumented_loop::done(std::exception_ptr error)
{
  if (error && !state_->error) state_->error = error;
  state_->finished = true;
  state_->probe.stop();
  state_->debugging.stop();
}

loop_run instrumented_loop::run()
{
  const auto processor_start = thread_processor_time();
  const auto start = clock::now();
  try {
    state_->io.run();
  } catch (...) {
    // A completion handler threw out of run(): the loop stops there, as it would for the caller.
    if (!state_->error) state_->error = std::current_exception();
  }
  state_->debugging.loop_returned(state_->finished);
  loop_run run;
  run.returned = clock::now();
  run.wall = run.returned - start;
  run.processor = thread_processor_time() - processor_start;
  run.longest_stall = state_->probe.longest_stall();
  run.error = state_->error;
  return run;
}

}  // namespace lab
