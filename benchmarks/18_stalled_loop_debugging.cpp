// Lesson 18 in numbers: the tail latency of a small service whose audit log goes to disk every
// fourth sale (manual time: the p99 of the requests' latencies), and how many slow handlers the
// debug mode reports (the headline count). In the pitfall the disk write blocks the loop, and a
// request that waits behind it takes about a write; in the solution the write runs on a thread
// of its own. Four requests (one write) of 150 ms keep the quick mode within its budget.

#include "lessons/18_stalled_loop_debugging.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson18::scenario, lesson18::outcome>{
    .lesson = "18_stalled_loop_debugging",
    .argument = "requests",
    .arguments = {4},
    .scenario = [](std::int64_t requests) {
      return lesson18::scenario{.requests = static_cast<int>(requests), .flush_ms = 150, .print_log = false};
    },
    .pitfall = lesson18::pitfall,
    .solution = lesson18::solution,
    .time = [](const lesson18::outcome& seen) { return seen.p99; },
    .iterations = 1,
    .headline = "slow handlers",
    .count = [](const lesson18::outcome& seen, const lesson18::scenario& s) {
      return std::pair{static_cast<double>(seen.slow.size()), static_cast<double>(s.requests / lesson18::sales_per_flush)};
    },
});

}  // namespace
