#include "lab/delay_server.hpp"
#include "lab/timeline.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <vector>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

// Sends `question` on a new connection and returns what came back.
asio::awaitable<std::string> ask(tcp::endpoint server, std::string question)
{
  tcp::socket socket(co_await asio::this_coro::executor);
  co_await socket.async_connect(server, asio::use_awaitable);
  co_await asio::async_write(socket, asio::buffer(question), asio::use_awaitable);
  std::string answer(question.size(), '\0');
  co_await asio::async_read(socket, asio::buffer(answer), asio::use_awaitable);
  co_return answer;
}

}  // namespace

TEST_CASE("the delay server listens on the loopback address, on a port the OS picked", "[lab][delay_server]")
{
  lab::delay_server server(1ms);
  CHECK(server.endpoint().address() == asio::ip::address_v4::loopback());
  CHECK(server.endpoint().port() != 0);
}

TEST_CASE("the delay server echoes a request, and not before its delay", "[lab][delay_server]")
{
  lab::delay_server server(100ms);
  asio::io_context io;
  std::string answer;
  asio::co_spawn(io, ask(server.endpoint(), "ping"), [&](std::exception_ptr error, std::string echoed) {
    if (error) std::rethrow_exception(error);
    answer = echoed;
  });
  const auto start = lab::clock::now();
  io.run();
  const auto waited = lab::clock::now() - start;
  server.stop();

  CHECK(answer == "ping");
  CHECK(waited >= 100ms);  // the server's timer never fires early
  CHECK(server.answered() == 1);
  CHECK(server.most_held() == 1);
}

TEST_CASE("the delay server answers several connections, each with its own echo", "[lab][delay_server]")
{
  lab::delay_server server(10ms);
  asio::io_context io;
  std::vector<std::string> answers(3);
  for (int index = 0; index < 3; ++index)
    asio::co_spawn(io, ask(server.endpoint(), "request " + std::to_string(index)),
                   [&, index](std::exception_ptr error, std::string echoed) {
                     if (error) std::rethrow_exception(error);
                     answers[index] = echoed;
                   });
  io.run();
  server.stop();

  CHECK(answers == std::vector<std::string>{"request 0", "request 1", "request 2"});
  CHECK(server.answered() == 3);
}

TEST_CASE("stopping the delay server closes an open connection and ends its thread", "[lab][delay_server]")
{
  lab::delay_server server(1ms);
  asio::io_context io;
  tcp::socket client(io);
  client.connect(server.endpoint());

  // One answer on the connection proves the server has accepted it.
  std::array<char, 1> byte{'x'};
  asio::write(client, asio::buffer(byte));
  asio::read(client, asio::buffer(byte));
  server.stop();

  // The server closed its end, so a read sees the end of the stream rather than waiting forever.
  boost::system::error_code read_error;
  client.read_some(asio::buffer(byte), read_error);
  CHECK(read_error == asio::error::eof);
  CHECK(server.answered() == 1);
}

TEST_CASE("stopping the delay server twice is harmless", "[lab][delay_server]")
{
  lab::delay_server server(1ms);
  server.stop();
  server.stop();
  CHECK(server.answered() == 0);
}

namespace {

// Sends `question` on each of `count` connections at once and returns the answers in order.
std::vector<std::string> ask_all(tcp::endpoint server, int count, const std::string& question)
{
  asio::io_context io;
  std::vector<std::string> answers(static_cast<std::size_t>(count));
  for (std::size_t index = 0; index < answers.size(); ++index)
    asio::co_spawn(io, ask(server, question), [&, index](std::exception_ptr error, std::string echoed) {
      if (error) std::rethrow_exception(error);
      answers[index] = echoed;
    });
  io.run();
  return answers;
}

}  // namespace

TEST_CASE("a delay server with a limit that queues serves no more than the limit at once", "[lab][delay_server]")
{
  lab::delay_server server({.delay = 20ms, .limit = 2, .full = lab::delay_server::when_full::queue});
  const auto answers = ask_all(server.endpoint(), 6, "ping");
  server.stop();

  CHECK(answers == std::vector<std::string>(6, "ping"));
  CHECK(server.answered() == 6);
  CHECK(server.most_held() == 2);
  CHECK(server.rejected() == 0);
}

TEST_CASE("a delay server with a limit that rejects answers busy beyond the limit", "[lab][delay_server]")
{
  // The server holds each request long enough for the other five to arrive while two are held.
  lab::delay_server server({.delay = 2s, .limit = 2, .full = lab::delay_server::when_full::reject});
  asio::io_context io;
  std::vector<std::string> answers;
  for (int index = 0; index < 6; ++index)
    asio::co_spawn(io, ask(server.endpoint(), "ping\n"), [&](std::exception_ptr error, std::string echoed) {
      if (error) std::rethrow_exception(error);
      answers.push_back(echoed);
    });
  io.run_for(1s);  // the four turned away are answered at once; the two held are not yet
  server.stop();

  CHECK(answers == std::vector<std::string>(4, std::string(lab::delay_server::busy)));
  CHECK(server.rejected() == 4);
  CHECK(server.most_held() == 2);
}

TEST_CASE("a silent delay server connection is read and never answered", "[lab][delay_server]")
{
  lab::delay_server server({.delay = 1ms, .silent_every = 2});  // connections 1, 3, 5, ... are silent
  asio::io_context io;
  tcp::socket silent(io), answering(io);
  silent.connect(server.endpoint());
  answering.connect(server.endpoint());
  std::array<char, 1> byte{'x'};
  asio::write(silent, asio::buffer(byte));
  asio::write(answering, asio::buffer(byte));
  asio::read(answering, asio::buffer(byte));  // the second connection is answered

  silent.non_blocking(true);
  boost::system::error_code nothing_yet;
  std::this_thread::sleep_for(50ms);  // far longer than the delay: an answer would be there by now
  silent.read_some(asio::buffer(byte), nothing_yet);
  CHECK(nothing_yet == asio::error::would_block);
  CHECK(server.unanswered() == 1);
  CHECK(server.answered() == 1);
}

TEST_CASE("the delay server counts the connections its clients left open, and their goodbyes", "[lab][delay_server]")
{
  lab::delay_server server(1ms);
  asio::io_context io;
  tcp::socket left_open(io), closed(io);
  left_open.connect(server.endpoint());
  closed.connect(server.endpoint());
  asio::write(closed, asio::buffer(lab::delay_server::goodbye));
  std::string echo(lab::delay_server::goodbye.size(), '\0');
  asio::read(closed, asio::buffer(echo));
  closed.shutdown(tcp::socket::shutdown_send);
  closed.close();

  CHECK(server.open_connections_after(5s) == 1);  // waits until the close is seen, at most 5 s
  CHECK(server.accepted() == 2);
  CHECK(server.goodbyes() == 1);
  left_open.close();
  CHECK(server.open_connections_after(5s) == 0);
}
