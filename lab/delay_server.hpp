#pragma once
/// \file
/// The delay server: a loopback echo server, on its own thread, that answers each request late,
/// and, when asked, answers some never, serves only so many at once, and counts what stays open.

#include "lab/in_flight.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <chrono>
#include <deque>
#include <list>
#include <string_view>
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
///
/// A backend misbehaves in the ways `options` sets: some connections are accepted and never
/// answered (`silent_every`), only `limit` requests are served at once and the rest wait or are
/// turned away (`when_full`). The server also counts the connections still open and the goodbyes
/// it heard, so a lesson can see from the other side of the wire what its client left behind.
class delay_server {
 public:
  /// What the server does with a request that arrives when `limit` requests are being served.
  enum class when_full {
    queue,   ///< it waits for a free place, first come first served
    reject,  ///< it is answered at once with `busy` instead of its echo
  };

  /// How the server behaves. The defaults are a well-behaved slow backend.
  struct options {
    std::chrono::nanoseconds delay{};  ///< how long each request is held before its echo
    /// Every `silent_every`-th connection (the 1st, then the 1 + n-th, ...) is accepted and read but
    /// never answered, a backend stuck on some requests; 0: every connection is answered.
    int silent_every = 0;
    int limit = 0;  ///< the most requests served at once; 0: no limit
    when_full full = when_full::queue;  ///< what happens to a request beyond `limit`
  };

  /// The answer to a request turned away because the server was full.
  static constexpr std::string_view busy = "busy\n";
  /// What the server counts as a client's goodbye: a request that ends with it (it echoes it like
  /// any other).
  static constexpr std::string_view goodbye = "bye\n";

  /// Listens on 127.0.0.1 and starts the server's thread: every request held for `delay`.
  explicit delay_server(std::chrono::nanoseconds delay);
  /// Listens on 127.0.0.1 and starts the server's thread, behaving as `how` says.
  explicit delay_server(const options& how);

  /// Stops the server (see `stop()`).
  ~delay_server();

  delay_server(const delay_server&) = delete;
  delay_server& operator=(const delay_server&) = delete;

  /// Where clients connect: 127.0.0.1 and the port the OS picked.
  boost::asio::ip::tcp::endpoint endpoint() const { return endpoint_; }

  /// Closes the listening socket and every open connection (a request being held is dropped),
  /// then waits for the server's thread to end. Returns at once if the server has stopped already.
  void stop();

  /// How many requests the server answered with their echo.
  int answered() const { return answered_.load(std::memory_order_relaxed); }

  /// The most requests the server held at the same moment.
  int most_held() const { return held_.most(); }

  /// How many requests were turned away with `busy`.
  int rejected() const { return rejected_.load(std::memory_order_relaxed); }

  /// How many connections the server accepted.
  int accepted() const { return accepted_.load(std::memory_order_relaxed); }

  /// How many requests arrived on a silent connection and were never answered.
  int unanswered() const { return unanswered_.load(std::memory_order_relaxed); }

  /// How many goodbyes (`goodbye`) the server received.
  int goodbyes() const { return goodbyes_.load(std::memory_order_relaxed); }

  /// How many connections are open on the server's side: accepted, and not yet closed by the
  /// client (the server closes its end when it reads the end of the stream or an error).
  int open_connections() const { return open_.load(std::memory_order_relaxed); }

  /// Waits until no connection is open or `grace` has passed, and returns how many are open. A
  /// client's close takes a moment to reach the server's thread; a connection its client never
  /// closed stays open for good.
  int open_connections_after(std::chrono::milliseconds grace) const;

 private:
  boost::asio::awaitable<void> accept();
  boost::asio::awaitable<void> serve(std::list<boost::asio::ip::tcp::socket>::iterator connection, bool silent);
  boost::asio::awaitable<bool> take_place();
  void give_place();

  boost::asio::io_context io_{1};
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::ip::tcp::endpoint endpoint_;
  options how_;
  std::list<boost::asio::ip::tcp::socket> connections_;  // only the server's thread touches it
  int serving_ = 0;                                      // requests holding a place (server's thread)
  std::deque<boost::asio::steady_timer*> waiting_;       // requests queued for a place (server's thread)
  in_flight_counter held_;
  std::atomic<int> answered_{0}, rejected_{0}, accepted_{0}, unanswered_{0}, goodbyes_{0}, open_{0};
  std::thread thread_;
};

}  // namespace lab
