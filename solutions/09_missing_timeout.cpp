#include "lessons/09_missing_timeout.hpp"

#include "lab/delay_server.hpp"
#include "lab/run_with_watchdog.hpp"
#include "lab/task_watch.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <chrono>
#include <exception>

namespace asio = boost::asio;
using asio::ip::tcp;

namespace lesson09 {
namespace {

// [request]
asio::awaitable<void> request(tcp::endpoint backend)
{
  tcp::socket socket(co_await asio::this_coro::executor);
  co_await socket.async_connect(backend, asio::use_awaitable);

  // Send the question; the backend echoes it back as the reply.
  const std::array<char, 4> question{'p', 'i', 'n', 'g'};
  std::array<char, 4> reply{};
  co_await asio::async_write(socket, asio::buffer(question), asio::use_awaitable);
  co_await asio::async_read(socket, asio::buffer(reply), asio::use_awaitable);
}
// [request]

// [ask]
asio::awaitable<void> ask(tcp::endpoint backend, int index, std::chrono::milliseconds deadline, outcome& seen,
                          lab::task_watch& watch)
{
  auto watching = watch.start(index);
  ++seen.pending;

  // Wait for the reply or the deadline, whichever ends first; the other is cancelled. Not
  // `request() || timeout()`: `||` waits for one to succeed, so a request that fails at once would
  // wait out the deadline and read as a timeout (lesson 05).
  const auto executor = co_await asio::this_coro::executor;
  asio::steady_timer timer(executor, deadline);
  auto [order, request_error, timer_error] =
      co_await asio::experimental::make_parallel_group(asio::co_spawn(executor, request(backend), asio::deferred),
                                                       timer.async_wait(asio::deferred))
          .async_wait(asio::experimental::wait_for_one(), asio::use_awaitable);

  --seen.pending;
  if (order[0] == 1) {
    ++seen.timed_out;
    co_return;
  }
  // The request ended first: with its reply, or with its own error, which goes on to the caller.
  if (request_error) std::rethrow_exception(request_error);
  ++seen.answered;
}
// [ask]

}  // namespace

outcome solution(const scenario& scenario, const lab::instruments& with)
{
  lab::delay_server backend({.delay = std::chrono::milliseconds(scenario.delay_ms),
                             .silent_every = scenario.silent_every});
  if (scenario.refused) backend.stop();
  const std::chrono::milliseconds deadline(scenario.deadline_ms);
  outcome seen;
  lab::task_watch watch(with);
  const auto run = lab::run_tasks_with_watchdog(
      scenario.requests, [&](int index) { return ask(backend.endpoint(), index, deadline, seen, watch); },
      watchdog_of(scenario), with);
  return ended(seen, run, backend.open_connections_after(close_grace));
}

}  // namespace lesson09
