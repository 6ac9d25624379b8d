#pragma once
/// \file
/// The delay server: a loopback echo server, on its own thread, that answers each request late.

#include "lab/in_flight.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <chrono>
#include <list>
#include <thread>

namespace lab {

/// A stand-in for a slow backend: an echo server on 127.0.0.1, on a port the OS picks, that holds
/// each request for `delay` before it sends the same bytes back.
///
/// It runs on its own thread and its own `io_context`, as a backend would on its own machine, so
/// nothing the client's loop does (blocking it, say) changes how the server answers. Each
/// connection may carry many requests, one after the other: whatever one read delivers is a
/// request, and its echo is the answer. The server counts the requests it answered and the most it
/// held at the same moment, so a lesson can see from the server's side how many requests overlapped.
///
/// ```cpp
/// lab::delay_server server(std::chrono::milliseconds(5));
/// asio::io_context io;
/// asio::co_spawn(io, client(server.endpoint()), asio::detached);
/// io.run();
/// server.stop();
/// int answered = server.answered();
/// ```
class delay_server {
 public:
  /// Listens on 127.0.0.1 and starts the server's thread.
  explicit delay_server(std::chrono::nanoseconds delay);

  /// Stops the server (see `stop()`).
  ~delay_server();

  delay_server(const delay_server&) = delete;
  delay_server& operator=(const delay_server&) = delete;

  /// Where clients connect: 127.0.0.1 and the port the OS picked.
  boost::asio::ip::tcp::endpoint endpoint() const { return endpoint_; }

  /// Closes the listening socket and every open connection (a request being held is dropped),
  /// then waits for the server's thread to end. Returns at once if the server has stopped already.
  void stop();

  /// How many requests the server answered.
  int answered() const { return answered_.load(std::memory_order_relaxed); }

  /// The most requests the server held at the same moment.
  int most_held() const { return held_.most(); }

 private:
  boost::asio::awaitable<void> accept();
  boost::asio::awaitable<void> serve(std::list<boost::asio::ip::tcp::socket>::iterator connection);

  boost::asio::io_context io_{1};
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::ip::tcp::endpoint endpoint_;
  std::chrono::nanoseconds delay_;
  std::list<boost::asio::ip::tcp::socket> connections_;  // only the server's thread touches it
  in_flight_counter held_;
  std::atomic<int> answered_{0};
  std::thread thread_;
};

}  // namespace lab
