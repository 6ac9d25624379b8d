#include "lab/http_client.hpp"
#include "lab/http_server.hpp"
#include "lab/open_sockets.hpp"
#include "lab/run_on_loop.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/write.hpp>

#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/time.h>

#include <chrono>
#include <string>
#include <thread>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

// A raw client, as a student's nc would be: bytes in, bytes out, blocking, on the test's thread,
// with a receive timeout so that a server that never answers fails the test instead of hanging it.
class raw_client {
 public:
  explicit raw_client(tcp::endpoint server) : socket_(io_)
  {
    socket_.connect(server);
    const timeval five_seconds{.tv_sec = 5, .tv_usec = 0};
    ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &five_seconds, sizeof five_seconds);
  }

  void send(const std::string& bytes) { asio::write(socket_, asio::buffer(bytes)); }

  // One answer: the status line and headers, and a body as long as Content-Length says; "" when the
  // server closed the connection first.
  std::string answer()
  {
    boost::system::error_code error;
    const auto header_end = asio::read_until(socket_, asio::dynamic_buffer(pending_), "\r\n\r\n", error);
    if (error) return {};
    std::string head = pending_.substr(0, header_end);
    pending_.erase(0, header_end);
    const auto length_at = head.find("Content-Length: ");
    const std::size_t length = length_at == std::string::npos ? 0 : std::stoul(head.substr(length_at + 16));
    if (pending_.size() < length)
      asio::read(socket_, asio::dynamic_buffer(pending_), asio::transfer_exactly(length - pending_.size()), error);
    head += pending_.substr(0, length);
    pending_.erase(0, length);
    return head;
  }

  // Whether the server closed the connection: a read ends with the end of the stream (or a reset).
  bool closed_by_server()
  {
    std::array<char, 256> rest{};
    boost::system::error_code error;
    while (!error) socket_.read_some(asio::buffer(rest), error);
    return error == asio::error::eof || error == asio::error::connection_reset;
  }

  void close() { socket_.close(); }

 private:
  asio::io_context io_;
  tcp::socket socket_;
  std::string pending_;
};

// `head`, `count` x's, then `tail` (appended, not concatenated: g++ 12 warns wrongly about
// "literal" + std::string(n, c)).
std::string padded(const char* head, std::size_t count, const char* tail)
{
  std::string bytes(head);
  bytes.append(count, 'x');
  bytes.append(tail);
  return bytes;
}

const std::string get_page = "GET /page/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

bool status_is(const std::string& answer, const std::string& status)
{
  return answer.rfind("HTTP/1.1 " + status, 0) == 0;
}

// The server is still serving: a new connection gets a page.
bool still_serves(tcp::endpoint server)
{
  raw_client client(server);
  client.send(get_page);
  return status_is(client.answer(), "200");
}

}  // namespace

TEST_CASE("the HTTP server listens on the loopback address, on a port the OS picked", "[lab][http_server]")
{
  lab::http_server_thread server({.handler = lab::slow_pages(0ms)});
  CHECK(server.server().endpoint().address() == asio::ip::address_v4::loopback());
  CHECK(server.server().endpoint().port() != 0);
}

TEST_CASE("the HTTP server keeps a connection alive and counts one connection for two requests",
          "[lab][http_server]")
{
  lab::http_server_thread server({.handler = lab::slow_pages(0ms)});
  raw_client client(server.server().endpoint());
  client.send(get_page);
  const auto first = client.answer();
  client.send(get_page);
  const auto second = client.answer();
  CHECK(status_is(first, "200"));
  CHECK(second.find("X-Connections-Accepted: 1\r\n") != std::string::npos);
  CHECK(second.find("page /page/1") != std::string::npos);
  server.stop();
  CHECK(server.server().accepted() == 1);
  CHECK(server.server().answered() == 2);
}

TEST_CASE("without keep-alive the HTTP server closes the connection after every answer", "[lab][http_server]")
{
  lab::http_server_thread server({.handler = lab::slow_pages(0ms), .keep_alive = false});
  raw_client client(server.server().endpoint());
  client.send(get_page);
  const auto answer = client.answer();
  CHECK(status_is(answer, "200"));
  CHECK(answer.find("Connection: close\r\n") != std::string::npos);
  CHECK(client.closed_by_server());
}

