#include "lab/open_sockets.hpp"
#include "lab/serve_loop.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <catch2/catch.hpp>

#include <chrono>

namespace asio = boost::asio;
using asio::ip::tcp;

TEST_CASE("listen_on_loopback listens on 127.0.0.1 alone, on a port the OS picks", "[lab][serve]")
{
  asio::io_context io;
  const auto listening = lab::listen_on_loopback(io.get_executor(), 0);
  CHECK(listening.local_endpoint().address() == asio::ip::address_v4::loopback());
  CHECK(listening.local_endpoint().port() != 0);
}

TEST_CASE("serve_until_stopped stops after --for, calls stop once, and leaves no socket open", "[lab][serve]")
{
  const int before = lab::open_sockets();
  int stops = 0;
  {
    asio::io_context io;
    auto listening = lab::listen_on_loopback(io.get_executor(), 0);
    // A pending accept: the loop has work until stop() closes the acceptor.
    listening.async_accept([](boost::system::error_code, tcp::socket) {});
    lab::serve_until_stopped(io, listening, {.port = 0, .duration = std::chrono::seconds(1)}, "Test server", [&] {
      ++stops;
      listening.close();
    });
  }
  CHECK(stops == 1);
  CHECK(lab::open_sockets() == before);
}
