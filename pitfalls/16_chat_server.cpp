#include "lessons/16_chat_server.hpp"

#include "pitfalls/16_chat_server_room.hpp"  // with lesson16::asio and lesson16::tcp

#include <boost/asio/write.hpp>

#include <memory>
#include <string>
#include <vector>

namespace lesson16 {
namespace {

// [client]
// What the server keeps for each client.
struct client {
  client(tcp::socket connected, std::string called) : socket(std::move(connected)), name(std::move(called)) {}
  tcp::socket socket;
  std::string name;
};
// [client]

using chat = chat_room<client>;

// [send]
// Write the line to the client; if it has gone, its session will notice.
asio::awaitable<void> send(chat&, client& to, std::string line)
{
  co_await asio::async_write(to.socket, asio::buffer(line), with_error_code);
}
// [send]

// [broadcast]
// Send the line to every other client, one after the other.
asio::awaitable<void> broadcast(chat& room, std::string line, const client& author)
{
  const std::vector everyone(room.clients.begin(), room.clients.end());  // a client may leave meanwhile
  for (const auto& other : everyone)
    if (other.get() != &author) co_await send(room, *other, line);
}
// [broadcast]

// [session]
asio::awaitable<void> session(std::shared_ptr<chat> room, std::shared_ptr<client> self)
{
  co_await send(*room, *self, greeting_of(self->name));
  line_reader lines(self->socket);
  for (;;) {
    const auto read = co_await lines.next();
    if (read.what == line_read::kind::closed) break;
    if (read.what == line_read::kind::line) co_await broadcast(*room, self->name + ": " + read.text, *self);
    if (read.what == line_read::kind::too_long) co_await send(*room, *self, std::string(too_long_error));
  }
  room->leave(self);
}
// [session]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  return run_scene(scenario, with, chat_server<client>(session));
}

void pitfall(const scenario& scenario, const lab::serve_options& options)
{
  serve(scenario, options, chat_server<client>(session), "The pitfall's chat server");
}

}  // namespace lesson16
