#include "lab/expectations.hpp"
#include "lab/format.hpp"
#include "lab/processor_time.hpp"
#include "lab/timeline.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <thread>

using namespace std::chrono_literals;

TEST_CASE("durations keep three significant digits, below 100 ns too", "[lab][format]")
{
  CHECK(lab::human_duration(1s) == "1.00 s");
  CHECK(lab::human_duration(100ms) == "100 ms");
  CHECK(lab::human_duration(12500us) == "12.5 ms");
  CHECK(lab::human_duration(1500ns) == "1.50 us");
  CHECK(lab::human_duration(350ns) == "350 ns");
  CHECK(lab::human_duration(std::chrono::duration<double, std::nano>(11.84)) == "11.8 ns");
  CHECK(lab::human_duration(std::chrono::duration<double, std::nano>(2.25)) == "2.25 ns");
}

TEST_CASE("counts have their digits grouped, negative ones too", "[lab][format]")
{
  CHECK(lab::grouped(1'000'000) == "1,000,000");
  CHECK(lab::grouped(999) == "999");
  CHECK(lab::grouped(-1234) == "-1,234");
}

TEST_CASE("an expectation prints its claim and its evidence", "[lab][expectations]")
{
  const auto e = lab::expect_equal("one task in flight", "in flight", 5, 1);
  CHECK_FALSE(e.holds);
  std::ostringstream out;
  out << e;
  CHECK(out.str() == "one task in flight: in flight: 5, expected 1");
}

TEST_CASE("asking for a claim that is not there throws rather than passes", "[lab][expectations]")
{
  const lab::expectations shows{lab::expect_equal("a", "x", 1, 1)};
  CHECK(shows["a"]);
  CHECK_THROWS_AS(shows["b"], std::out_of_range);
  CHECK(shows.all_hold());
}

TEST_CASE("processor time counts work on this thread, not time asleep", "[lab][processor_time]")
{
  // Sleeping uses no processor time: far less than the 50 ms slept, whatever the machine's load.
  const auto asleep = lab::processor_time_of([] { std::this_thread::sleep_for(50ms); });
  CHECK(asleep < 25ms);
  // A busy loop of 20 ms of wall time uses some processor time (at least a little, even when shared).
  const auto busy = lab::processor_time_of([] {
    const auto until = lab::clock::now() + 20ms;
    while (lab::clock::now() < until) {
    }
  });
  CHECK(busy > 1ms);
}
