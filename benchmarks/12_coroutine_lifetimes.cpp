// Lesson 12 in numbers: the headline is a count, the lines that arrived different from the line
// passed (pitfall: all of them; solution: none). The time measures what the fix costs: the
// solution copies each line (about 40 bytes, past the small-string buffer, so the copy allocates)
// into its coroutine's frame, and the collector then keeps a real line rather than an empty one.
// With a connection that takes no time, the run is the coroutines' own work: reading the line,
// making and starting the coroutine, a timer's trip through the loop. Beside that a copy is
// small. Theory: pitfall / solution = 1 at any number of lines, since the copy is per line too.

#include "lessons/12_coroutine_lifetimes.hpp"

#include "benchmarks/pair.hpp"

namespace {

const bool registered = bench::register_pair(bench::pair<lesson12::scenario, lesson12::outcome>{
    .lesson = "12_coroutine_lifetimes",
    .argument = "lines",
    .arguments = {100, 1000},
    .scenario = [](std::int64_t lines) { return lesson12::scenario{.lines = static_cast<int>(lines), .delay_ms = 0}; },
    .pitfall = lesson12::pitfall,
    .solution = lesson12::solution,
    .unit = benchmark::kMicrosecond,
    .headline = "mismatched",
    .count = [](const lesson12::outcome& seen, const lesson12::scenario& scenario) {
      return std::pair{static_cast<double>(seen.mismatched), static_cast<double>(scenario.lines)};
    },
    .theory = [](const lesson12::scenario& s, const lesson12::outcome&) { return lesson12::theory_ratio(s); },
});

}  // namespace
