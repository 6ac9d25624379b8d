#pragma once
/// \file
/// Lesson 06's contract: processor work on the event loop.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"
#include "lab/processor_time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

/// Lesson 06: processor work inside a coroutine holds the loop's one thread; coroutines overlap
/// waits, never work. A thread pool spreads the work over the cores and leaves the loop free.
namespace lesson06 {

/// N requests, each needing C milliseconds of processor work, served by one single-threaded
/// `io_context` on which a heartbeat also ticks every 5 ms.
struct scenario {
  int requests = 4;   ///< how many requests arrive at once (N)
  int work_ms = 100;  ///< how much processor work each needs, in ms (C)
};

/// How often the heartbeat on the loop must tick.
constexpr std::chrono::milliseconds heartbeat_period{5};

/// What a run observed.
struct outcome {
  std::chrono::nanoseconds wall{};           ///< from spawning the requests to the last one's end
  std::chrono::nanoseconds longest_stall{};  ///< longest the loop could not run a ready handler
  int most_in_flight = 0;                    ///< the most requests started and not yet finished
  int ticks = 0;                             ///< the heartbeat's ticks that ran
  int ticks_missed = 0;                      ///< its due times that passed without a tick
  int work_threads = 0;                      ///< how many distinct threads did the requests' work
  int on_loop = 0;                           ///< how many requests were computed on the loop's thread
  std::uint64_t checksum = 0;                ///< every request's answer folded: equal when the same work was done
};

/// `rounds` rounds of a 64-bit hash from `x`: the processor work a request needs.
///
/// Each round depends on the one before, so the compiler can neither skip the work nor spread it,
/// and `crunch(crunch(x, a), b) == crunch(x, a + b)`: the work may be done in slices.
constexpr std::uint64_t crunch(std::uint64_t x, long long rounds)
{
  for (long long round = 0; round < rounds; ++round) {
    x ^= x >> 31;
    x *= 0x9e3779b97f4a7c15u;
    x += 0x632be59bd9b4e019u;
  }
  return x;
}

/// How many cores the machine has: the size of the solution's thread pool (P).
inline int cores() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

/// What one round of `crunch` costs in processor time: on one core alone, and on every core at
/// once (P threads side by side, as the solution's pool runs them, where the cores may share a
/// clock or a cache). Measured once per process, the fastest of three runs of 2,000,000 rounds.
struct round_costs {
  std::chrono::duration<double, std::nano> alone;         ///< one thread working alone
  std::chrono::duration<double, std::nano> side_by_side;  ///< each of P threads working at once
};

/// The processor time of one round of `crunch`: the fastest of three runs of 2,000,000 rounds.
inline std::chrono::duration<double, std::nano> round_cost()
{
  return lab::processor_time_each(2'000'000, [](long long rounds) {
    const volatile std::uint64_t answer = crunch(static_cast<std::uint64_t>(rounds), rounds);
    (void)answer;
  });
}

/// The costs, measured when first asked for.
inline round_costs measured_round_costs()
{
  return lab::measured_once(0, [](int) {
    const auto alone = round_cost();
    const int threads = cores();
    std::vector<double> each(static_cast<std::size_t>(threads), 0.0);
    {
      std::vector<std::jthread> side_by_side;
      for (auto& cost : each) side_by_side.emplace_back([&cost] { cost = round_cost().count(); });
    }
    double total = 0;
    for (const double cost : each) total += cost;
    // Busy neighbours can only slow a core down (a shared clock, cache or memory): a reading
    // below the one of a core alone is noise.
    return round_costs{alone, std::max(alone, std::chrono::duration<double, std::nano>(total / threads))};
  });
}

/// How many rounds of `crunch` make one request's C milliseconds of work, on one core alone.
inline long long rounds_of(const scenario& scenario)
{
  return std::max(1LL, static_cast<long long>(std::chrono::milliseconds(scenario.work_ms) /
                                              measured_round_costs().alone));
}

/// Which threads did the requests' work, and what they computed. Any thread may record.
class work_log {
 public:
  /// Made on the thread that will run the loop.
  work_log() : loop_(std::this_thread::get_id()) {}

  /// One request's answer, computed on the calling thread.
  void record(std::uint64_t answer)
  {
    const std::scoped_lock lock(mutex_);
    threads_.insert(std::this_thread::get_id());
    if (std::this_thread::get_id() == loop_) ++on_loop_;
    checksum_ ^= answer;
  }

