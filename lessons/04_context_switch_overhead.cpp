// Lesson 04: when switching costs more than the work.
// Runs the pitfall and the solution over the same scenario and prints what happened.

#include "04_context_switch_overhead.hpp"

#include "lab/chart.hpp"
#include "lab/runner.hpp"
#include "lab/switch_costs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <optional>

namespace {

/// What one suspension and one item cost on this machine, measured before the verdict.
struct unit_costs {
  double suspension_ns;  ///< one suspend/resume through the loop
  double item_ns;        ///< one item's work, with no suspension at all
};

/// Measures both costs, each the best of three tries so that a busy machine distorts them less.
unit_costs calibrate(const lesson04::scenario& scenario)
{
  constexpr int tries = 3;
  constexpr int suspensions = 100'000;
  const lesson04::scenario no_switching{.items = 200'000, .batch = 200'000, .rounds = scenario.rounds};
  unit_costs best{.suspension_ns = 1e18, .item_ns = 1e18};
  for (int i = 0; i < tries; ++i) {
    best.suspension_ns = std::min(best.suspension_ns, lab::measure_loop_suspensions(suspensions).nanoseconds_each());
    const auto one_batch = lesson04::solution(no_switching, lab::instruments::off());
    best.item_ns = std::min(best.item_ns, static_cast<double>(one_batch.wall.count()) / no_switching.items);
  }
  return best;
}

/// 1000000 as "1,000,000".
std::string count(long long n)
{
  const auto digits = std::to_string(n);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const auto left = digits.size() - i;
    if (i > 0 && left % 3 == 0 && digits[i - 1] != '-') grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

}  // namespace

int main(int argc, char** argv)
{
  lesson04::scenario scenario;
  std::optional<unit_costs> measured;
  auto costs = [&] {
    if (!measured) measured = calibrate(scenario);
    return *measured;
  };

  const lab::lesson lesson{
      .number = "04",
      .name = "context_switch_overhead",
      .title = "When switching costs more than the work",
      .story = "A coroutine works through a million small items and suspends after each one, so that other "
               "tasks on the loop get their turn (Python's await asyncio.sleep(0) in the loop, or one task per "
               "item). Each suspension costs far more than an item's work, so the switching, not the work, "
               "takes the time.",
      .pitfall_api = "co_await post(...) per item",
      .solution_api = "co_await post(...) per batch",
      .parameters = {{"--items", &scenario.items, "how many items to process (M)", 1, 10'000'000},
                     {"--batch", &scenario.batch, "how many items the solution processes between suspensions (K)", 1,
                      10'000'000},
                     {"--rounds", &scenario.rounds, "how much work one item is, in rounds of a 64-bit hash", 1, 1000}},

      .scenario = [&] {
        return fmt::format("{} items of {} hash rounds each, on one thread; the solution suspends every {} items.",
                           count(scenario.items), scenario.rounds, count(scenario.batch));
      },

      .question = [&] {
        return lab::question{
            .text = "Both versions do the same work. How does the pitfall compare with the solution?",
            .choices = {{"about as fast", "the work is the same, but the pitfall also pays one suspension per item."},
                        {"several times slower", "each of its suspensions costs more than an item's work, and it "
                                                 "makes one per item."},
                        {"faster, since it lets the loop run more often",
                         "letting the loop run costs a suspension each time; the solution still lets it run every "
                         "batch."}},
            .correct = 1};
      },

      .check = [&]() -> std::string {
        // Both versions together run about M x (suspension + 2 x work). With a pessimistic 300 ns per
        // suspension and 2 ns per round, that must stay within 8 s.
        const double seconds = scenario.items * (300e-9 + 4e-9 * scenario.rounds);
        if (seconds <= 8.0) return {};
        return fmt::format("--items x (300 + 4 x --rounds) ns must be at most 8 s, or the pitfall runs too long "
                           "(got {} x (300 + 4 x {}) ns = {:.1f} s)",
                           scenario.items, scenario.rounds, seconds);
      },

      .theory = [&] {
        // Pitfall: M x (switch + work). Solution: M x work + M/K x switch.
        const auto [switch_ns, work_ns] = costs();
        const double items = scenario.items;
        const double batches = (scenario.items + scenario.batch - 1) / scenario.batch;
        const double pitfall = items * (switch_ns + work_ns);
        const double solution = items * work_ns + batches * switch_ns;
        const auto ns = [](double n) { return lab::human_duration(std::chrono::nanoseconds(std::llround(n))); };
        return lab::theory{
            .ratio = std::round(pitfall / solution * 10) / 10,
            .why = fmt::format(
                "the pitfall suspended once per item, and one suspension through the loop costs {:.0f} ns "
                "against {:.1f} ns of work per item (both measured on this machine just now). Overhead = M x "
                "switch = {} x {:.0f} ns = {}, against M x work = {}. In batches of {} the solution suspended "
                "{} times: {} of switching. Theory: (switch + work) / (work + switch / K).",
                switch_ns, work_ns, count(scenario.items), switch_ns, ns(items * switch_ns), ns(items * work_ns),
                count(scenario.batch), count(static_cast<long long>(batches)), ns(batches * switch_ns))};
      },

      .run = [&](lab::version version, const lab::instruments& with) {
        const bool pitfall = version == lab::version::pitfall;
        const auto outcome = pitfall ? lesson04::pitfall(scenario, with) : lesson04::solution(scenario, with);

        // The pitfall suspends once per item, the solution once per batch; both process every item.
        const long long batches = (scenario.items + scenario.batch - 1) / scenario.batch;
        const long long expected_suspensions = pitfall ? scenario.items : batches;
        const bool as_expected = outcome.processed == scenario.items && outcome.suspensions == expected_suspensions;

        const double switching_ns = static_cast<double>(outcome.suspensions) * costs().suspension_ns;
        const auto switching = std::chrono::nanoseconds(std::llround(switching_ns));
        const std::chrono::duration<double> switching_seconds = switching;
        return lab::run_report{
            outcome.wall,
            {{"processed", "items", count(outcome.processed), static_cast<double>(outcome.processed)},
             {"suspensions", "suspensions", count(outcome.suspensions), static_cast<double>(outcome.suspensions)},
             {"switching_seconds", "switching (suspensions x cost)", lab::human_duration(switching),
              switching_seconds.count()}},
            as_expected};
      },
  };
  return lab::run_lesson(lesson, argc, argv);
}
