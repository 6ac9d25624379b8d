// One request to a backend that misbehaves, under two kinds of deadline: the shorthand, Asio's
// awaitable operator `||`, which times out a silent backend but shares lesson 05's trap (a request
// that fails at once does not end the wait, and its error is dropped), and the solution's group.

#include "lessons/09_missing_timeout.hpp"

#include "lab/delay_server.hpp"
#include "lab/run_on_loop.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
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

asio::awaitable<void> request(tcp::endpoint backend)
{
  tcp::socket socket(co_await asio::this_coro::executor);
  co_await socket.async_connect(backend, asio::use_awaitable);
  const std::array<char, 4> question{'p', 'i', 'n', 'g'};
  std::array<char, 4> reply{};
  co_await asio::async_write(socket, asio::buffer(question), asio::use_awaitable);
  co_await asio::async_read(socket, asio::buffer(reply), asio::use_awaitable);
}

asio::awaitable<void> timeout(std::chrono::milliseconds after)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, after);
  co_await timer.async_wait(asio::use_awaitable);
}

// [or_deadline]
asio::awaitable<bool> deadline_won_or(tcp::endpoint backend, std::chrono::milliseconds deadline)
{
  using asio::experimental::awaitable_operators::operator||;

  // Wait for the reply or the deadline, whichever succeeds first; say whether the deadline won.
  const auto first = co_await (request(backend) || timeout(deadline));
  co_return first.index() == 1;
}
// [or_deadline]

// Says whether the deadline ended the wait, as the solution's group reports it.
asio::awaitable<bool> deadline_won_group(tcp::endpoint backend, std::chrono::milliseconds deadline)
{
  const auto executor = co_await asio::this_coro::executor;
  asio::steady_timer timer(executor, deadline);
  auto [order, request_error, timer_error] =
      co_await asio::experimental::make_parallel_group(asio::co_spawn(executor, request(backend), asio::deferred),
                                                       timer.async_wait(asio::deferred))
          .async_wait(asio::experimental::wait_for_one(), asio::use_awaitable);
  if (order[0] == 0 && request_error) std::rethrow_exception(request_error);
  co_return order[0] == 1;
}

// A backend that misbehaves as asked: never answers, or refuses every connection at once.
struct misbehaving_backend {
  explicit misbehaving_backend(misbehaviour how) : server({.silent_every = 1})
  {
    // Where nothing listens any more, a connection is refused at once.
    if (how == misbehaviour::refusing) server.stop();
  }
  lab::delay_server server;
};

deadline_outcome seen_by_caller(const lab::loop_result<bool>& run)
{
  return {.wall = run.wall, .timed_out = run.value.value_or(false), .caught = run.caught()};
}

}  // namespace

deadline_outcome deadline_with_or(misbehaviour how, std::chrono::milliseconds deadline)
{
  const misbehaving_backend backend(how);
  return seen_by_caller(lab::run_catching(deadline_won_or(backend.server.endpoint(), deadline), lab::instruments::off()));
}

deadline_outcome deadline_with_group(misbehaviour how, std::chrono::milliseconds deadline)
{
  const misbehaving_backend backend(how);
  return seen_by_caller(
      lab::run_catching(deadline_won_group(backend.server.endpoint(), deadline), lab::instruments::off()));
}

}  // namespace lesson09
