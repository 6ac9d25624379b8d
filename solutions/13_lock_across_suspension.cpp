#include "lessons/13_lock_across_suspension.hpp"

#include "lab/threaded_loop.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>

namespace asio = boost::asio;

namespace lesson13 {
namespace {

// [lock]
// The connection's lock: a channel with room for one message, safe from any thread. Sending the
// message locks; while it is there, a second send waits, suspended. Receiving it unlocks.
class connection_lock {
 public:
  explicit connection_lock(const asio::any_io_executor& loop) : permit_(loop, 1) {}

  // Takes the lock, suspending the request while another request holds it: the thread goes on
  // running the loop. False if the deadline has passed by then.
  asio::awaitable<bool> lock_until(lab::clock::time_point deadline, counts&)
  {
    co_await permit_.async_send(boost::system::error_code{}, asio::use_awaitable);
    if (lab::clock::now() < deadline) co_return true;
    unlock();
    co_return false;
  }
  void unlock() { permit_.try_receive([](boost::system::error_code) {}); }

 private:
  asio::experimental::concurrent_channel<void(boost::system::error_code)> permit_;
};
// [lock]

// [handle_request]
asio::awaitable<void> handle_request(connection_lock& connection, std::chrono::milliseconds query,
                                     lab::clock::time_point deadline, counts& seen)
{
  // Lock the connection: it runs one query at a time.
  if (!co_await connection.lock_until(deadline, seen)) {
    ++seen.gave_up;
    co_return;
  }
  // Run the query, then unlock.
  asio::steady_timer query_time(co_await asio::this_coro::executor, query);
  co_await query_time.async_wait(asio::use_awaitable);
  connection.unlock();
  ++seen.served;
}
// [handle_request]

}  // namespace

outcome solution(const scenario& scenario, const lab::instruments& with)
{
  const std::chrono::milliseconds query(scenario.query_ms);
  counts seen;
  lab::threaded_loop loop(scenario.threads, heartbeat_period, with);
  connection_lock connection(loop.executor());
  // Every request arrives now, so their deadline is the same.
  const auto deadline = lab::clock::now() + std::chrono::milliseconds(scenario.deadline_ms);
  const auto run = loop.run_tasks(scenario.requests,
                                  [&](int) { return handle_request(connection, query, deadline, seen); });
  return outcome_of(run, seen);
}

}  // namespace lesson13
