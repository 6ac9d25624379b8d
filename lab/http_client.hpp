#pragma once
/// \file
/// A small HTTP/1.1 client (Boost.Beast, compiled once in lab_asio): one connection, requests on
/// it one after another, kept alive between them, and how long each took.

#include "lab/http_server.hpp"
#include "lab/latencies.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <memory>
#include <string>

namespace lab {

/// How long the requests of one or many clients took, on the client's loop: a request on a new
/// connection (cold) counts from the start of `connect()`, so it includes resolving the name and
/// opening the connection; one on a connection already open (warm) from its own start.
struct http_timings {
  latencies cold;  ///< the first request on each connection, with its connect
  latencies warm;  ///< every later request on a connection
};

/// One HTTP/1.1 connection to a server: `connect()` resolves the server's name and connects,
/// `get()` sends a request and reads its answer, and the connection stays open (keep-alive) for
/// the next one until the client is closed or destroyed.
///
/// ```cpp
/// lab::http_client client(co_await asio::this_coro::executor, &timings);
/// co_await client.connect("127.0.0.1", "8080");
/// const lab::http_response page = co_await client.get("/page/1");
/// ```
class http_client {
 public:
  /// A client not yet connected, on `executor`. With `timings`, each request's time is added
  /// there (it must outlive the client, and be used on the same loop only).
  explicit http_client(boost::asio::any_io_executor executor, http_timings* timings = nullptr);
  /// Closes the connection, if open, at once.
  ~http_client();
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;

  /// Resolves `host` and `port` (a resolver, as a client with a URL does) and connects.
  boost::asio::awaitable<void> connect(std::string host, std::string port);

  /// Sends `GET target` and reads the answer. Throws on a network error, or when the server
  /// closed the connection.
  boost::asio::awaitable<http_response> get(std::string target);

  /// Whether the connection is open.
  bool is_open() const;

  /// Closes the connection: says goodbye (shuts down sending) and closes the socket.
  void close();

 private:
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace lab
