// Lesson 13 in numbers: T + 1 requests on a loop of T threads, each locking the connection for an
// 8 ms query, with a 100 ms deadline. The pitfall's T waiters block every thread until the
// deadline, so it takes D = 100 ms; the solution runs the queries one after another, (T + 1) x W.
// Theory: D / ((T + 1) x W), 4.2 at two threads and 2.5 at four. The quick mode takes about 3 s.

#include "lessons/13_lock_across_suspension.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson13::scenario, lesson13::outcome>{
    .lesson = "13_lock_across_suspension",
    .argument = "threads",
    .arguments = {2, 4},
    .scenario = [](std::int64_t threads) {
      const int t = static_cast<int>(threads);
      return lesson13::scenario{.threads = t, .requests = t + 1, .query_ms = 8, .deadline_ms = 100};
    },
    .pitfall = lesson13::pitfall,
    .solution = lesson13::solution,
    .theory = [](const lesson13::scenario& s, const lesson13::outcome&) { return lesson13::theory_ratio(s); },
});

}  // namespace
