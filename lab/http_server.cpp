#include "lab/http_server.hpp"

#include "lab/serve_loop.hpp"
#include "lab/with_error_code.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <future>
#include <optional>
#include <string_view>
#include <utility>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

namespace lab {
namespace {

// The status that says why a request could not be read, or none when the client simply left
// (closed the connection, or stayed silent past the idle time).
std::optional<http::status> status_for(const boost::system::error_code& error)
{
  if (error == http::error::end_of_stream || error == http::error::partial_message ||
      error == beast::error::timeout || error == asio::error::operation_aborted ||
      error == asio::error::connection_reset || error == asio::error::eof || error == asio::error::broken_pipe)
    return std::nullopt;
  if (error == http::error::header_limit) return http::status::request_header_fields_too_large;
  if (error == http::error::body_limit || error == http::error::buffer_overflow) return http::status::payload_too_large;
  if (error.category() == http::make_error_code(http::error::bad_method).category()) return http::status::bad_request;
  return std::nullopt;
}

// After a refusal: stop sending, and read what the client still sends until it closes (for a
// moment at most), so that closing does not reset the connection before the client has read
// the answer.
asio::awaitable<void> drain(beast::tcp_stream& stream)
{
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.expires_after(std::chrono::milliseconds(500));
  std::array<char, 4096> discard{};
  for (;;) {
    auto [error, read] = co_await stream.async_read_some(asio::buffer(discard), with_error_code);
    if (error) break;
  }
  stream.expires_never();
}

}  // namespace

struct http_server::connection {
  beast::tcp_stream stream;
};

namespace {

asio::awaitable<http_response> slow_page(std::chrono::nanoseconds latency, http_request request)
{
  asio::steady_timer timer(co_await asio::this_coro::executor, latency);
  co_await timer.async_wait(asio::use_awaitable);
  co_return http_response{.status = 200, .body = "<p>page " + request.target + "</p>\n"};
}

}  // namespace

http_handler slow_pages(std::chrono::nanoseconds latency)
{
  return [latency](http_request request) { return slow_page(latency, std::move(request)); };
}

http_server::http_server(tcp::acceptor acceptor, options how)
    : acceptor_(std::move(acceptor)), endpoint_(acceptor_.local_endpoint()), how_(std::move(how))
{
}

http_server::~http_server() = default;

void http_server::start() { asio::co_spawn(acceptor_.get_executor(), accept(), asio::detached); }

void http_server::stop()
{
  asio::dispatch(acceptor_.get_executor(), [this] {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    for (auto& each : connections_) each.stream.socket().close(ignored);
  });
}

asio::awaitable<void> http_server::accept()
{
  for (;;) {
    auto [error, socket] = co_await acceptor_.async_accept(with_error_code);
    if (error == asio::error::operation_aborted || !acceptor_.is_open()) co_return;
    if (error) continue;  // e.g. the client gave up before its connection was accepted
    ++accepted_;
    ++open_;
    connections_.push_back(connection{beast::tcp_stream(std::move(socket))});
    asio::co_spawn(acceptor_.get_executor(), serve(std::prev(connections_.end())), asio::detached);
  }
}

asio::awaitable<void> http_server::serve(std::list<connection>::iterator at)
{
  auto& stream = at->stream;
  beast::flat_buffer buffer;
  bool refused = false;
  if (how_.handshake > std::chrono::nanoseconds::zero()) {
    asio::steady_timer handshake(stream.get_executor(), how_.handshake);
    co_await handshake.async_wait(with_error_code);
  }
  while (stream.socket().is_open()) {
    // Read one request, within the limits, or give up on a silent client.
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(how_.header_limit));
    parser.body_limit(how_.body_limit);
    stream.expires_after(how_.idle);
    auto [read_error, read] = co_await http::async_read(stream, buffer, parser, with_error_code);
    stream.expires_never();

    http::response<http::string_body> answer;
    refused = static_cast<bool>(read_error);
    if (read_error) {
      const auto status = status_for(read_error);
      if (!status || !stream.socket().is_open()) break;
      // Say why, and close: what follows a malformed request cannot be trusted.
      ++refused_;
      answer.result(*status);
      answer.body() = std::string(http::obsolete_reason(*status)) + "\n";
      answer.keep_alive(false);
    } else {
      const auto& request = parser.get();
      // A named request, not a temporary: g++ 12 destroys a temporary in a co_await twice.
      http_request asked{.method = std::string(request.method_string()), .target = std::string(request.target())};
      auto handling = how_.handler(std::move(asked));
      auto handled = co_await std::move(handling);
      ++answered_;
      answer.result(handled.status);
      answer.body() = std::move(handled.body);
      answer.keep_alive(how_.keep_alive && request.keep_alive());
    }
    answer.version(11);
    answer.set(http::field::server, "asynclab");
    answer.set(http::field::content_type, "text/plain");
    answer.set("X-Connections-Accepted", std::to_string(accepted()));
    answer.prepare_payload();
    stream.expires_after(how_.idle);
    auto [write_error, written] = co_await http::async_write(stream, answer, with_error_code);
    if (write_error || !answer.keep_alive()) break;
  }
  if (refused && stream.socket().is_open()) co_await drain(stream);
  // Send what is left and say goodbye, then close.
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.socket().close(ignored);
  connections_.erase(at);
  --open_;
}

void serve_http(http_server::options how, const serve_options& options, std::string_view what)
{
  asio::io_context io(1);
  http_server server(listen_on_loopback(io.get_executor(), options.port), std::move(how));
  server.start();
  serve_until_stopped(io, server.acceptor(), options, what, [&server] { server.stop(); });
  fmt::print("Served {} requests on {} connections; turned away {} malformed.\n", server.answered(),
             server.accepted(), server.refused());
  std::fflush(stdout);
}

http_server_thread::http_server_thread(http_server::options how)
    : server_(std::make_unique<http_server>(listen_on_loopback(io_.get_executor(), 0), std::move(how)))
{
  server_->start();
  // Return once the server's thread runs, so that the first client does not wait for it to start.
  std::promise<void> running;
  asio::post(io_, [&running] { running.set_value(); });
  thread_ = std::thread([this] { io_.run(); });
  running.get_future().wait();
}

// NOLINTNEXTLINE(bugprone-exception-escape): joining our own thread fails only on a bug; terminate then.
http_server_thread::~http_server_thread() { stop(); }

void http_server_thread::stop()
{
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

}  // namespace lab
