#include "lessons/05_exception_propagation.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/this_coro.hpp>

namespace asio = boost::asio;

namespace lesson05 {
namespace {

// [handle_request]
asio::awaitable<void> handle_request(lab::backend& backend, int backends)
{
  const auto executor = co_await asio::this_coro::executor;

  // Query every backend at once.
  for (int i = 0; i < backends; ++i)
    asio::co_spawn(executor, backend.query(i), asio::detached);
}
// [handle_request]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  lab::backend backend(backend_of(scenario), with);
  return backend.outcome(lab::run_catching(handle_request(backend, scenario.backends), with));
}

}  // namespace lesson05
