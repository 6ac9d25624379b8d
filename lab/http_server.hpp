#pragma once
/// \file
/// A small HTTP/1.1 server (Boost.Beast, compiled once in lab_asio): each request goes to a
/// handler coroutine; it counts the connections it accepted and the requests it answered, and
/// turns a malformed request away with a status that says why.

#include "lab/serve.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

namespace lab {

/// What a handler sees of a request.
struct http_request {
  std::string method;  ///< "GET"
  std::string target;  ///< "/health", "/page/3"
};

/// What a handler answers: a status and a plain-text body.
struct http_response {
  unsigned status = 200;  ///< 200, 404, ...
  std::string body;       ///< sent as text/plain
};

/// Answers one request. It runs on the server's loop, as a coroutine.
using http_handler = std::function<boost::asio::awaitable<http_response>(http_request)>;

/// A handler for a site of pages: every GET waits `latency` (a timer: the loop runs on
/// meanwhile), then answers a short page named after its target.
http_handler slow_pages(std::chrono::nanoseconds latency);

/// An HTTP/1.1 server on a loop the caller runs, listening on an acceptor the caller opened (on
/// 127.0.0.1, `lab::listen_on_loopback`). One coroutine per connection reads requests one after
/// another, hands each to the handler and writes its answer; the connection stays open for the
/// next request when both sides want it (keep-alive), else the server closes it after the answer.
///
/// Malformed input gets an answer and a closed connection, never a crash: a request line or
/// header that does not parse, 400; headers longer than `header_limit`, 431; a body longer than
/// `body_limit`, 413. A connection closed mid-request, or silent for `idle`, is closed quietly.
/// Every answer carries `X-Connections-Accepted`, the connections accepted so far, so that any
/// client can see whether it reused its connection.
///
/// ```cpp
/// lab::http_server server(lab::listen_on_loopback(io.get_executor(), 0), {.handler = handle});
/// server.start();
/// io.run();  // until server.stop()
/// ```
class http_server {
 public:
  /// How the server behaves.
  struct options {
    http_handler handler;    ///< answers each request
    bool keep_alive = true;  ///< false: answer with `Connection: close` and close, every time
    /// How long a new connection waits before its first request is read. Loopback connects in
    /// microseconds; over a network, TCP's handshake costs one round trip before a request can
    /// leave, and this puts it back.
    std::chrono::nanoseconds handshake{};
    std::size_t header_limit = 8 * 1024;  ///< the longest request line and headers, in bytes
    std::size_t body_limit = 64 * 1024;   ///< the longest request body, in bytes
    std::chrono::nanoseconds idle = std::chrono::seconds(5);  ///< a silent connection is closed after this
  };

  /// Serves on `acceptor`'s executor once `start()` is called.
  http_server(boost::asio::ip::tcp::acceptor acceptor, options how);
  ~http_server();
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  /// Starts accepting connections on the acceptor's executor.
  void start();

  /// Closes the acceptor and every connection (a request being handled finishes, and its answer
  /// is dropped), on the server's loop. The loop then runs out of the server's work.
  void stop();

  /// The listening socket, to print its address.
  const boost::asio::ip::tcp::acceptor& acceptor() const { return acceptor_; }
  /// Where clients connect: 127.0.0.1 and the port.
  boost::asio::ip::tcp::endpoint endpoint() const { return endpoint_; }

  /// How many connections the server accepted.
  int accepted() const { return accepted_.load(std::memory_order_relaxed); }
  /// How many requests the handler answered.
  int answered() const { return answered_.load(std::memory_order_relaxed); }
  /// How many malformed requests were turned away (400, 413, 431).
  int refused() const { return refused_.load(std::memory_order_relaxed); }
  /// How many connections are open on the server's side.
  int open_connections() const { return open_.load(std::memory_order_relaxed); }

 private:
  struct connection;
  boost::asio::awaitable<void> accept();
  boost::asio::awaitable<void> serve(std::list<connection>::iterator at);

  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::ip::tcp::endpoint endpoint_;
  options how_;
  std::list<connection> connections_;  // only the server's loop touches it
  std::atomic<int> accepted_{0}, answered_{0}, refused_{0}, open_{0};
};

/// Serves `how` alone on 127.0.0.1 at `options.port`, on this thread, until Ctrl-C or the
/// duration (`lab::serve_until_stopped`, which prints the address first as "<what> on
/// 127.0.0.1:PORT; ..."); then stops the server and prints what it served:
/// "Served R requests on C connections; turned away M malformed."
void serve_http(http_server::options how, const serve_options& options, std::string_view what);

/// An `http_server` on its own thread and its own loop, as a service on its own machine: nothing
/// the client's loop does changes how it answers.
class http_server_thread {
 public:
  /// Listens on 127.0.0.1 at a port the OS picks and starts the server's thread.
  explicit http_server_thread(http_server::options how);
  /// Stops the server (see `stop()`).
  ~http_server_thread();
  http_server_thread(const http_server_thread&) = delete;
  http_server_thread& operator=(const http_server_thread&) = delete;

  /// Closes the listening socket and every connection, and waits for the server's thread to end.
  /// Returns at once if it has ended already.
  void stop();

  /// The server, for its address and counts.
  const http_server& server() const { return *server_; }

 private:
  boost::asio::io_context io_{1};
  std::unique_ptr<http_server> server_;
  std::thread thread_;
};

}  // namespace lab
