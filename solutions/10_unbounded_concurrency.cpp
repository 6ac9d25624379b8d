#include "lessons/10_unbounded_concurrency.hpp"

#include "lab/delay_server.hpp"
#include "lab/latencies.hpp"
#include "lab/run_on_loop.hpp"
#include "lab/task_watch.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/channel.hpp>
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

// [with_permit]
// K permits: a channel whose buffer holds K. Boost 1.81 has no asynchronous semaphore.
using semaphore = asio::experimental::channel<void(boost::system::error_code)>;

// A permit held, given back when it goes out of scope, however the work ends.
struct permit {
  semaphore& permits;
  ~permit() { permits.try_receive([](boost::system::error_code) {}); }
};

asio::awaitable<void> with_permit(semaphore& permits, asio::awaitable<void> work)
{
  // Take a permit: the send completes at once while the buffer has room, and waits while K are out.
  co_await permits.async_send(boost::system::error_code{}, asio::use_awaitable);
  const permit held{permits};
  co_await std::move(work);
}
// [with_permit]

// [request_all]
asio::awaitable<void> request_all(tcp::endpoint backend, int requests, int limit, client& client)
{
  const auto executor = co_await asio::this_coro::executor;
  semaphore permits(executor, static_cast<std::size_t>(limit));

  // One task per request, all started at once; each goes on the wire only with a permit.
  using request_operation = decltype(asio::co_spawn(executor, request(backend, 0, client), asio::deferred));
  std::vector<request_operation> operations;
  for (int index = 0; index < requests; ++index)
    operations.push_back(
        asio::co_spawn(executor, with_permit(permits, request(backend, index, client)), asio::deferred));

  auto [order, errors] = co_await asio::experimental::make_parallel_group(std::move(operations))
                             .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);
}
// [request_all]

}  // namespace

outcome solution(const scenario& scenario, const lab::instruments& with)
{
  // The backend runs on its own thread, as it would on its own machine.
  using full = lab::delay_server::when_full;
  lab::delay_server backend({.delay = std::chrono::milliseconds(scenario.delay_ms), .limit = scenario.limit,
                             .full = scenario.queue ? full::queue : full::reject});
  client client{.watch = lab::task_watch(with), .took = {}};
  const auto run = lab::run_on_loop(request_all(backend.endpoint(), scenario.requests, scenario.limit, client), with);
  backend.stop();
  return {.wall = run.wall, .most_in_flight = client.watch.most_in_flight(), .rejected = backend.rejected(),
          .answered = backend.answered(), .p50 = client.took.percentile(50), .p99 = client.took.percentile(99)};
}

}  // namespace lesson10
