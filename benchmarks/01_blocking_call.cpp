// Lesson 01 in numbers: N tasks each wait 5 ms. The pitfall should take about N times as long as
// the solution, since it waits N x 5 ms where the solution waits 5 ms once. Two arguments keep the
// quick mode within its budget (docs/architecture.md): the pitfall at 20 tasks runs 100 ms.

#include "lessons/01_blocking_call.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson01::scenario, lesson01::outcome>{
    .lesson = "01_blocking_call",
    .argument = "tasks",
    .arguments = {2, 20},
    .scenario = [](std::int64_t tasks) { return lesson01::scenario{.tasks = static_cast<int>(tasks), .delay_ms = 5}; },
    .pitfall = lesson01::pitfall,
    .solution = lesson01::solution,
    .theory = [](const lesson01::scenario& s, const lesson01::outcome&) { return lesson01::theory_ratio(s); },
});

}  // namespace
