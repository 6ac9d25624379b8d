// Lesson 16: what the pitfall and the solution share. The line reader and the accept loop are the
// server's; the clients below are the lesson's scene: one that never reads, fast ones that read
// everything, and a talker.

#include "pitfalls/16_chat_server_room.hpp"

#include "lab/gather.hpp"
#include "lab/run_with_watchdog.hpp"
#include "lab/serve_loop.hpp"
#include "lab/task_watch.hpp"

#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/write.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <vector>

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

namespace {

// What the scene's clients record.
struct scene_record {
  explicit scene_record(const scenario& scenario)
      : sent_at(static_cast<std::size_t>(scenario.messages)), received(static_cast<std::size_t>(scenario.fast)),
        told(static_cast<std::size_t>(scenario.fast)), binary(static_cast<std::size_t>(scenario.fast))
  {
  }
  std::vector<lab::clock::time_point> sent_at;  // when the talker wrote each line
  int sent = 0;
  std::vector<int> received;  // the talker's lines each fast client received
  std::vector<bool> told;     // whether each fast client heard of a drop
  std::chrono::nanoseconds worst_wait{};
  bool long_line_refused = false;
  std::vector<bool> binary;  // whether each fast client got the binary line intact
  bool half_close_ended = false;
};

// What the malformed client sends after its line too long: every byte but '\n' must pass as it is.
constexpr char binary_bytes[] = "binary: NUL \0, invalid UTF-8 \xff\xfe\xc3\x28 end\n";
constexpr std::string_view binary_line(binary_bytes, sizeof binary_bytes - 1);

std::string talker_line(int number)
{
  std::string line = "message " + std::to_string(number) + " ";
  line.resize(line_bytes - 1, '.');
  return line + '\n';
}

// The talker's line number in a line the server relayed ("client 5: message 42 ...").
int number_in(std::string_view line)
{
  constexpr std::string_view mark = "message ";
  const auto at = line.find(mark);
  int number = -1;
  if (at != std::string_view::npos) std::from_chars(line.data() + at + mark.size(), line.data() + line.size(), number);
  return number;
}

asio::awaitable<tcp::socket> connect(tcp::endpoint server, int receive_buffer = 0)
{
  tcp::socket socket(co_await asio::this_coro::executor, tcp::v4());
  // A receive buffer set before the connection also bounds the window the client offers.
  if (receive_buffer > 0) socket.set_option(tcp::socket::receive_buffer_size(receive_buffer));
  co_await socket.async_connect(server, asio::use_awaitable);
  co_return socket;
}

// [fast]
asio::awaitable<void> read_fast(tcp::socket& socket, int index, const scenario& scenario, scene_record& record,
                                lab::task_watch& watch)
{
  auto watching = watch.start(index + 1);
  const auto at = static_cast<std::size_t>(index);
  std::string pending;
  while (record.received[at] < scenario.messages) {
    const auto kept = pending.size();
    pending.resize(kept + 65536);
    auto [error, size] = co_await socket.async_read_some(asio::buffer(pending.data() + kept, 65536), with_error_code);
    if (error) co_return;
    pending.resize(kept + size);
    std::size_t begin = 0;
    for (auto end = pending.find('\n'); end != std::string::npos; begin = end + 1, end = pending.find('\n', begin)) {
      const std::string_view line(pending.data() + begin, end + 1 - begin);
      if (line.starts_with("* ")) {  // from the server itself
        if (line.find("dropped") != std::string_view::npos) record.told[at] = true;
        continue;
      }
      if (line.ends_with(binary_line)) record.binary[at] = true;
      const int number = number_in(line);
      if (number < 0 || number >= record.sent) continue;
      const auto wait = lab::clock::now() - record.sent_at[static_cast<std::size_t>(number)];
      record.worst_wait = std::max(record.worst_wait, std::chrono::nanoseconds(wait));
      ++record.received[at];
    }
    pending.erase(0, begin);
  }
}
// [fast]

// [talker]
// One line a millisecond; a talker held up (a busy machine) writes the lines due in one write.
asio::awaitable<void> talk(tcp::socket& socket, const scenario& scenario, scene_record& record, lab::task_watch& watch)
{
  auto watching = watch.start(0);
  asio::steady_timer pace(co_await asio::this_coro::executor);
  const auto start = lab::clock::now();
  while (record.sent < scenario.messages) {
    pace.expires_at(start + record.sent * interval);
    co_await pace.async_wait(asio::use_awaitable);
    const auto due = std::min<long long>(scenario.messages, (lab::clock::now() - start) / interval + 1);
    std::string lines;
    for (int number = record.sent; number < due; ++number) {
      lines += talker_line(number);
      record.sent_at[static_cast<std::size_t>(number)] = lab::clock::now();
    }
    record.sent = static_cast<int>(due);
    co_await asio::async_write(socket, asio::buffer(lines), asio::use_awaitable);
  }
}
// [talker]

// A client that sends a line too long, a line of binary bytes, then shuts its side down, and reads
// until the server has closed the connection.
asio::awaitable<void> misbehave(tcp::socket& socket, scene_record& record)
{
  const std::string too_long(2 * max_line_bytes, 'x');
  co_await asio::async_write(socket, asio::buffer(too_long + "\n"), asio::use_awaitable);
  co_await asio::async_write(socket, asio::buffer(binary_line), asio::use_awaitable);
  socket.shutdown(tcp::socket::shutdown_send);
  std::string received;
  auto [error, size] = co_await asio::async_read(socket, asio::dynamic_buffer(received), with_error_code);
  record.long_line_refused = received.find(too_long_error) != std::string::npos;
  record.half_close_ended = error == asio::error::eof;
}

asio::awaitable<void> scene(const scenario& scenario, const server_start& start, server_counts& counts,
                            scene_record& record, lab::task_watch& watch)
{
  tcp::acceptor acceptor = lab::listen_on_loopback(co_await asio::this_coro::executor, 0);
  const auto stop = start(acceptor, {.queue_bound = queue_bound_of(scenario)}, counts);
  const auto server = acceptor.local_endpoint();

  // The slow client connects first, and never reads a byte.
  tcp::socket slow = co_await connect(server, receive_buffer_bytes);
  std::vector<tcp::socket> fast;
  for (int index = 0; index < scenario.fast; ++index) fast.push_back(co_await connect(server));
  if (scenario.malformed) {
    tcp::socket malformed = co_await connect(server);
    co_await misbehave(malformed, record);
  }
  tcp::socket talker = co_await connect(server);

  // The server takes clients in order: once the talker is greeted, everyone is in the room.
  std::string greeting;
  co_await asio::async_read_until(talker, asio::dynamic_buffer(greeting), '\n', asio::use_awaitable);

  std::vector<asio::awaitable<void>> clients;
  clients.push_back(talk(talker, scenario, record, watch));
  for (int index = 0; index < scenario.fast; ++index)
    clients.push_back(read_fast(fast[static_cast<std::size_t>(index)], index, scenario, record, watch));
  co_await lab::gather(std::move(clients));
  stop();
}

}  // namespace

outcome run_scene(const scenario& scenario, const lab::instruments& with, const server_start& start)
{
  server_counts counts;
  scene_record record(scenario);
  lab::task_watch watch(with);
  const auto run = lab::run_with_watchdog(scene(scenario, start, counts, record, watch), watchdog_of(scenario), with);

  outcome seen{.wall = run.wall, .sent = record.sent, .dropped = counts.dropped, .most_queued = counts.most_queued,
               .stopped = run.stopped, .long_line_refused = record.long_line_refused,
               .half_close_ended = record.half_close_ended};
  seen.worst_wait = record.worst_wait;
  for (std::size_t index = 0; index < record.received.size(); ++index) {
    seen.delivered += record.received[index];
    seen.told_of_drop += record.told[index] ? 1 : 0;
    seen.binary_relayed += record.binary[index] ? 1 : 0;
    // Lines arrive in order: the first one missing has waited the longest, until the run ended.
    const auto missing = static_cast<std::size_t>(record.received[index]);
    if (record.received[index] < record.sent)
      seen.worst_wait = std::max(seen.worst_wait, std::chrono::nanoseconds(run.returned - record.sent_at[missing]));
  }
  return seen;
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
