#include "lessons/03_sequential_awaits.hpp"

#include "lab/delay_server.hpp"
#include "lab/run_on_loop.hpp"
#include "lab/task_watch.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <chrono>

namespace asio = boost::asio;

namespace lesson03 {
namespace {

// [request]
asio::awaitable<void> request(asio::ip::tcp::endpoint server, int index, lab::task_watch& watch,
                              request_clock& clock)
{
  auto watching = watch.start(index);
  asio::ip::tcp::socket socket(co_await asio::this_coro::executor);
  co_await socket.async_connect(server, asio::use_awaitable);

  // Send the question; the server echoes it back as the answer.
  const std::array<char, 4> question{'p', 'i', 'n', 'g'};
  std::array<char, 4> answer{};
  co_await asio::async_write(socket, asio::buffer(question), asio::use_awaitable);
  const auto sent = clock.sent();
  co_await asio::async_read(socket, asio::buffer(answer), asio::use_awaitable);
  clock.answered(sent);
}
// [request]

// [request_all]
asio::awaitable<void> request_all(asio::ip::tcp::endpoint server, int requests, lab::task_watch& watch,
                                  request_clock& clock)
{
  // Make each request in turn.
  for (int index = 0; index < requests; ++index) co_await request(server, index, watch, clock);
}
// [request_all]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  // The backend runs on its own thread, as it would on its own machine.
  lab::delay_server server(std::chrono::milliseconds(scenario.latency_ms));
  lab::task_watch watch(with);
  request_clock clock;
  const auto run = lab::run_on_loop(request_all(server.endpoint(), scenario.requests, watch, clock), with);
  server.stop();
  return {.wall = run.wall, .most_in_flight = watch.most_in_flight(), .most_held = server.most_held(),
          .answered = server.answered(), .sending = clock.sending(),
          .slowest_answer = clock.slowest()};
}

}  // namespace lesson03
