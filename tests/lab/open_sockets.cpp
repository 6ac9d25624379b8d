#include "lab/open_sockets.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <catch2/catch.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;

TEST_CASE("open_sockets counts a socket while it is open, and not once it is closed", "[lab][open_sockets]")
{
  const int before = lab::open_sockets();
  REQUIRE(before >= 0);
  asio::io_context io;
  {
    tcp::acceptor listening(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
    tcp::socket socket(io);
    socket.connect(listening.local_endpoint());
    CHECK(lab::open_sockets() >= before + 2);  // the listener and the client (the accept is pending)
  }
  CHECK(lab::open_sockets() == before);
}
