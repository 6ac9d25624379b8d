#include "lessons/08_threads_vs_coroutines.hpp"

#include "lab/footprint.hpp"

#include <chrono>
#include <thread>

namespace lesson08 {
namespace {

// [handle_request]
void handle_request(std::chrono::milliseconds delay)
{
  // Wait for the slow backend: this request's thread sleeps until it answers.
  std::this_thread::sleep_for(delay);
}
// [handle_request]

}  // namespace

// [serve]
outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  // One thread per request.
  const std::chrono::milliseconds delay(scenario.delay_ms);
  return lab::run_thread_per_task(scenario.tasks, [=](int) { handle_request(delay); }, with);
}
// [serve]

}  // namespace lesson08
