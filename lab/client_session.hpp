#pragma once
/// \file
/// A client's session with one server, which keeps every connection it opened until that
/// connection is closed, as aiohttp's ClientSession does; and a group of jobs run in one session
/// against a delay server, with what the server saw of them.

#include "lab/delay_server.hpp"
#include "lab/instruments.hpp"
#include "lab/session_jobs_outcome.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <list>
#include <string>
#include <string_view>

namespace lab {

/// One connection a `client_session` opened: requests on it, and its graceful close.
class connection {
 public:
  /// A socket not yet connected; `goodbye` is what `close()` sends.
  connection(const boost::asio::any_io_executor& executor, std::string goodbye);

  /// Sends `request` and waits for an answer as long as it (the delay server echoes each request).
  /// Throws what the socket throws, `operation_aborted` when cancelled; the answer is then still
  /// due, and `close()` reads it.
  boost::asio::awaitable<void> request(std::string_view request);

  /// Closes the connection gracefully, as a protocol's goodbye does: reads the answer to a request
  /// that was cut short, if any, so that the server reads the goodbye on its own; sends the goodbye
  /// and waits for its answer; shuts down the sending side and waits for the server to close its
  /// end; then closes the socket. It suspends, so only a coroutine can run it, never a destructor.
  /// An error ends it early without an exception, and leaves the socket open; so does a
  /// cancellation, which may also surface as `operation_aborted` between two of its steps.
  boost::asio::awaitable<void> close();

  /// Whether the socket is open: connected, and neither closed by `close()` nor by the session's end.
  bool is_open() const { return socket_.is_open(); }

  /// The socket, to connect it.
  boost::asio::ip::tcp::socket& socket() { return socket_; }

 private:
  boost::asio::ip::tcp::socket socket_;
  std::string goodbye_;
  std::size_t due_ = 0;  // bytes of an answer still to read
};

/// A client's session with one server: it opens connections and keeps each one until the session
/// ends, so a connection that was never closed outlives the coroutine that opened it.
///
/// ```cpp
/// lab::client_session session(co_await asio::this_coro::executor, server.endpoint());
/// lab::connection& connection = co_await session.connect();
/// co_await connection.request("ping\n");
/// co_await connection.close();
/// ```
class client_session {
 public:
  /// A session with `server`, on `executor`; its connections say `goodbye` when closed.
  client_session(boost::asio::any_io_executor executor, boost::asio::ip::tcp::endpoint server,
                 std::string goodbye = std::string(delay_server::goodbye));

  /// Ends the session: the sockets of the connections nobody closed are closed by their
  /// destructors, at once and without a goodbye (the server reads the end of the stream).
  ~client_session();

  client_session(const client_session&) = delete;
  client_session& operator=(const client_session&) = delete;

  /// Opens a connection to the server. The session keeps it, and the reference stays valid,
  /// until the session ends.
  boost::asio::awaitable<std::reference_wrapper<connection>> connect();

  /// How many of the session's connections are still open.
  int open() const;

 private:
  boost::asio::any_io_executor executor_;
  boost::asio::ip::tcp::endpoint server_;
  std::string goodbye_;
  std::list<connection> connections_;
};

/// Makes job number `index` (from 0) in `session`. It must not start it.
using session_job = std::function<boost::asio::awaitable<void>(client_session& session, int index)>;

/// Runs `jobs` jobs in one session, against a delay server behaving as `server` says, on a fresh
/// loop (`lab::run_on_loop`, with the instruments): as one group that waits for every job and
/// cancels the others when one fails (Trio's nursery, Python's `asyncio.TaskGroup`). When the
/// group is done it waits for closes in flight to reach the server (at most `grace`) and counts
/// the connections the server still has open; then the session ends, and it counts them again.
/// Each job is a task on `with.spans`. The job's errors are counted, never rethrown.
session_jobs_outcome run_session_jobs(const delay_server::options& server, int jobs, const session_job& make_job,
                                      const instruments& with = {},
                                      std::chrono::milliseconds grace = std::chrono::milliseconds(1000));

}  // namespace lab
