#include "lessons/05_exception_propagation.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <vector>

namespace asio = boost::asio;

namespace lesson05 {
namespace {

// [handle_request]
asio::awaitable<void> handle_request(lab::backend& backend, int backends)
{
  const auto executor = co_await asio::this_coro::executor;

  // Query every backend at once, as a group.
  std::vector<decltype(asio::co_spawn(executor, backend.query(0), asio::deferred))> queries;
  for (int i = 0; i < backends; ++i)
    queries.push_back(asio::co_spawn(executor, backend.query(i), asio::deferred));

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
  lab::backend backend(backend_of(scenario), with);
  return backend.outcome(lab::run_catching(handle_request(backend, scenario.backends), with));
}

}  // namespace lesson05
