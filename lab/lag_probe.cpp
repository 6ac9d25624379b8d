#include "lab/lag_probe.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace asio = boost::asio;

namespace lab {

lag_probe::lag_probe(const asio::any_io_executor& executor, std::chrono::nanoseconds period, timeline* spans)
    : timer_(executor), period_(period), spans_(spans)
{
}

asio::awaitable<void> lag_probe::run()
{
  while (!stopped_) {
    timer_.expires_after(period_);
    auto [error] = co_await timer_.async_wait(asio::as_tuple(asio::use_awaitable));
    if (!error) ++ticks_;

    // The tick was due at the timer's expiry; whatever came after, the loop was busy elsewhere.
    // Measure even a tick that stop() cancelled: a loop that was blocked until the very end
    // cancels a tick that is overdue but never got the chance to run.
    const auto ran = clock::now();
    const auto late = ran - timer_.expiry();
    if (late > longest_stall_) longest_stall_ = late;
    if (spans_ && late > period_) spans_->record(0, span_kind::stall, timer_.expiry(), ran);
  }
}

void lag_probe::stop()
{
  stopped_ = true;
  timer_.cancel();
}

}  // namespace lab
