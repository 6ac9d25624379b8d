// Lesson 11 in numbers: the headline is a count, the connections left open when the jobs are
// done (pitfall: every failed or cancelled job's; solution: none). The time measures what the fix
// costs: the group's run, from its start to its end, with half of the jobs slow and a delay of
// 20 ms. The pitfall ends when job 0 fails, after 8.5 delays (eight answers, half a delay to check
// them). The solution first closes job 0's connection (its goodbye's round trip, a delay), then
// the cancelled jobs' at once, each waiting for the answer it had in flight (half a delay) and
// for its goodbye (a delay). Theory: pitfall / solution = 8.5 / 11 whatever the number of jobs,
// since the closes overlap.

#include "lessons/11_async_cleanup.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson11::scenario, lesson11::outcome>{
    .lesson = "11_async_cleanup",
    .argument = "jobs",
    .arguments = {4, 32},
    .scenario = [](std::int64_t jobs) {
      return lesson11::scenario{.jobs = static_cast<int>(jobs), .slow = static_cast<int>(jobs / 2), .delay_ms = 20};
    },
    .pitfall = lesson11::pitfall,
    .solution = lesson11::solution,
    .time = [](const lesson11::outcome& seen) { return seen.wall; },
    .iterations = 1,
    .headline = "left open",
    .count = [](const lesson11::outcome& seen, const lesson11::scenario& scenario) {
      return std::pair{static_cast<double>(seen.left_open), static_cast<double>(scenario.jobs)};
    },
    .theory = [](const lesson11::scenario& s, const lesson11::outcome&) { return lesson11::theory_ratio(s); },
});

}  // namespace
