// Lesson 03 in numbers: N requests to a loopback server that holds each for 50 ms. The pitfall
// should take about N times as long as the solution, since it pays N latencies where the solution
// pays one. The solution also pays for opening N connections at once (about 10 ms for 100 here),
// so the latency must be long beside that for the ratio to come near N. The six benchmarks take
// about 8 s, most of it the pitfall's 100 requests in turn (5 s).

#include "lessons/03_sequential_awaits.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson03::scenario, lesson03::outcome>{
    .lesson = "03_sequential_awaits",
    .argument = "requests",
    .arguments = {1, 10, 100},
    .scenario = [](std::int64_t requests) {
      return lesson03::scenario{.requests = static_cast<int>(requests), .latency_ms = 50};
    },
    .pitfall = lesson03::pitfall,
    .solution = lesson03::solution,
});

}  // namespace
