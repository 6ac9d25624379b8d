#pragma once
/// \file
/// Lesson 16's scene, the clients the lesson runs against either version of the server: one that
/// never reads, fast ones that read everything, a talker, and one that sends malformed lines.

#include "pitfalls/16_chat_server_room.hpp"

#include "lab/task_watch.hpp"

#include <chrono>
#include <string_view>
#include <vector>

namespace lesson16 {

/// What the scene's clients record.
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

/// What the malformed client sends after its line too long: every byte but '\n' must pass as it is.
inline constexpr char binary_bytes[] = "binary: NUL \0, invalid UTF-8 \xff\xfe\xc3\x28 end\n";
inline constexpr std::string_view binary_line(binary_bytes, sizeof binary_bytes - 1);

/// A fast client: reads everything, and records the talker's lines it got and how late.
asio::awaitable<void> read_fast(tcp::socket& socket, int index, const scenario& scenario, scene_record& record,
                                lab::task_watch& watch);

/// The talker: one line a millisecond until `scenario.messages`.
asio::awaitable<void> talk(tcp::socket& socket, const scenario& scenario, scene_record& record, lab::task_watch& watch);

/// A client that sends a line too long, a line of binary bytes, then shuts its side down, and
/// reads until the server has closed the connection.
asio::awaitable<void> misbehave(tcp::socket& socket, scene_record& record);

}  // namespace lesson16
