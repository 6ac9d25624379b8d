// Lesson 10 in numbers: what the limit costs. Against a backend that queues what it cannot serve,
// N requests take ceil(N / 10) rounds of 10 ms either way, the backend's own pace, so the
// pitfall's time over the solution's should be 1: the semaphore's permits and the connections it
// opens round after round, instead of all at once, cost next to nothing. 10 ms is long beside
// opening 160 connections at once; the quick mode takes about 5 s. The lesson's headline, the
// requests a backend that turns them away rejects, is a count: the lesson run shows it.

#include "lessons/10_unbounded_concurrency.hpp"

#include "benchmarks/pair.hpp"

#include "lab/open_files.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson10::scenario, lesson10::outcome>{
    .lesson = "10_unbounded_concurrency",
    .argument = "requests",
    .arguments = {40, 160},
    .scenario = [](std::int64_t requests) {
      lab::open_files_limit();  // the pitfall's 500 requests hold 1000 sockets at once
      return lesson10::scenario{.requests = static_cast<int>(requests), .limit = 10, .delay_ms = 10, .queue = 1};
    },
    .pitfall = lesson10::pitfall,
    .solution = lesson10::solution,
    .theory = [](const lesson10::scenario& s, const lesson10::outcome&) { return *lesson10::theory_ratio(s); },
});

}  // namespace
