// Lesson 14 in numbers: the headline is a count, the updates of the stock that were lost
// (pitfall: many; solution: none). The time measures what the fix costs: 8 orders, each with a
// pricing call that holds its thread for 10 ms. The pitfall's T threads make the calls side by
// side, in 8 / T rounds; the strand makes the orders take turns, 8 calls one after the other.
// Theory: pitfall / solution = ceil(8 / T) / 8, that is 1 / T at 2 and 4 threads. The strand's
// own bookkeeping is small beside the calls; a sleeping thread's late wake-up, on a busy machine,
// stretches each call alike in both.

#include "lessons/14_shared_state_threads.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson14::scenario, lesson14::outcome>{
    .lesson = "14_shared_state_threads",
    .argument = "threads",
    .arguments = {2, 4},
    .scenario = [](std::int64_t threads) {
      return lesson14::scenario{.orders = 8, .threads = static_cast<int>(threads), .pricing_ms = 10};
    },
    .pitfall = lesson14::pitfall,
    .solution = lesson14::solution,
    .headline = "lost updates",
    .count = [](const lesson14::outcome& seen, const lesson14::scenario& scenario) {
      return std::pair{static_cast<double>(seen.lost_updates), static_cast<double>(scenario.orders)};
    },
    .theory = [](const lesson14::scenario& s, const lesson14::outcome&) { return lesson14::theory_ratio(s); },
});

}  // namespace
