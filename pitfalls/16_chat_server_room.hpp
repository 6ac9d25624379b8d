#pragma once
/// \file
/// What lesson 16's pitfall and solution share, so that their difference is the lesson's idea: the
/// chat room, the accept loop, the line reader, and the scene the lesson runs (its clients, under
/// a watchdog: `16_chat_server_scene.hpp`) or serves (for `nc`).

#include "lessons/16_chat_server.hpp"

#include "lab/serve.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <functional>
#include <list>
#include <memory>
#include <string>
#include <string_view>

namespace lesson16 {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

/// Error codes rather than exceptions: a client that goes away is a normal end for a session.
inline constexpr auto with_error_code = asio::as_tuple(asio::use_awaitable);

/// What the server is told.
struct server_settings {
  std::size_t queue_bound = 0;  ///< the solution's bound on the bytes queued for one client
  bool log = false;             ///< print joins, leaves, drops and errors (served mode)
};

/// What the server counts, for the lesson's outcome.
struct server_counts {
  int dropped = 0;            ///< clients dropped for falling behind
  long long most_queued = 0;  ///< the most bytes queued for one client at a time
};

/// Prints `line` (a line of the chat, with its '\n') on the server's terminal, when it logs.
void log(const server_settings& settings, std::string_view line);

/// The server's first line to a client.
std::string greeting_of(const std::string& name);
/// The server's answer to a line longer than `max_line_bytes`.
inline constexpr std::string_view too_long_error = "* error: a line is at most 1024 bytes; that one was skipped\n";

/// The clients connected to the server; `Client` is the pitfall's or the solution's, with a
/// `socket` and a `name`.
template <typename Client>
struct chat_room {
  server_settings settings;
  server_counts& counts;
  std::list<std::shared_ptr<Client>> clients;

  /// The client's session has ended: forget it and close its socket.
  void leave(const std::shared_ptr<Client>& client)
  {
    clients.remove(client);
    boost::system::error_code ignored;
    client->socket.close(ignored);
    log(settings, "* " + client->name + " left\n");
  }
};

/// Shrinks the kernel's send buffer for one client, so that a client that does not read fills it
/// within a short run, and turns Nagle's algorithm off, as a chat server should.
void shrink_send_buffer(tcp::socket& socket);

/// Accepts clients until the acceptor is closed. Each joins the room at once, in the order they
/// connected, and gets a session.
template <typename Client, typename Session>
asio::awaitable<void> accept_clients(tcp::acceptor& acceptor, std::shared_ptr<chat_room<Client>> room,
                                     Session session)
{
  for (int number = 1;; ++number) {
    auto [error, socket] = co_await acceptor.async_accept(with_error_code);
    if (error) co_return;
    shrink_send_buffer(socket);
    auto client = std::make_shared<Client>(std::move(socket), "client " + std::to_string(number));
    room->clients.push_back(client);
    log(room->settings, "* " + client->name + " joined\n");
    asio::co_spawn(acceptor.get_executor(), session(room, client), asio::detached);
  }
}

/// Starts a server on `acceptor`, with `Client` and `session` for each client. Returns what stops
/// it: closing the acceptor and every client's socket, which ends every session.
template <typename Client, typename Session>
std::function<void()> start_server(tcp::acceptor& acceptor, server_settings settings, server_counts& counts,
                                   Session session)
{
  auto room = std::make_shared<chat_room<Client>>(chat_room<Client>{settings, counts, {}});
  asio::co_spawn(acceptor.get_executor(), accept_clients(acceptor, room, session), asio::detached);
  return [room, &acceptor] {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    for (const auto& client : room->clients) client->socket.close(ignored);
  };
}

/// What a version gives the scene: its server, started on an acceptor, and what stops it.
using server_start = std::function<std::function<void()>(tcp::acceptor&, server_settings, server_counts&)>;

/// Runs the lesson's scene against the server `start` starts, under the lesson's watchdog.
outcome run_scene(const scenario& scenario, const lab::instruments& with, const server_start& start);

/// What starts a server with `Client` and `session` for each client.
template <typename Client, typename Session>
server_start chat_server(Session session)
{
  return [session](tcp::acceptor& acceptor, server_settings settings, server_counts& counts) {
    return start_server<Client>(acceptor, settings, counts, session);
  };
}

/// Runs the server `start` starts alone, logging, for `nc` clients until Ctrl-C (`--serve`).
void serve(const scenario& scenario, const lab::serve_options& options, const server_start& start,
           std::string_view what);

/// One read of a client's lines.
struct line_read {
  enum class kind { line, too_long, closed };
  kind what = kind::closed;  ///< a line, one too long (skipped), or the client's side closed
  std::string text;          ///< the line, with its '\n'
};

/// Reads a client's lines, each at most `max_line_bytes`. Every byte but '\n' passes as it is:
/// NUL, invalid UTF-8, '\r'. A line too long is reported once and skipped up to its '\n'.
class line_reader {
 public:
  explicit line_reader(tcp::socket& socket) : socket_(socket) {}
  /// The next line; `closed` once the client has shut its side down, or the connection failed.
  asio::awaitable<line_read> next();

 private:
  tcp::socket& socket_;
  std::string pending_;
  bool skipping_ = false;
};

}  // namespace lesson16
