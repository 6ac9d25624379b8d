#include "lessons/06_cpu_bound_on_loop.hpp"

#include <catch2/catch.hpp>

namespace {

// 200 ms of work per request is long beside a busy machine's scheduling hiccups (tens of ms at
// worst), so the bounds below hold with a wide margin: the pitfall's loop is frozen for all three
// requests, three times the bound, and the solution's for a few ms. Nothing here assumes more than
// one core: the speed-up is the benchmark's to measure.
constexpr lesson06::scenario scenario{.requests = 3, .work_ms = 200};

lab::expectations pitfall_shows(const lesson06::outcome& seen)
{
  return expected(lab::role::pitfall, seen, scenario);
}

lab::expectations solution_shows(const lesson06::outcome& seen)
{
  return expected(lab::role::solution, seen, scenario);
}

// Every request's answer, computed in one plain loop, folded as the work log folds them.
std::uint64_t checksum_of_all_requests()
{
  const long long rounds = lesson06::rounds_of(scenario);
  std::uint64_t checksum = 0;
  for (int request = 0; request < scenario.requests; ++request)
    checksum ^= lesson06::crunch(static_cast<std::uint64_t>(request), rounds);
  return checksum;
}

}  // namespace

TEST_CASE("work inside a coroutine runs on the loop's own thread", "[06][pitfall]")
{
  const auto outcome = lesson06::pitfall(scenario);
  CHECK(pitfall_shows(outcome)["every request is computed on the loop's thread"]);
  CHECK(outcome.work_threads == 1);
  CHECK(outcome.checksum == checksum_of_all_requests());
}

TEST_CASE("work inside a coroutine stalls the loop for a request's work or more", "[06][pitfall]")
{
  CHECK(pitfall_shows(lesson06::pitfall(scenario))["the loop stalls for a request's work or more"]);
}

TEST_CASE("while the loop computes, the heartbeat misses most of its ticks", "[06][pitfall]")
{
  CHECK(pitfall_shows(lesson06::pitfall(scenario))["the heartbeat misses most of its ticks"]);
}

TEST_CASE("work that never suspends lets only one request be in flight at a time", "[06][pitfall]")
{
  CHECK(lesson06::pitfall(scenario).most_in_flight == 1);
}

TEST_CASE("slicing the work puts every request in flight at once", "[06][pitfall]")
{
  CHECK(lesson06::pitfall_interleaved(scenario).most_in_flight == scenario.requests);
}

TEST_CASE("sliced work still runs on the loop's one thread: more coroutines are no more threads", "[06][pitfall]")
{
  const auto outcome = lesson06::pitfall_interleaved(scenario);
  CHECK(pitfall_shows(outcome)["every request is computed on the loop's thread"]);
  CHECK(outcome.work_threads == 1);
  CHECK(outcome.checksum == checksum_of_all_requests());
}

TEST_CASE("posting to the pool with plain use_awaitable resumes the coroutine on the loop", "[06][pitfall]")
{
  // The handler that resumes the coroutine belongs to the coroutine's executor, not the pool's.
  const auto outcome = lesson06::pitfall_unbound_hop(scenario);
  CHECK(pitfall_shows(outcome)["every request is computed on the loop's thread"]);
  CHECK(outcome.work_threads == 1);
}

TEST_CASE("work on a thread pool runs off the loop's thread", "[06][solution]")
{
  const auto outcome = lesson06::solution(scenario);
  CHECK(solution_shows(outcome)["no request is computed on the loop's thread"]);
  // However busy the machine, the pool has at most one thread per core.
  CHECK(outcome.work_threads >= 1);
  CHECK(outcome.work_threads <= lesson06::cores());
}

TEST_CASE("work on a thread pool leaves the event loop free", "[06][solution]")
{
  CHECK(solution_shows(lesson06::solution(scenario))["the loop never stalls for a request's work"]);
}

TEST_CASE("with the work on a thread pool, the heartbeat keeps its ticks", "[06][solution]")
{
  CHECK(solution_shows(lesson06::solution(scenario))["the heartbeat keeps most of its ticks"]);
}

TEST_CASE("every request is in flight at once while the pool computes", "[06][solution]")
{
  CHECK(lesson06::solution(scenario).most_in_flight == scenario.requests);
}

TEST_CASE("the pool computes the same answers as the loop", "[06][solution]")
{
  CHECK(lesson06::solution(scenario).checksum == checksum_of_all_requests());
}
