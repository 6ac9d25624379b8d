// Lesson 14 in numbers: the headline is a count, the updates of the stock that were lost
// (pitfall: many; solution: none). The time measures what the fix costs: 24 orders, each with a
// pricing call that holds its thread for 1 ms. The pitfall's T threads make the calls side by
// side, 24 / T rounds of 1 ms; the strand makes the orders take turns, 24 calls one after the
// other. Theory: pitfall / solution = ceil(24 / T) / 24, 1 / T here. The strand's own bookkeeping
// costs microseconds beside each millisecond of pricing.

#include "lessons/14_shared_state_threads.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson14::scenario, lesson14::outcome>{
    .lesson = "14_shared_state_threads",
    .argument = "threads",
    .arguments = {2, 4},
    .scenario = [](std::int64_t threads) {
      return lesson14::scenario{.orders = 24, .threads = static_cast<int>(threads), .pricing_ms = 1};
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
