#include "lab/latencies.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;

TEST_CASE("latencies give the nearest-rank percentile, in any order of adding", "[lab][latencies]")
{
  lab::latencies took;
  for (const int ms : {7, 1, 10, 3, 5, 2, 9, 4, 8, 6}) took.add(std::chrono::milliseconds(ms));
  CHECK(took.count() == 10);
  CHECK(took.percentile(50) == 5ms);
  CHECK(took.percentile(90) == 9ms);
  CHECK(took.percentile(99) == 10ms);  // rank ceil(9.9) = 10: the longest
  CHECK(took.percentile(100) == 10ms);
  CHECK(took.percentile(0) == 1ms);  // at least the first
}

TEST_CASE("latencies of nothing have every percentile 0", "[lab][latencies]")
{
  const lab::latencies none;
  CHECK(none.count() == 0);
  CHECK(none.percentile(99) == 0ns);
}

TEST_CASE("latencies give their mean and how many took at least a bound", "[lab][latencies]")
{
  lab::latencies took;
  for (const int ms : {7, 1, 10, 3, 5, 2, 9, 4, 8, 6}) took.add(std::chrono::milliseconds(ms));
  CHECK(took.mean() == 5500us);
  CHECK(took.at_least(8ms) == 3);
  CHECK(took.at_least(11ms) == 0);
  const lab::latencies none;
  CHECK(none.mean() == 0ns);
  CHECK(none.at_least(0ns) == 0);
}
