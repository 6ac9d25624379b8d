#include "lessons/12_coroutine_lifetimes.hpp"

#include <catch2/catch.hpp>

namespace {

// The observables are what the collector received, line by line: they do not depend on the
// machine's speed. On one thread every shipment reads its line only after the shipper has read
// the whole log, so a connection of 1 ms shows it as surely as one of a second.
constexpr lesson12::scenario scenario{.lines = 5, .delay_ms = 1};
// A timer of 0 ms still suspends the coroutine: the loop runs its completion later.
constexpr lesson12::scenario no_delay{.lines = 5, .delay_ms = 0};

lab::expectations pitfall_shows() { return expected(lab::role::pitfall, lesson12::pitfall(scenario), scenario); }
lab::expectations solution_shows() { return expected(lab::role::solution, lesson12::solution(scenario), scenario); }

}  // namespace

TEST_CASE("a coroutine that takes its line by reference sends what the buffer holds when it resumes",
          "[12][pitfall]")
{
  CHECK(pitfall_shows()["only the last line arrives as it was passed"]);
}

TEST_CASE("the first shipment sends the last line of the log, the one getline read last", "[12][pitfall]")
{
  CHECK(lesson12::pitfall(scenario).first_received == lesson12::log_line(scenario.lines - 1));
}

TEST_CASE("every shipment still runs, all at once: the lines arrive, only wrong", "[12][pitfall]")
{
  const auto shows = pitfall_shows();
  CHECK(shows["every line is shipped"]);
  CHECK(shows["every shipment is in flight at once"]);
}

TEST_CASE("even with no wait, a reference read after the first suspension sees the new contents",
          "[12][pitfall]")
{
  CHECK(lesson12::pitfall(no_delay).mismatched == no_delay.lines - 1);
}

TEST_CASE("a coroutine that takes its line by value sends the line it was passed", "[12][solution]")
{
  CHECK(solution_shows()["every line arrives as it was passed"]);
}

TEST_CASE("the first line arrives as the log has it", "[12][solution]")
{
  CHECK(lesson12::solution(scenario).first_received == lesson12::log_line(0));
}

TEST_CASE("with no wait at all, a line taken by value is still the line passed", "[12][solution]")
{
  CHECK(lesson12::solution(no_delay).mismatched == 0);
}
