#include "lab/backend.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <stdexcept>

namespace asio = boost::asio;

namespace lab {

asio::awaitable<void> backend::query(int index)
{
  task_span span(spans_, index);
  asio::steady_timer timer(co_await asio::this_coro::executor);
  if (index == how_.failing) {
    timer.expires_after(how_.fail_after);
    co_await timer.async_wait(asio::use_awaitable);
    failed_at_ = clock::now();
    if (spans_) spans_->record(index, span_kind::failure, *failed_at_, *failed_at_);  // the timeline's mark
    throw std::runtime_error("backend " + std::to_string(index) + " refused the query");
  }
  try {
    for (auto done = std::chrono::milliseconds(0); done < how_.work; done += how_.step) {
      timer.expires_after(how_.step);
      co_await timer.async_wait(asio::use_awaitable);
      if (failed_at_) ++steps_after_failure_;
    }
    ++finished_;
  } catch (const boost::system::system_error& error) {
    if (error.code() == asio::error::operation_aborted) ++aborted_;
    throw;
  }
}

backend_outcome backend::outcome(const loop_run& run) const
{
  return {.wall = run.wall,
          .reached_caller = run.reached_caller(),
          .caught = run.caught(),
          .finished = finished_,
          .aborted = aborted_,
          .steps_after_failure = steps_after_failure_,
          .failure_to_caller = failed_at_ ? run.returned - *failed_at_ : std::chrono::nanoseconds(0)};
}

}  // namespace lab
