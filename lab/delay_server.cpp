#include "lab/delay_server.hpp"

#include "lab/with_error_code.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <array>

namespace asio = boost::asio;
using asio::ip::tcp;

namespace lab {

delay_server::delay_server(std::chrono::nanoseconds delay) : delay_server(options{.delay = delay}) {}

delay_server::delay_server(const options& how)
    : acceptor_(io_, tcp::endpoint(asio::ip::address_v4::loopback(), 0)),
      endpoint_(acceptor_.local_endpoint()),
      how_(how)
{
  asio::co_spawn(io_, accept(), asio::detached);
  thread_ = std::thread([this] { io_.run(); });
}

// NOLINTNEXTLINE(bugprone-exception-escape): joining our own thread fails only on a bug; terminate then.
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

int delay_server::open_connections_after(std::chrono::milliseconds grace) const
{
  const auto until = std::chrono::steady_clock::now() + grace;
  while (open_connections() > 0 && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return open_connections();
}

asio::awaitable<void> delay_server::accept()
{
  for (;;) {
    auto [error, socket] = co_await acceptor_.async_accept(with_error_code);
    if (error) co_return;
    const int number = accepted_++;
    ++open_;
    const bool silent = how_.silent_every > 0 && number % how_.silent_every == 0;
    connections_.push_back(std::move(socket));
    asio::co_spawn(io_, serve(std::prev(connections_.end()), silent), asio::detached);
  }
}

// A place among the `limit` requests served at once: true once taken, false if turned away.
asio::awaitable<bool> delay_server::take_place()
{
  if (how_.limit == 0) co_return true;
  if (serving_ < how_.limit) {
    ++serving_;
    co_return true;
  }
  if (how_.full == when_full::reject) co_return false;
  // Wait in line: `give_place` hands its place over by waking the first in line.
  asio::steady_timer woken(io_, asio::steady_timer::time_point::max());
  waiting_.push_back(&woken);
  co_await woken.async_wait(with_error_code);
  co_return true;
}

void delay_server::give_place()
{
  if (how_.limit == 0) return;
  if (waiting_.empty()) {
    --serving_;
    return;
  }
  waiting_.front()->cancel();
  waiting_.pop_front();
}

asio::awaitable<void> delay_server::serve(std::list<tcp::socket>::iterator connection, bool silent)
{
  auto& socket = *connection;
  std::array<char, 4096> request;
  asio::steady_timer timer(io_);
  for (;;) {
    auto [read_error, size] = co_await socket.async_read_some(asio::buffer(request), with_error_code);
    if (read_error) break;
    const std::string_view text(request.data(), size);
    if (text.ends_with(goodbye)) ++goodbyes_;  // TCP may glue it to a request before it
    if (silent) {
      ++unanswered_;  // read, and never answered: the client waits until it gives up
      continue;
    }
    asio::const_buffer reply = asio::buffer(request, size);
    if (co_await take_place()) {
      // Hold the request, as a slow backend would, then echo it.
      auto held = held_.enter();
      timer.expires_after(how_.delay);
      co_await timer.async_wait(with_error_code);
      give_place();
      ++answered_;
    } else {
      ++rejected_;
      reply = asio::buffer(busy);
    }
    auto [write_error, written] = co_await asio::async_write(socket, reply, with_error_code);
    if (write_error) break;
  }
  boost::system::error_code ignored;
  socket.close(ignored);
  connections_.erase(connection);
  --open_;
}

}  // namespace lab
