#include "lab/serve_loop.hpp"

#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <fmt/format.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <utility>

namespace asio = boost::asio;
using asio::ip::tcp;

namespace lab {

tcp::acceptor listen_on_loopback(const asio::any_io_executor& executor, unsigned short port)
{
  return tcp::acceptor(executor, tcp::endpoint(asio::ip::address_v4::loopback(), port));
}

void serve_until_stopped(asio::io_context& io, const tcp::acceptor& listening, const serve_options& options,
                         std::string_view what, const std::function<void()>& stop)
{
  fmt::print("{} on 127.0.0.1:{}; Ctrl-C stops it.\n", what, listening.local_endpoint().port());
  std::fflush(stdout);  // a script waiting for the address reads it now, not at exit

  asio::signal_set signals(io, SIGINT, SIGTERM);
  asio::steady_timer until(io);
  bool stopping = false;
  const auto stop_once = [&] {
    if (std::exchange(stopping, true)) return;
    signals.cancel();
    until.cancel();
    stop();
  };
  signals.async_wait([&](boost::system::error_code error, int) {
    if (!error) stop_once();
  });
  if (options.duration) {
    until.expires_after(*options.duration);
    until.async_wait([&](boost::system::error_code error) {
      if (!error) stop_once();
    });
  }
  while (!stopping && io.run_one() > 0) {
  }
  // What is still running after two seconds (a write to a client that never reads) is cut short:
  // the loop's destructor then destroys it, and its sockets with it.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (io.run_one_until(deadline) > 0) {
  }
  io.stop();
  fmt::print("Stopped.\n");
  std::fflush(stdout);
}

}  // namespace lab
