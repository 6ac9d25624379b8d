// Lesson 04: when switching costs more than the work.
// Runs the pitfall and the solution over the same scenario and prints what happened.

#include "04_context_switch_overhead.hpp"

#include "lab/chart.hpp"
#include "lab/runner.hpp"
#include "lab/switch_costs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <ctime>
#include <optional>
#include <string>

namespace {

/// What one suspension and one item cost on this machine.
struct unit_costs {
  double suspension_ns;  ///< one suspend/resume through the loop
  double item_ns;        ///< one item's work, with no suspension at all
};

/// How much processor time `work` takes on this thread, in nanoseconds. Unlike the wall clock, it
/// does not count the time other programs had the processor, so a busy machine distorts it less.
template <typename Work>
double processor_ns(Work work)
{
  const std::clock_t start = std::clock();
  work();
  return static_cast<double>(std::clock() - start) * 1e9 / CLOCKS_PER_SEC;
}

/// Measures both costs once: 100,000 suspensions alone, and about 10 ms of items with no suspension.
unit_costs measure_costs(const lesson04::scenario& scenario)
{
  constexpr int suspensions = 100'000;
  const int items = std::max(1000, 8'000'000 / scenario.rounds);
  const lesson04::scenario no_switching{.items = items, .batch = items, .rounds = scenario.rounds};
  return {.suspension_ns = processor_ns([] { lab::measure_loop_suspensions(suspensions); }) / suspensions,
          .item_ns = processor_ns([&] { lesson04::solution(no_switching, lab::instruments::off()); }) / items};
}

/// Measures both costs three times and keeps the median of each, so one hiccup does not decide the theory.
unit_costs calibrate(const lesson04::scenario& scenario)
{
  std::array<unit_costs, 3> tries{};
  for (auto& costs : tries) costs = measure_costs(scenario);
  std::array<double, 3> suspension_ns{};
  std::array<double, 3> item_ns{};
  for (std::size_t i = 0; i < tries.size(); ++i) {
    suspension_ns[i] = tries[i].suspension_ns;
    item_ns[i] = tries[i].item_ns;
  }
  std::ranges::sort(suspension_ns);
  std::ranges::sort(item_ns);
  return {.suspension_ns = suspension_ns[1], .item_ns = item_ns[1]};
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

/// The theory: the pitfall pays M x (switch + work), the solution M x work + M/K x switch.
struct theory_of_run {
  double batches;           ///< M/K, rounded up: how often the solution suspends
  double pitfall_ns;        ///< M x (switch + work)
  double solution_ns;       ///< M x work + M/K x switch
  double ratio() const { return pitfall_ns / solution_ns; }
};

theory_of_run theory_for(const lesson04::scenario& scenario, const unit_costs& costs)
{
  const double items = scenario.items;
  const double batches = (scenario.items + scenario.batch - 1) / scenario.batch;
  return {.batches = batches,
          .pitfall_ns = items * (costs.suspension_ns + costs.item_ns),
          .solution_ns = items * costs.item_ns + batches * costs.suspension_ns};
}

/// 11.8 ns, 135 ns, 1.60 us: a time in nanoseconds, as people read it.
std::string ns(double nanoseconds)
{
  if (nanoseconds < 100) return fmt::format("{:.1f} ns", nanoseconds);
  return lab::human_duration(std::chrono::nanoseconds(std::llround(nanoseconds)));
}

}  // namespace

int main(int argc, char** argv)
{
  lesson04::scenario scenario;
  std::optional<unit_costs> measured;  // measured once, when first needed
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
        // The right answer depends on whether a switch costs more than an item's work on this machine.
        const bool switching_dominates = theory_for(scenario, costs()).ratio() >= 2;
        return lab::question{
            .text = "Both versions do the same work. How does the pitfall compare with the solution?",
            .choices = {{"about as fast", switching_dominates
                                              ? "the work is the same, but the pitfall also pays one suspension "
                                                "per item, and a suspension costs more than an item's work."
                                              : "with this much work per item, one suspension is small beside it."},
                        {"several times slower", switching_dominates
                                                     ? "each of its suspensions costs more than an item's work, "
                                                       "and it makes one per item."
                                                     : "only when a suspension costs more than an item's work; "
                                                       "here the work outweighs it."},
                        {"faster, since it lets the loop run more often",
                         "letting the loop run costs a suspension each time; the solution still lets it run every "
                         "batch."}},
            .correct = switching_dominates ? 1 : 0};
      },

      .check = [&]() -> std::string {
        // At worst (--batch 1) both versions suspend once per item: 2 x M x (suspension + work). With a
        // pessimistic 300 ns per suspension and 2 ns per hash round, one run of each must stay within
        // 2 s, since each version runs three times.
        const double seconds = 2.0 * scenario.items * (300e-9 + 2e-9 * scenario.rounds);
        if (seconds <= 2.0) return {};
        return fmt::format("2 x --items x (300 + 2 x --rounds) ns is how long one run of the two versions may take "
                           "and must be at most 2 s (got 2 x {} x (300 + 2 x {}) ns = {:.2f} s)",
                           scenario.items, scenario.rounds, seconds);
      },

      .theory = [&] {
        const auto [switch_ns, work_ns] = costs();
        const auto expected = theory_for(scenario, costs());
        const double items = scenario.items;
        const auto what_went_wrong =
            switch_ns > work_ns
                ? fmt::format("the pitfall suspended once per item, and one suspension through the loop costs {}, "
                              "more than the {} of work an item takes",
                              ns(switch_ns), ns(work_ns))
                : fmt::format("the pitfall suspended once per item, but here an item's work ({}) outweighs one "
                              "suspension through the loop ({}), so batching saves little",
                              ns(work_ns), ns(switch_ns));
        return lab::theory{
            .ratio = std::round(expected.ratio() * 10) / 10,
            .why = fmt::format(
                "{} (both measured on this machine in this run, in processor time). Overhead = M x switch = "
                "{} x {} = {}, against M x work = {}. The fix, one suspension per batch of {} items: the solution "
                "suspended {} times, {} of switching, and the loop still got its turn every {}. Theory: (switch + "
                "work) / (work + switch / K).",
                what_went_wrong, count(scenario.items), ns(switch_ns), ns(items * switch_ns), ns(items * work_ns),
                count(scenario.batch), count(static_cast<long long>(expected.batches)),
                ns(expected.batches * switch_ns), ns(std::min(scenario.batch, scenario.items) * work_ns))};
      },

      .run = [&](lab::version version, const lab::instruments& with) {
        const bool pitfall = version == lab::version::pitfall;
        const auto run_once = [&](const lab::instruments& instruments) {
          return pitfall ? lesson04::pitfall(scenario, instruments) : lesson04::solution(scenario, instruments);
        };
        // This work is all processor time, so another program on the core stretches it at random:
        // keep the fastest of three runs (the timeline shows the first).
        auto outcome = run_once(with);
        for (int again = 0; again < 2; ++again) {
          const auto rerun = run_once({.measure = with.measure, .spans = nullptr});
          if (rerun.wall < outcome.wall) outcome = rerun;
        }

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
