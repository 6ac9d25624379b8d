#include "lab/switch_costs.hpp"

#include <catch2/catch.hpp>

// The costs themselves depend on the machine; what is checked is that each measurement made
// every operation it was asked for, counted by the code that made them, and took some time.

TEST_CASE("measure_loop_suspensions suspends and resumes the coroutine as often as asked", "[lab][switch_costs]")
{
  const auto cost = lab::measure_loop_suspensions(1000);
  CHECK(cost.operations == 1000);
  CHECK(cost.wall.count() > 0);
  CHECK(cost.nanoseconds_each() > 0);
}

TEST_CASE("measure_co_spawns runs as many coroutines to their end as asked", "[lab][switch_costs]")
{
  const auto cost = lab::measure_co_spawns(1000);
  CHECK(cost.operations == 1000);
  CHECK(cost.wall.count() > 0);
}

TEST_CASE("measure_thread_switches passes the token as often as asked and returns", "[lab][switch_costs]")
{
  CHECK(lab::measure_thread_switches(100).operations == 100);
  CHECK(lab::measure_thread_switches(1).operations == 1);
  CHECK(lab::measure_thread_switches(0).operations == 0);
}

TEST_CASE("a plain function call costs less than a suspension through the loop", "[lab][switch_costs]")
{
  // About 1 ns against about 100 ns: a margin of tens of times, which no busy machine closes.
  const auto call = lab::measure_function_calls(100'000);
  const auto suspension = lab::measure_loop_suspensions(100'000);
  CHECK(call.operations == 100'000);
  CHECK(call.nanoseconds_each() < suspension.nanoseconds_each());
}

TEST_CASE("a cost of no operations is zero, not a division by zero", "[lab][switch_costs]")
{
  CHECK(lab::switch_cost{}.nanoseconds_each() == 0);
}
