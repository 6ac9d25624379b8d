#include "lab/delay_server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <array>

namespace asio = boost::asio;
using asio::ip::tcp;

namespace lab {
namespace {

// Error codes rather than exceptions: a closed connection is the normal way for a session to end.
constexpr auto with_error_code = asio::as_tuple(asio::use_awaitable);

}  // namespace

delay_server::delay_server(std::chrono::nanoseconds delay)
    : acceptor_(io_, tcp::endpoint(asio::ip::address_v4::loopback(), 0)),
      endpoint_(acceptor_.local_endpoint()),
      delay_(delay)
{
  asio::co_spawn(io_, accept(), asio::detached);
  thread_ = std::thread([this] { io_.run(); });
}

delay_server::~delay_server() { stop(); }

void delay_server::stop()
{
  if (!thread_.joinable()) return;
  // Close everything on the server's own thread, then end its loop without waiting out the delays.
  asio::post(io_, [this] {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    for (auto& connection : connections_) connection.close(ignored);
    io_.stop();
  });
  thread_.join();
}

asio::awaitable<void> delay_server::accept()
{
  for (;;) {
    auto [error, socket] = co_await acceptor_.async_accept(with_error_code);
    if (error) co_return;
    connections_.push_back(std::move(socket));
    asio::co_spawn(io_, serve(std::prev(connections_.end())), asio::detached);
  }
}

asio::awaitable<void> delay_server::serve(std::list<tcp::socket>::iterator connection)
{
  auto& socket = *connection;
  std::array<char, 4096> request;
  asio::steady_timer timer(io_);
  for (;;) {
    auto [read_error, size] = co_await socket.async_read_some(asio::buffer(request), with_error_code);
    if (read_error) break;

    // Hold the request, as a slow backend would, then echo it.
    {
      auto held = held_.enter();
      timer.expires_after(delay_);
      co_await timer.async_wait(with_error_code);
    }
    ++answered_;
    auto [write_error, written] = co_await asio::async_write(socket, asio::buffer(request, size), with_error_code);
    if (write_error) break;
  }
  boost::system::error_code ignored;
  socket.close(ignored);
  connections_.erase(connection);
}

}  // namespace lab
