#include "lessons/13_lock_across_suspension.hpp"

#include "lab/threaded_loop.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <semaphore>

namespace asio = boost::asio;

namespace lesson13 {
namespace {

// [lock]
// The connection's lock: a semaphore with one permit. Unlike a std::mutex, any thread may give it
// back, and a request may resume on another thread than the one that locked.
class connection_lock {
 public:
  // Takes the lock, blocking the thread while another request holds it. False if the deadline
  // has passed by then.
  bool lock_until(lab::clock::time_point deadline, counts& seen)
  {
    if (!permit_.try_acquire()) {
      auto blocked = seen.blocked_threads.enter();
      // (try_acquire_for, as libstdc++ 12's try_acquire_until oversleeps by a tenth or more.)
      if (!permit_.try_acquire_for(deadline - lab::clock::now())) return false;
    }
    if (lab::clock::now() < deadline) return true;
    unlock();
    return false;
  }
  void unlock() { permit_.release(); }

 private:
  std::binary_semaphore permit_{1};
};
// [lock]

// [handle_request]
asio::awaitable<void> handle_request(connection_lock& connection, std::chrono::milliseconds query,
                                     lab::clock::time_point deadline, counts& seen)
{
  // Lock the connection: it runs one query at a time.
  if (!connection.lock_until(deadline, seen)) {
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

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  const std::chrono::milliseconds query(scenario.query_ms);
  counts seen;
  lab::threaded_loop loop(scenario.threads, heartbeat_period, with);
  connection_lock connection;
  // Every request arrives now, so their deadline is the same.
  const auto deadline = lab::clock::now() + std::chrono::milliseconds(scenario.deadline_ms);
  const auto run = loop.run_tasks(scenario.requests,
                                  [&](int) { return handle_request(connection, query, deadline, seen); });
  return outcome_of(run, seen);
}

}  // namespace lesson13
