// Lesson 16 in numbers. The headline is a count: the talker's lines the fast clients received, of
// all they should have (pitfall: as many as the slow client's buffers hold, then none; solution:
// every one). Time is not the point: the solution's run lasts as long as the talker's lines, one
// a millisecond, and the pitfall's until its watchdog, here 100 ms later. So the time shown is the
// run's, and no theory is claimed for it. 180 lines of 200 bytes are more than the slow client's
// buffers hold (about 27 KB); the quick mode's nine runs of each take under 5 s.

#include "lessons/16_chat_server.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson16::scenario, lesson16::outcome>{
    .lesson = "16_chat_server",
    .argument = "fast",
    .arguments = {3},
    .scenario = [](std::int64_t fast) {
      return lesson16::scenario{.fast = static_cast<int>(fast), .messages = 180, .queue_kib = 16, .grace_ms = 100};
    },
    .pitfall = lesson16::pitfall,
    .solution = lesson16::solution,
    .iterations = 1,
    .headline = "delivered",
    .count = [](const lesson16::outcome& seen, const lesson16::scenario& scenario) {
      return std::pair{static_cast<double>(seen.delivered), static_cast<double>(scenario.fast * scenario.messages)};
    },
});

}  // namespace
