#pragma once
/// \file
/// Lesson 04's contract: when switching costs more than the work.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/format.hpp"
#include "lab/lesson.hpp"
#include "lab/processor_time.hpp"

#include <fmt/format.h>

#include <chrono>
#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>

/// Lesson 04: one suspension per tiny item costs more than the items; batches pay it once per K items.
namespace lesson04 {

/// One coroutine processes M small items on a single-threaded `io_context`, and suspends now and
/// then so that other tasks on the loop get their turn.
struct scenario {
  int items = 1'000'000;  ///< how many items to process (M)
  int batch = 1000;       ///< how many items the solution processes between two suspensions (K)
  int rounds = 8;         ///< how much work one item is: rounds of a 64-bit hash
};

/// What a run observed.
struct outcome {
  std::chrono::nanoseconds wall{};       ///< from spawning the coroutine to its end
  /// Processor time the loop's thread used meanwhile: what the lesson compares, since another
  /// program on the same core stretches the wall clock but not this.
  std::chrono::nanoseconds processor{};
  long long processed = 0;          ///< how many items were processed
  /// How many times the coroutine suspended and was resumed by the loop. A plain counter the
  /// coroutine increments after each suspension: it costs nothing beside one, so `with.measure`
  /// has nothing to switch off.
  long long suspensions = 0;
  std::uint64_t checksum = 0;  ///< every item's work folded together: equal when the same work was done
};

/// The work one item is: `rounds` rounds of a 64-bit hash, folded into the running checksum.
///
/// Each round depends on the one before, so the work cannot be skipped or done in parallel, and
/// it costs the same in the pitfall, the solution and the benchmark's measurement of it.
constexpr std::uint64_t process(std::uint64_t checksum, int item, int rounds)
{
  std::uint64_t x = checksum ^ static_cast<std::uint64_t>(item);
  for (int round = 0; round < rounds; ++round) {
    x ^= x >> 31;
    x *= 0x9e3779b97f4a7c15u;
  }
  return x;
}

/// Suspends once per item, with `co_await asio::post(executor, asio::use_awaitable)`.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// Suspends once per batch of `scenario.batch` items.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// How many times the solution suspends: once per batch, the last one maybe short.
constexpr long long batches_of(const scenario& scenario)
{
  return (scenario.items + scenario.batch - 1) / scenario.batch;
}

/// What each role must show: both process every item; the pitfall suspends once per item, the
/// solution once per batch. The lesson's verdict and its tests both judge by this (how much
/// longer the pitfall takes is the verdict's theory).
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto every_item = lab::expect_equal("every item is processed", "items", seen.processed, scenario.items);
  if (role == lab::role::pitfall)
    return {lab::expect_equal("there is one suspension per item", "suspensions", seen.suspensions, scenario.items),
            every_item};
  return {lab::expect_equal("there is one suspension per batch", "suspensions", seen.suspensions,
                            batches_of(scenario)),
          every_item};
}

/// The lesson's theory: the pitfall pays M x (switch + work), the solution M x work + M/K x
/// switch. One item's work, and one item with its suspension, are measured in processor time on
/// shorter runs (10 ms and 50,000 items), once per `rounds`, when first needed: after the command
/// line is parsed, at the scenario it gave.
struct theory_of {
  using ns = std::chrono::duration<double, std::nano>;  ///< nanoseconds, with fractions

  /// Measures the costs for `s.rounds` (once per value) and applies them to `s`.
  explicit theory_of(const scenario& s) : items(s.items), batches(static_cast<double>(batches_of(s)))
  {
    std::tie(suspension, work) = lab::measured_once(s.rounds, [](int rounds) {
      // One item's work alone: one batch, no suspension before the end.
      const int items_in_10_ms = std::max(1000, 8'000'000 / rounds);
      const auto item_alone = lab::processor_time_each(items_in_10_ms, [&](long long n) {
        lesson04::solution({.items = static_cast<int>(n), .batch = static_cast<int>(n), .rounds = rounds}, {});
      });
      // One item and one suspension, measured together, as the pitfall pays them.
      const auto item_and_suspension = lab::processor_time_each(50'000, [&](long long n) {
        lesson04::pitfall({.items = static_cast<int>(n), .batch = 2, .rounds = rounds}, {});
      });
      return std::pair{item_and_suspension - item_alone, item_alone};
    });
  }
  double items;     ///< M, the items both versions process
  double batches;   ///< M/K rounded up, the solution's suspensions
  ns suspension;    ///< one suspension through the loop, in processor time
  ns work;          ///< one item's work, in processor time

  /// M x (switch + work).
  ns pitfall_time() const { return items * (suspension + work); }
  /// M x work + M/K x switch.
  ns solution_time() const { return items * work + batches * suspension; }
  /// How many times as long the pitfall should take.
  double ratio() const { return pitfall_time() / solution_time(); }
  /// Why the ratio is what it is, true on either side of 2.
  std::string why() const
  {
    using lab::grouped, lab::human_duration;
    return fmt::format("the pitfall's {} extra suspensions cost {}, {} the solution's whole time, {}.",
                       grouped(static_cast<long long>(items - batches)), human_duration(pitfall_time() - solution_time()),
                       ratio() >= 2 ? "at least" : "less than", human_duration(solution_time()));
  }
};

}  // namespace lesson04
