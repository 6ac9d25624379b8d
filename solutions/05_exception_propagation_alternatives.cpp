// Two more ways for a failure to reach the caller, beside the parallel group of the solution:
// a completion handler on every spawned task, and awaiting each task in turn.

#include "lessons/05_exception_propagation.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/this_coro.hpp>

#include <exception>

namespace asio = boost::asio;

namespace lesson05 {
namespace {

// [rethrowing_handler]
asio::awaitable<void> handle_request_rethrowing(lab::backend& backend, int backends)
{
  const auto executor = co_await asio::this_coro::executor;

  // Query every backend at once; a failure leaves io_context::run() as an exception.
  for (int i = 0; i < backends; ++i)
    asio::co_spawn(executor, backend.query(i), [](std::exception_ptr error) {
      // Success completes with a null pointer, and rethrowing a null pointer is undefined.
      if (error) std::rethrow_exception(error);
    });
}
// [rethrowing_handler]

// [awaited_in_turn]
asio::awaitable<void> handle_request_in_turn(lab::backend& backend, int backends)
{
  // Query the backends one after the other; a failure propagates through co_await.
  for (int i = 0; i < backends; ++i)
    co_await backend.query(i);
}
// [awaited_in_turn]

}  // namespace

outcome solution_rethrowing_handler(const scenario& scenario, const lab::instruments& with)
{
  lab::backend backend(backend_of(scenario), with);
  return backend.outcome(lab::run_catching(handle_request_rethrowing(backend, scenario.backends), with));
}

outcome solution_awaited_in_turn(const scenario& scenario, const lab::instruments& with)
{
  lab::backend backend(backend_of(scenario), with);
  return backend.outcome(lab::run_catching(handle_request_in_turn(backend, scenario.backends), with));
}

}  // namespace lesson05
