#include "lessons/05_exception_propagation.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <optional>
#include <stdexcept>
#include <vector>

namespace asio = boost::asio;

namespace lesson05 {
namespace {

// Everything the coroutines touch lives in the entry function, declared before the io_context.
struct request_state {
  std::chrono::milliseconds fail_after;
  int steps;
  lab::timeline* spans;
  std::optional<lab::clock::time_point> failed_at = std::nullopt;
  int finished = 0;
  int aborted = 0;
  int steps_after_failure = 0;
};

// [query]
asio::awaitable<void> query(request_state& request, int backend)
{
  lab::task_span span(request.spans, backend);
  asio::steady_timer timer(co_await asio::this_coro::executor);
  if (backend == 0) {
    timer.expires_after(request.fail_after);
    co_await timer.async_wait(asio::use_awaitable);
    request.failed_at = lab::clock::now();
    throw std::runtime_error("backend 0 refused the query");
  }
  try {
    for (int done = 0; done < request.steps; ++done) {
      timer.expires_after(step);
      co_await timer.async_wait(asio::use_awaitable);
      if (request.failed_at) ++request.steps_after_failure;
    }
    ++request.finished;
  } catch (const boost::system::system_error& error) {
    if (error.code() == asio::error::operation_aborted) ++request.aborted;
    throw;
  }
}
// [query]

// [handle_request]
asio::awaitable<void> handle_request(request_state& request, int backends)
{
  const auto executor = co_await asio::this_coro::executor;

  // Query every backend at once, as a group.
  std::vector<decltype(asio::co_spawn(executor, query(request, 0), asio::deferred))> queries;
  for (int backend = 0; backend < backends; ++backend)
    queries.push_back(asio::co_spawn(executor, query(request, backend), asio::deferred));

  // Wait for all of them; the first failure cancels the others at once.
  auto [order, errors] = co_await asio::experimental::make_parallel_group(std::move(queries))
                             .async_wait(asio::experimental::wait_for_one_error(), asio::use_awaitable);

  // Rethrow the failure that ended the wait: the first one to complete.
  for (const auto index : order)
    if (errors[index]) std::rethrow_exception(errors[index]);
}
// [handle_request]

}  // namespace

outcome solution(const scenario& scenario, const lab::instruments& with)
{
  request_state request{.fail_after = std::chrono::milliseconds(scenario.fail_after_ms),
                        .steps = static_cast<int>(std::chrono::milliseconds(scenario.work_ms) / step),
                        .spans = with.spans};
  asio::io_context io(1);
  outcome seen;

  const auto start = lab::clock::now();
  // [caller]
  asio::co_spawn(io, handle_request(request, scenario.backends), [](std::exception_ptr error) {
    // Success completes with a null pointer, and rethrowing a null pointer is undefined.
    if (error) std::rethrow_exception(error);
  });
  try {
    io.run();
  } catch (const std::exception& error) {
    seen.reached_caller = true;
    seen.caught = error.what();
  }
  // [caller]
  const auto returned = lab::clock::now();

  seen.wall = returned - start;
  seen.siblings_finished = request.finished;
  seen.siblings_aborted = request.aborted;
  seen.steps_after_failure = request.steps_after_failure;
  if (request.failed_at) seen.failure_to_caller = returned - *request.failed_at;
  return seen;
}

}  // namespace lesson05
