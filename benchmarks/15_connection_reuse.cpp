// Lesson 15 in numbers: pages fetched by 4 workers from a loopback site that adds a 5 ms round
// trip to every exchange, and one more to a new connection's handshake. The pitfall pays both for
// every page, the solution for each worker's first; the theory (lesson15::theory_ratio) takes in
// what a page cost cold and warm in the solution's run. The pitfall at 64 pages runs about 160 ms.

#include "lessons/15_connection_reuse.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson15::scenario, lesson15::outcome>{
    .lesson = "15_connection_reuse",
    .argument = "pages",
    .arguments = {16, 64},
    .scenario = [](std::int64_t pages) {
      return lesson15::scenario{.pages = static_cast<int>(pages), .connections = 4, .round_trip_ms = 5};
    },
    .pitfall = lesson15::pitfall,
    .solution = lesson15::solution,
    // One run a repetition: the theory, from the repetition's run, then matches its time.
    .iterations = 1,
    .theory = lesson15::theory_ratio,
});

}  // namespace
