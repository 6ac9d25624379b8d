// Lesson 16: one slow client stalls a chat server.

#include "lessons/16_chat_server.hpp"

#include "lab/runner.hpp"

#include <fmt/format.h>

using lesson16::scenario;

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson16::outcome>{
          .number = "16",
          .name = "chat_server",
          .title = "One slow client stalls a chat server",
          .story = "A chat server on 127.0.0.1 sends each line a client writes to every other client, as the "
                   "asyncio chat server of many tutorials does with writer.write and await writer.drain. One "
                   "client has stopped reading: a student pressed Ctrl-Z in nc. The others read everything "
                   "at once while one of them talks, a line every millisecond. The kernel's socket buffers "
                   "are small here, as a slow network makes them.",
          .pitfall_api = "co_await async_write to each client in turn",
          .solution_api = "a queue and a writer per client, with a bound",
          .python_analog = "for w in clients: w.write(line); await w.drain()",
          .parameters = {{"--fast", &scenario::fast, "how many clients read every line at once", 1, 50},
                         {"--messages", &scenario::messages, "how many lines the talker writes, one a ms", 500, 5000},
                         {"--queue-kib", &scenario::queue_kib, "the solution's bound on one client's queue, KiB",
                          16, 256}},
          .limits = "--messages x 200 bytes must exceed --queue-kib + 64 KiB, so that the slow client falls "
                    "that far behind.",
          .check = [](const scenario& s) -> std::string {
            if (lesson16::talk_bytes_of(s) > lesson16::least_talk_bytes_of(s)) return {};
            return fmt::format("--messages x {} bytes must exceed --queue-kib + 64 KiB, so that the slow client "
                               "falls that far behind (got {} and {})", lesson16::line_bytes, s.messages,
                               s.queue_kib);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("{} fast clients, one that never reads, and a talker: {} lines of {} bytes; the "
                               "solution's bound is {} KiB a client.", s.fast, s.messages, lesson16::line_bytes,
                               s.queue_kib);
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = fmt::format("How many of the {} lines will each fast client get in the pitfall?", s.messages),
                .choices = {{fmt::format("all {}: only the slow client misses lines", s.messages),
                             "each broadcast waits for the slow client's write before it writes to the next."},
                            {"the first hundred or so, as many as the slow client's buffers hold",
                             "the kernel takes lines until its buffers are full; then the broadcast waits for good."},
                            {"none: the slow client stalls the server from its first line",
                             "a write completes once the kernel has the bytes, and its buffers take some first."},
                            {fmt::format("all {}, late: they arrive once the talker stops", s.messages),
                             "nothing ever reads the slow client's buffers, so its write never completes."}},
                .correct = 1};
          },
          .theory = [](const scenario&) {
            return lab::theory{.ratio = std::nullopt,
                               .reasoning = "time is not the point: the lines that never arrive are. The run "
                                            "is as long as the talker's lines, and the pitfall's until its "
                                            "watchdog."};
          },
          .mistake = [](const scenario&) {
            return std::string("each broadcast co_awaited the write to every client in turn; once the slow "
                               "client's buffers were full its write never completed, and nobody got the next "
                               "line.");
          },
          .fix = [](const scenario&) {
            return std::string("the broadcast only queues the line; each client's writer sends its own queue, "
                               "and a client whose queue passes the bound is dropped, the others told.");
          },
          .pitfall = lesson16::pitfall,
          .solution = lesson16::solution,
          .expected = lesson16::expected,
          .observe = [](const lesson16::outcome& o, const scenario& s) {
            return std::vector{
                lab::count_of("delivered", "delivered", o.delivered, static_cast<long long>(s.fast) * s.messages),
                lab::duration_of("worst_wait_seconds", "worst wait", o.worst_wait),
                lab::count_of("dropped", "dropped", o.dropped),
                lab::count_of("most_queued", "queued max", o.most_queued)};
          },
          .headline = "delivered",
          .serve = [](lab::role role, const scenario& s, const lab::serve_options& options) {
            if (role == lab::role::pitfall) return lesson16::pitfall(s, options);
            lesson16::solution(s, options);
          },
      },
      argc, argv);
}
