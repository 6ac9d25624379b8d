#include "lessons/16_chat_server.hpp"

#include "pitfalls/16_chat_server_room.hpp"  // with lesson16::asio and lesson16::tcp

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include <algorithm>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace lesson16 {
namespace {

// [client]
// What the server keeps for each client, with the lines waiting for it.
struct client {
  client(tcp::socket connected, std::string called)
      : socket(std::move(connected)), name(std::move(called)), wake(socket.get_executor()) {}
  tcp::socket socket;
  std::string name;
  std::deque<std::string> queue;
  std::size_t queued_bytes = 0;
  asio::steady_timer wake;  // its writer sleeps on it while the queue is empty
};
// [client]

using chat = chat_room<client>;

void drop(chat& room, client& slow);

// [send]
// Queue the line for the client and wake its writer; drop the client if too much is waiting.
void send(chat& room, client& to, std::string line)
{
  if (!to.socket.is_open()) return;
  if (to.queued_bytes + line.size() > room.settings.queue_bound) return drop(room, to);
  to.queued_bytes += line.size();
  room.counts.most_queued = std::max(room.counts.most_queued, static_cast<long long>(to.queued_bytes));
  to.queue.push_back(std::move(line));
  to.wake.cancel();
}
// [send]

// [drop]
// Close a client that fell too far behind, which ends its session and its writer, and say so.
void drop(chat& room, client& slow)
{
  const auto notice = "* dropped " + slow.name + ": " + std::to_string(slow.queued_bytes) + " bytes waited for it\n";
  ++room.counts.dropped;
  log(room.settings, notice);
  boost::system::error_code ignored;
  slow.socket.non_blocking(true, ignored);  // tell it too, if its socket has room: never wait for it
  slow.socket.write_some(asio::buffer("\n" + notice), ignored);
  slow.socket.close(ignored);
  for (const auto& other : room.clients) send(room, *other, notice);
}
// [drop]

// [writer]
// Write the client's lines in order, as fast as it reads them: all that wait, in one write.
asio::awaitable<void> writer(std::shared_ptr<client> self)
{
  while (self->socket.is_open()) {
    if (self->queue.empty()) {
      self->wake.expires_at(asio::steady_timer::time_point::max());
      co_await self->wake.async_wait(with_error_code);
      continue;
    }
    std::vector<asio::const_buffer> lines;
    for (const auto& line : self->queue) lines.push_back(asio::buffer(line));
    auto [error, written] = co_await asio::async_write(self->socket, lines, with_error_code);
    if (error) break;
    self->queued_bytes -= written;
    self->queue.erase(self->queue.begin(), self->queue.begin() + static_cast<std::ptrdiff_t>(lines.size()));
  }
}
// [writer]

// [broadcast]
// Queue the line for every other client: nothing here waits.
void broadcast(chat& room, const std::string& line, const client& author)
{
  for (const auto& other : room.clients)
    if (other.get() != &author) send(room, *other, line);
}
// [broadcast]

// [session]
asio::awaitable<void> session(std::shared_ptr<chat> room, std::shared_ptr<client> self)
{
  asio::co_spawn(self->socket.get_executor(), writer(self), asio::detached);
  send(*room, *self, greeting_of(self->name));
  line_reader lines(self->socket);
  for (;;) {
    const auto read = co_await lines.next();
    if (read.what == line_read::kind::closed) break;
    if (read.what == line_read::kind::line) broadcast(*room, self->name + ": " + read.text, *self);
    if (read.what == line_read::kind::too_long) send(*room, *self, std::string(too_long_error));
  }
  self->wake.cancel();
  room->leave(self);
}
// [session]

}  // namespace

outcome solution(const scenario& scenario, const lab::instruments& with)
{
  return run_scene(scenario, with, chat_server<client>(session));
}

void solution(const scenario& scenario, const lab::serve_options& options)
{
  serve(scenario, options, chat_server<client>(session), "The solution's chat server");
}

}  // namespace lesson16
