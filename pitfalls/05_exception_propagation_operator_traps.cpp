// Fixes that look right but are not: two traps of Asio 1.81's awaitable operators when one
// operand fails. `||` reports a fast failure as a win for the other operand, and `&&` rethrows
// operand 0's exception, which can be the cancelled sibling's operation_aborted rather than the
// real failure.

#include "lessons/05_exception_propagation.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/multiple_exceptions.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>

namespace asio = boost::asio;

namespace lesson05 {
namespace {

asio::awaitable<void> timeout(std::chrono::milliseconds after)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, after);
  co_await timer.async_wait(asio::use_awaitable);
}

// [or_trap]
asio::awaitable<bool> query_with_timeout(lab::backend& backend, std::chrono::milliseconds work)
{
  using asio::experimental::awaitable_operators::operator||;

  // Query backend 0, giving up after `work`; say whether the timeout won.
  const auto finished = co_await (backend.query(0) || timeout(work));
  co_return finished.index() == 1;
}
// [or_trap]

// [and_trap]
asio::awaitable<void> query_both(lab::backend& backend)
{
  using asio::experimental::awaitable_operators::operator&&;

  // Query a healthy backend and backend 0 at once, and wait for both.
  co_await (backend.query(1) && backend.query(0));
}
// [and_trap]

bool is_operation_aborted(std::exception_ptr error)
{
  if (!error) return false;
  try {
    std::rethrow_exception(error);
  } catch (const asio::multiple_exceptions& all) {
    return is_operation_aborted(all.first_exception());
  } catch (const boost::system::system_error& failure) {
    return failure.code() == asio::error::operation_aborted;
  } catch (...) {
    return false;
  }
}

operator_outcome seen_by_caller(const lab::loop_run& run, bool timeout_won)
{
  return {.wall = run.wall,
          .reached_caller = run.reached_caller(),
          .caught = run.caught(),
          .caught_operation_aborted = is_operation_aborted(run.error),
          .timeout_won = timeout_won};
}

}  // namespace

operator_outcome failure_or_timeout(const scenario& scenario)
{
  lab::backend backend(backend_of(scenario), lab::instruments::off());
  const auto run = lab::run_catching(query_with_timeout(backend, std::chrono::milliseconds(scenario.work_ms)),
                                     lab::instruments::off());
  return seen_by_caller(run, run.value.value_or(false));
}

operator_outcome healthy_and_failure(const scenario& scenario)
{
  lab::backend backend(backend_of(scenario), lab::instruments::off());
  return seen_by_caller(lab::run_catching(query_both(backend), lab::instruments::off()), false);
}

}  // namespace lesson05