TEST_CASE("a request line that does not parse gets 400 and a closed connection", "[lab][http_server][malformed]")
{
  lab::http_server_thread server({.handler = lab::slow_pages(0ms)});
  raw_client client(server.server().endpoint());
  client.send("HELLO\r\n\r\n");
  CHECK(status_is(client.answer(), "400"));
  CHECK(client.closed_by_server());
  CHECK(still_serves(server.server().endpoint()));
  CHECK(server.server().refused() == 1);
}

TEST_CASE("headers longer than the limit get 431", "[lab][http_server][malformed]")
{
  lab::http_server_thread server({.handler = lab::slow_pages(0ms), .header_limit = 1024});
  raw_client client(server.server().endpoint());
  client.send(padded("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ", 4096, "\r\n\r\n"));
  CHECK(status_is(client.answer(), "431"));
  CHECK(client.closed_by_server());
  CHECK(still_serves(server.server().endpoint()));
}

TEST_CASE("a body longer than the limit gets 413", "[lab][http_server][malformed]")
{
  lab::http_server_thread server({.handler = lab::slow_pages(0ms), .body_limit = 1024});
  raw_client client(server.server().endpoint());
  client.send(padded("POST /page/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n", 2048, ""));
  CHECK(status_is(client.answer(), "413"));
  CHECK(client.closed_by_server());
  CHECK(still_serves(server.server().endpoint()));
}

TEST_CASE("a body longer than declared is answered, and its extra bytes get 400", "[lab][http_server][malformed]")
{
  lab::http_server_thread server({.handler = lab::slow_pages(0ms)});
  raw_client client(server.server().endpoint());
  client.send("POST /page/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\n"
              "hello, and bytes nobody declared\r\n\r\n");
  CHECK(status_is(client.answer(), "200"));
  CHECK(status_is(client.answer(), "400"));
  CHECK(client.closed_by_server());
  CHECK(still_serves(server.server().endpoint()));
}

TEST_CASE("a connection closed mid-request is closed quietly, and the server serves on",
          "[lab][http_server][malformed]")
{
  lab::http_server_thread server({.handler = lab::slow_pages(0ms)});
  {
    raw_client client(server.server().endpoint());
    client.send("GET /page/1 HTTP/1.1\r\nHost: 127.0");
    client.close();
  }
  CHECK(still_serves(server.server().endpoint()));
  server.stop();
  CHECK(server.server().open_connections() == 0);
  CHECK(server.server().refused() == 0);
}

TEST_CASE("the HTTP client times a request on a new connection as cold and the next as warm", "[lab][http_client]")
{
  lab::http_server_thread server({.handler = lab::slow_pages(5ms), .handshake = 5ms});
  const auto port = std::to_string(server.server().endpoint().port());
  lab::http_timings timings;
  const auto fetch_twice = [&]() -> asio::awaitable<std::string> {
    lab::http_client client(co_await asio::this_coro::executor, &timings);
    co_await client.connect("127.0.0.1", port);
    co_await client.get("/page/1");
    const auto second = co_await client.get("/page/2");
    co_return second.body;
  };
  const auto run = lab::run_on_loop(fetch_twice());
  CHECK(*run.value == "<p>page /page/2</p>\n");
  REQUIRE(timings.cold.count() == 1);
  REQUIRE(timings.warm.count() == 1);
  // The handshake's wait and the page's: two waits of 5 ms, against one.
  CHECK(timings.cold.percentile(100) >= 10ms);
  CHECK(timings.warm.percentile(100) >= 5ms);
  server.stop();
  CHECK(server.server().accepted() == 1);
}

TEST_CASE("the HTTP server and client leave no socket open", "[lab][http_server][http_client]")
{
  const int before = lab::open_sockets();
  {
    lab::http_server_thread server({.handler = lab::slow_pages(0ms)});
    const auto port = std::to_string(server.server().endpoint().port());
    const auto fetch = [&]() -> asio::awaitable<void> {
      lab::http_client client(co_await asio::this_coro::executor);
      co_await client.connect("127.0.0.1", port);
      co_await client.get("/page/1");
    };
    lab::run_on_loop(fetch());
    CHECK(still_serves(server.server().endpoint()));
  }
  CHECK(lab::open_sockets() == before);
}
