// Lesson 16's scene: a slow client that never reads, fast ones, and a talker, against either
// version of the server, under the lesson's watchdog.

#include "pitfalls/16_chat_server_scene.hpp"

#include "lab/gather.hpp"
#include "lab/run_with_watchdog.hpp"
#include "lab/serve_loop.hpp"

#include <boost/asio/read_until.hpp>
#include <boost/asio/this_coro.hpp>

#include <algorithm>

namespace lesson16 {
namespace {

asio::awaitable<tcp::socket> connect(tcp::endpoint server, int receive_buffer = 0)
{
  tcp::socket socket(co_await asio::this_coro::executor, tcp::v4());
  // A receive buffer set before the connection also bounds the window the client offers.
  if (receive_buffer > 0) socket.set_option(tcp::socket::receive_buffer_size(receive_buffer));
  co_await socket.async_connect(server, asio::use_awaitable);
  co_return socket;
}

asio::awaitable<void> scene(const scenario& scenario, const server_start& start, server_counts& counts,
                            scene_record& record, lab::task_watch& watch)
{
  tcp::acceptor acceptor = lab::listen_on_loopback(co_await asio::this_coro::executor, 0);
  const auto stop = start(acceptor, {.queue_bound = queue_bound_of(scenario)}, counts);
  const auto server = acceptor.local_endpoint();

  // The slow client connects first, and never reads a byte.
  tcp::socket slow = co_await connect(server, receive_buffer_bytes);
  std::vector<tcp::socket> fast;
  for (int index = 0; index < scenario.fast; ++index) fast.push_back(co_await connect(server));
  if (scenario.malformed) {
    tcp::socket malformed = co_await connect(server);
    co_await misbehave(malformed, record);
  }
  tcp::socket talker = co_await connect(server);

  // The server takes clients in order: once the talker is greeted, everyone is in the room.
  std::string greeting;
  co_await asio::async_read_until(talker, asio::dynamic_buffer(greeting), '\n', asio::use_awaitable);

  std::vector<asio::awaitable<void>> clients;
  clients.push_back(talk(talker, scenario, record, watch));
  for (int index = 0; index < scenario.fast; ++index)
    clients.push_back(read_fast(fast[static_cast<std::size_t>(index)], index, scenario, record, watch));
  co_await lab::gather(std::move(clients));
  stop();
}

}  // namespace

outcome run_scene(const scenario& scenario, const lab::instruments& with, const server_start& start)
{
  server_counts counts;
  scene_record record(scenario);
  lab::task_watch watch(with);
  const auto run = lab::run_with_watchdog(scene(scenario, start, counts, record, watch), watchdog_of(scenario), with);

  outcome seen{.wall = run.wall, .sent = record.sent, .dropped = counts.dropped, .most_queued = counts.most_queued,
               .stopped = run.stopped, .long_line_refused = record.long_line_refused,
               .half_close_ended = record.half_close_ended};
  seen.worst_wait = record.worst_wait;
  for (std::size_t index = 0; index < record.received.size(); ++index) {
    seen.delivered += record.received[index];
    seen.told_of_drop += record.told[index] ? 1 : 0;
    seen.binary_relayed += record.binary[index] ? 1 : 0;
    // Lines arrive in order: the first one missing has waited the longest, until the run ended.
    const auto missing = static_cast<std::size_t>(record.received[index]);
    if (record.received[index] < record.sent)
      seen.worst_wait = std::max(seen.worst_wait, std::chrono::nanoseconds(run.returned - record.sent_at[missing]));
  }
  return seen;
}

}  // namespace lesson16
