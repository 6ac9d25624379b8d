#include "lab/debug/loop_watch.hpp"

#include "lab/debug/mode.hpp"
#include "lab/debug/stall_watch.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <optional>

namespace asio = boost::asio;

namespace lab::debug {

struct loop_watch::state {
  explicit state(const asio::any_io_executor& loop) : executor(loop), timer(loop) {}

  asio::any_io_executor executor;
  asio::steady_timer timer;
  std::optional<stall_watch> stalls{std::in_place};
  bool stopped = false;  // on the loop
};

namespace {

// Beats every period, and once more when stopped: a beat that comes late ends a stall. After
// the last, the loop runs what is left unwatched, as the lag probe does.
asio::awaitable<void> beat_until_stopped(loop_watch::state* watch)
{
  for (;;) {
    watch->timer.expires_after(watch->stalls->period());
    co_await watch->timer.async_wait(asio::as_tuple(asio::use_awaitable));
    if (watch->stopped) break;
    watch->stalls->beat();
  }
  watch->stalls->last_beat();
}

}  // namespace

loop_watch::loop_watch(const asio::any_io_executor& loop)
{
  if (!on()) return;
  state_ = std::make_unique<state>(loop);
  asio::co_spawn(loop, beat_until_stopped(state_.get()), asio::detached);
}

loop_watch::~loop_watch() = default;

void loop_watch::stop()
{
  if (!state_) return;
  asio::post(state_->executor, [watch = state_.get()] {
    watch->stopped = true;
    watch->timer.cancel();
  });
}

void loop_watch::loop_returned(bool finished)
{
  if (!state_) return;
  state_->stalls.reset();
  if (finished) return;
  report({.what = kind::pending_work,
          .detail = "the loop stopped before its work finished; the work's coroutines are destroyed pending",
          .where = {},
          .task = {}});
}

}  // namespace lab::debug
