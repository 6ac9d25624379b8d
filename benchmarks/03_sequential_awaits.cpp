// Lesson 03 in numbers: N requests to a loopback server that holds each for 20 ms. The pitfall
// waits for N answers one after another, the solution sends N requests at once and waits for the
// slowest answer; the theory (lesson03::theory_ratio) takes in what sending and answering cost in
// the solution's run, so a short latency keeps the quick mode within its budget
// (docs/architecture.md): the pitfall at 16 requests runs 320 ms.

#include "lessons/03_sequential_awaits.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson03::scenario, lesson03::outcome>{
    .lesson = "03_sequential_awaits",
    .argument = "requests",
    .arguments = {4, 16},
    .scenario = [](std::int64_t requests) {
      return lesson03::scenario{.requests = static_cast<int>(requests), .latency_ms = 20};
    },
    .pitfall = lesson03::pitfall,
    .solution = lesson03::solution,
    // One run a repetition: the theory, from the repetition's run, then matches its time, and a
    // stall of the busy machine stays in one repetition, which the median leaves out.
    .iterations = 1,
    .theory = lesson03::theory_ratio,
});

}  // namespace
