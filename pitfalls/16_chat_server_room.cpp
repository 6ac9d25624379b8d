// Lesson 16: what the pitfall and the solution share: the server's log, greeting, socket options
// and line reader, and its served mode. The scene's clients are in 16_chat_server_clients.cpp.

#include "pitfalls/16_chat_server_room.hpp"

#include "lab/serve_loop.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace lesson16 {

void log(const server_settings& settings, std::string_view line)
{
  if (!settings.log) return;
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fflush(stdout);
}

std::string greeting_of(const std::string& name)
{
  return "* welcome, " + name + ": each line you type goes to everyone else\n";
}

void shrink_send_buffer(tcp::socket& socket)
{
  boost::system::error_code ignored;
  socket.set_option(tcp::socket::send_buffer_size(send_buffer_bytes), ignored);
  // Send each line at once: Nagle's algorithm would hold a small write back until the client's
  // acknowledgement, which Linux may delay by 40 ms.
  socket.set_option(tcp::no_delay(true), ignored);
}

asio::awaitable<line_read> line_reader::next()
{
  for (;;) {
    if (const auto end = pending_.find('\n'); end != std::string::npos) {
      std::string line = pending_.substr(0, end + 1);
      pending_.erase(0, end + 1);
      if (std::exchange(skipping_, false)) continue;  // the end of a line already refused
      if (line.size() > max_line_bytes) co_return line_read{line_read::kind::too_long, {}};
      co_return line_read{line_read::kind::line, std::move(line)};
    }
    if (pending_.size() >= max_line_bytes) {
      // No '\n' within the bound: refuse the line once, and skip its bytes until its '\n'.
      pending_.clear();
      if (!std::exchange(skipping_, true)) co_return line_read{line_read::kind::too_long, {}};
    }
    std::array<char, 4096> chunk;
    auto [error, size] = co_await socket_.async_read_some(asio::buffer(chunk), with_error_code);
    if (error) co_return line_read{};  // shut down by the client (end of stream), or failed
    pending_.append(chunk.data(), size);
  }
}

void serve(const scenario& scenario, const lab::serve_options& options, const server_start& start,
           std::string_view what)
{
  asio::io_context loop;
  tcp::acceptor acceptor = lab::listen_on_loopback(loop.get_executor(), options.port);
  server_counts counts;
  const auto stop = start(acceptor, {.queue_bound = queue_bound_of(scenario), .log = true}, counts);
  lab::serve_until_stopped(loop, acceptor, options, what, stop);
}

}  // namespace lesson16
