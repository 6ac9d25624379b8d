// Lesson 07 in numbers: 8 legacy calls of 25 ms, straight on the loop (pitfall) or through
// to_thread on a pool of P threads (solution), timed from the first call's start to the last
// one's end (manual time). Theory, as the lesson states it (`lesson07::theory_ratio`): 8 x 25 ms
// against ceil(8 / P) rounds of 25 ms, so 2 and 8 times for P = 2 and 8. Blocking calls need no
// core, so even 8 pool threads on a two-core machine overlap all eight. A busy machine wakes each
// sleeping thread late, once per call in the pitfall and once per round in the solution, so both
// grow alike. Each pitfall run also waits out the watchdog's bound (2 x 8 x 25 + 200 ms), which
// is not timed, so the quick mode takes about 12 s.

#include "lessons/07_sync_async_bridge.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson07::scenario, lesson07::outcome>{
    .lesson = "07_sync_async_bridge",
    .argument = "threads",
    .arguments = {2, 8},
    .scenario = [](std::int64_t threads) {
      return lesson07::scenario{.calls = 8, .delay_ms = 25, .threads = static_cast<int>(threads)};
    },
    .pitfall = lesson07::pitfall,
    .solution = lesson07::solution,
    .time = [](const lesson07::outcome& seen) { return seen.wall; },
    .iterations = 1,
    .theory = [](const lesson07::scenario& s, const lesson07::outcome&) { return lesson07::theory_ratio(s); },
});

}  // namespace
