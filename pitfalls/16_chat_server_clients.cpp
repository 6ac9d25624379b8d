// Lesson 16's scene: the clients. What they record tells the lesson's outcome.

#include "pitfalls/16_chat_server_scene.hpp"

#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/write.hpp>

#include <algorithm>
#include <charconv>

namespace lesson16 {
namespace {

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

}  // namespace

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


}  // namespace lesson16
