// Lesson 00 in numbers: hello and world each wait D ms. The pitfall should take about twice as
// long as the solution, since it waits 2 x D where the solution waits D once.

#include "lessons/00_hello_concurrency.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson00::scenario, lesson00::outcome>{
    .lesson = "00_hello_concurrency",
    .argument = "delay_ms",
    .arguments = {5, 20},
    .scenario = [](std::int64_t delay_ms) { return lesson00::scenario{.delay_ms = static_cast<int>(delay_ms)}; },
    .pitfall = lesson00::pitfall,
    .solution = lesson00::solution,
    .theory = [](const lesson00::scenario& s, const lesson00::outcome&) { return lesson00::theory_ratio(s); },
});

}  // namespace
