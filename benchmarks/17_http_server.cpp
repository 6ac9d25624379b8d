// Lesson 17 in numbers: two clients ask for reports whose database call blocks 20 ms, back to
// back, while a third checks /health 8 times. The point is a count, not a ratio: how many checks
// waited half a report or more. One argument keeps the quick mode within its budget
// (docs/architecture.md): the pitfall runs about 0.3 s.

#include "lessons/17_http_server.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson17::scenario, lesson17::outcome>{
    .lesson = "17_http_server",
    .argument = "report_ms",
    .arguments = {20},
    .scenario = [](std::int64_t report_ms) {
      return lesson17::scenario{.report_ms = static_cast<int>(report_ms), .reporters = 2, .checks = 8};
    },
    .pitfall = lesson17::pitfall,
    .solution = lesson17::solution,
    .iterations = 1,
    .headline = "slow health checks",
    .count = [](const lesson17::outcome& o, const lesson17::scenario& s) {
      return std::pair<double, double>(o.slow_checks, s.checks);
    },
});

}  // namespace
