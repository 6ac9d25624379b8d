#include "lab/http_client.hpp"

#include "lab/timeline.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <optional>
#include <utility>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

namespace lab {

struct http_client::state {
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  http_timings* timings;
  std::string host;
  std::optional<clock::time_point> connecting_since;  // set until the first request is answered
};

http_client::http_client(asio::any_io_executor executor, http_timings* timings)
    : state_(std::make_unique<state>(state{.stream = beast::tcp_stream(std::move(executor)),
                                           .buffer = {},
                                           .timings = timings,
                                           .host = {},
                                           .connecting_since = std::nullopt}))
{
}

http_client::~http_client() { close(); }

asio::awaitable<void> http_client::connect(std::string host, std::string port)
{
  state_->connecting_since = clock::now();
  tcp::resolver resolver(state_->stream.get_executor());
  boost::system::error_code not_numeric;
  asio::ip::make_address(host, not_numeric);
  // An address needs no lookup, so resolving it cannot block; a name is looked up on the
  // resolver's own thread.
  tcp::resolver::results_type endpoints;
  if (not_numeric)
    endpoints = co_await resolver.async_resolve(host, port, asio::use_awaitable);
  else
    endpoints = resolver.resolve(host, port, tcp::resolver::numeric_host | tcp::resolver::numeric_service);
  co_await state_->stream.async_connect(endpoints, asio::use_awaitable);
  state_->host = std::move(host);
}

asio::awaitable<http_response> http_client::get(std::string target)
{
  const auto start = state_->connecting_since.value_or(clock::now());
  http::request<http::empty_body> request(http::verb::get, target, 11);
  request.set(http::field::host, state_->host);
  request.set(http::field::user_agent, "asynclab");
  request.keep_alive(true);
  co_await http::async_write(state_->stream, request, asio::use_awaitable);

  http::response<http::string_body> answer;
  co_await http::async_read(state_->stream, state_->buffer, answer, asio::use_awaitable);
  if (state_->timings) {
    auto& took = state_->connecting_since ? state_->timings->cold : state_->timings->warm;
    took.add(clock::now() - start);
  }
  state_->connecting_since.reset();
  if (!answer.keep_alive()) close();
  co_return http_response{.status = answer.result_int(), .body = std::move(answer.body())};
}

bool http_client::is_open() const { return state_->stream.socket().is_open(); }

void http_client::close()
{
  boost::system::error_code ignored;
  if (!is_open()) return;
  state_->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  state_->stream.socket().close(ignored);
}

}  // namespace lab