  /// The outcome of a run: the loop's and the heartbeat's numbers from `run`
  /// (a `lab::heartbeat_tasks_outcome`), the work's from this log.
  template <typename Run>
  outcome outcome_of(const Run& run) const
  {
    const std::scoped_lock lock(mutex_);
    return {.wall = run.wall, .longest_stall = run.longest_stall, .most_in_flight = run.most_in_flight,
            .ticks = run.ticks, .ticks_missed = run.ticks_missed, .work_threads = static_cast<int>(threads_.size()),
            .on_loop = on_loop_, .checksum = checksum_};
  }

 private:
  std::thread::id loop_;
  mutable std::mutex mutex_;
  std::set<std::thread::id> threads_;
  int on_loop_ = 0;
  std::uint64_t checksum_ = 0;
};

/// Each request computes its answer inline, in its coroutine, on the loop's thread.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// The second face of the pitfall: each request computes in slices of about a millisecond and
/// yields to the loop between two (`co_await asio::post(loop, ...)`), so every request is in
/// flight at once, but all the work is still done by the loop's one thread.
outcome pitfall_interleaved(const scenario& scenario, const lab::instruments& with = {});

/// A hop that does not leave the loop: `co_await asio::post(pool, asio::use_awaitable)` resumes
/// the coroutine on its own executor, the loop, so the work after it runs on the loop's thread.
outcome pitfall_unbound_hop(const scenario& scenario, const lab::instruments& with = {});

/// Each request hops onto an `asio::thread_pool` of P threads for its work, and back onto the loop.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// The heartbeat's due times in a run: the ticks that ran and those that were missed.
inline int ticks_due(const outcome& seen) { return seen.ticks + seen.ticks_missed; }

/// What each role must show: the pitfall computes every request on the loop's thread, freezes
/// the loop for a request's work or more, and its heartbeat misses most of its ticks; the
/// solution computes none on the loop's thread, never freezes the loop for a request's work, and
/// its heartbeat keeps most of its ticks. The lesson's verdict and its tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto one_request = std::chrono::milliseconds(scenario.work_ms);
  const bool most_missed = 2 * seen.ticks_missed > ticks_due(seen);
  const auto missed = fmt::format("ticks missed: {} of {}", seen.ticks_missed, ticks_due(seen));
  if (role == lab::role::pitfall)
    return {lab::expect_equal("every request is computed on the loop's thread", "on loop", seen.on_loop,
                              scenario.requests),
            lab::expect_at_least("the loop stalls for a request's work or more", "loop stalled", seen.longest_stall,
                                 one_request),
            lab::expectation{"the heartbeat misses most of its ticks", most_missed,
                             missed + ", expected more than half"}};
  return {lab::expect_equal("no request is computed on the loop's thread", "on loop", seen.on_loop, 0),
          lab::expect_below("the loop never stalls for a request's work", "loop stalled", seen.longest_stall,
                            one_request),
          lab::expectation{"the heartbeat keeps most of its ticks", !most_missed, missed + ", expected at most half"}};
}

/// The lesson's theory, on wall time: the pitfall computes N requests one after another, N x c;
/// the solution's pool of P threads computes P at a time, ceil(N/P) x c', where c is one request's
/// work on one core alone and c' the same work with P cores busy at once (both in processor time,
/// measured in this run). The hops to the pool and back cost microseconds, nothing beside c.
struct theory_of {
  /// Applies the measured costs to `s`.
  explicit theory_of(const scenario& s)
      : requests(s.requests), threads(cores()), at_a_time(std::min(s.requests, cores())),
        rounds(static_cast<double>(rounds_of(s))), costs(measured_round_costs())
  {
  }
  int requests;    ///< N
  int threads;     ///< P, the pool's threads
  int at_a_time;   ///< how many requests the pool computes at once: min(N, P)
  double rounds;   ///< one request's rounds of crunch
  round_costs costs;  ///< what a round costs, alone and side by side

  /// The pitfall's time: N x c.
  std::chrono::duration<double, std::nano> pitfall_time() const { return requests * rounds * costs.alone; }
  /// The solution's time: ceil(N/P) x c'.
  std::chrono::duration<double, std::nano> solution_time() const
  {
    const int turns = (requests + threads - 1) / threads;
    return turns * rounds * (at_a_time > 1 ? costs.side_by_side : costs.alone);
  }
  /// How many times as long the pitfall should take.
  double ratio() const { return pitfall_time() / solution_time(); }
};

}  // namespace lesson06
