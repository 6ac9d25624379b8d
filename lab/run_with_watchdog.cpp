#include "lab/run_with_watchdog.hpp"

#include <boost/asio/post.hpp>

namespace lab {

watchdog::watchdog(boost::asio::io_context& loop, std::chrono::nanoseconds bound) : timer_(loop)
{
  // Armed once the loop runs, so that the loop's own clock, started before, has run at least the
  // bound when the watchdog stops it.
  boost::asio::post(loop, [this, &loop, bound] {
    if (disarmed_) return;
    timer_.expires_after(bound);
    timer_.async_wait([this, &loop](boost::system::error_code error) {
      // The timer may have expired, its handler queued, just before the work finished and disarmed it.
      if (error || disarmed_) return;
      fired_ = true;
      loop.stop();
    });
  });
}

void watchdog::disarm()
{
  disarmed_ = true;
  timer_.cancel();
}

}  // namespace lab
