#include "lessons/10_unbounded_concurrency.hpp"

#include "lab/delay_server.hpp"
#include "lab/latencies.hpp"
#include "lab/run_on_loop.hpp"
#include "lab/task_watch.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <chrono>
#include <exception>
#include <string_view>
#include <vector>

namespace asio = boost::asio;
using asio::ip::tcp;

namespace lesson10 {
namespace {

// What the client sees of its own requests.
struct client {
  lab::task_watch watch;  // requests on the wire
  lab::latencies took;    // each one's time on the wire
};

// [request]
asio::awaitable<void> request(tcp::endpoint backend, int index, client& client)
{
  auto on_the_wire = client.watch.start(index);
  const auto start = lab::clock::now();
  tcp::socket socket(co_await asio::this_coro::executor);
  co_await socket.async_connect(backend, asio::use_awaitable);

  // Ask, and read the answer: the echo, or "busy\n" if the backend turned the request away.
  const std::string_view question = "ping\n";
  std::array<char, 5> answer{};
  co_await asio::async_write(socket, asio::buffer(question), asio::use_awaitable);
  co_await asio::async_read(socket, asio::buffer(answer), asio::use_awaitable);
  client.took.add(lab::clock::now() - start);
}
// [request]

// [request_all]
asio::awaitable<void> request_all(tcp::endpoint backend, int requests, client& client)
{
  const auto executor = co_await asio::this_coro::executor;

  // One task per request, all started at once.
  using request_operation = decltype(asio::co_spawn(executor, request(backend, 0, client), asio::deferred));
  std::vector<request_operation> operations;
  for (int index = 0; index < requests; ++index)
    operations.push_back(asio::co_spawn(executor, request(backend, index, client), asio::deferred));

  auto [order, errors] = co_await asio::experimental::make_parallel_group(std::move(operations))
                             .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);
}
// [request_all]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  // The backend runs on its own thread, as it would on its own machine.
  using full = lab::delay_server::when_full;
  lab::delay_server backend({.delay = std::chrono::milliseconds(scenario.delay_ms), .limit = scenario.limit,
                             .full = scenario.queue ? full::queue : full::reject});
  client client{.watch = lab::task_watch(with), .took = {}};
  const auto run = lab::run_on_loop(request_all(backend.endpoint(), scenario.requests, client), with);
  backend.stop();
  return {.wall = run.wall, .most_in_flight = client.watch.most_in_flight(), .rejected = backend.rejected(),
          .answered = backend.answered(), .p50 = client.took.percentile(50), .p99 = client.took.percentile(99)};
}

}  // namespace lesson10
