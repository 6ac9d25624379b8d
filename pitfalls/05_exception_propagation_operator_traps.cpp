// Fixes that look right but are not: two traps of Asio 1.81's awaitable operators when one
// operand fails. `||` reports a fast failure as a win for the other operand, and `&&` rethrows
// operand 0's exception, which can be the cancelled sibling's operation_aborted rather than the
// real failure.

#include "lessons/05_exception_propagation.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/multiple_exceptions.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <stdexcept>

namespace asio = boost::asio;

namespace lesson05 {
namespace {

// Backend 0 fails after `fail_after`; any other backend works for `work` and succeeds.
asio::awaitable<void> query(int backend, std::chrono::milliseconds fail_after, std::chrono::milliseconds work)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, backend == 0 ? fail_after : work);
  co_await timer.async_wait(asio::use_awaitable);
  if (backend == 0) throw std::runtime_error("backend 0 refused the query");
}

asio::awaitable<void> timeout(std::chrono::milliseconds after)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, after);
  co_await timer.async_wait(asio::use_awaitable);
}

// [or_trap]
asio::awaitable<void> query_with_timeout(const scenario& scenario, operator_outcome& seen)
{
  using asio::experimental::awaitable_operators::operator||;
  const std::chrono::milliseconds fail_after(scenario.fail_after_ms), work(scenario.work_ms);

  // Query backend 0, giving up after `work`.
  const auto finished = co_await (query(0, fail_after, work) || timeout(work));
  seen.timeout_won = finished.index() == 1;
}
// [or_trap]

// [and_trap]
asio::awaitable<void> query_both(const scenario& scenario, operator_outcome&)
{
  using asio::experimental::awaitable_operators::operator&&;
  const std::chrono::milliseconds fail_after(scenario.fail_after_ms), work(scenario.work_ms);

  // Query a healthy backend and backend 0 at once, and wait for both.
  co_await (query(1, fail_after, work) && query(0, fail_after, work));
}
// [and_trap]

bool is_operation_aborted(std::exception_ptr error)
{
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

using operator_coroutine = asio::awaitable<void> (*)(const scenario&, operator_outcome&);

operator_outcome run(operator_coroutine use_operator, const scenario& scenario)
{
  operator_outcome seen;
  std::exception_ptr caught;
  asio::io_context io(1);

  const auto start = lab::clock::now();
  asio::co_spawn(io, use_operator(scenario, seen), [&](std::exception_ptr error) { caught = error; });
  io.run();
  seen.wall = lab::clock::now() - start;

  if (caught) {
    seen.reached_caller = true;
    seen.caught_operation_aborted = is_operation_aborted(caught);
    try {
      std::rethrow_exception(caught);
    } catch (const std::exception& error) {
      seen.caught = error.what();
    }
  }
  return seen;
}

}  // namespace

operator_outcome failure_or_timeout(const scenario& scenario) { return run(query_with_timeout, scenario); }

operator_outcome healthy_and_failure(const scenario& scenario) { return run(query_both, scenario); }

}  // namespace lesson05
