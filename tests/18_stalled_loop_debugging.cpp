#include "lessons/18_stalled_loop_debugging.hpp"

#include <catch2/catch.hpp>

namespace {

// Writes of 200 ms, twice the debug mode's threshold and long beside a busy machine's scheduling
// hiccups; eight requests make two of them, and keep the pitfall's run under a second.
constexpr lesson18::scenario scenario{.requests = 8, .flush_ms = 200, .print_log = false};

lab::expectations pitfall_shows() { return expected(lab::role::pitfall, lesson18::pitfall(scenario), scenario); }
lab::expectations solution_shows() { return expected(lab::role::solution, lesson18::solution(scenario), scenario); }

}  // namespace

TEST_CASE("the debug report names the helper that blocks, flush_to_disk", "[18][pitfall]")
{
  CHECK(pitfall_shows()["the debug report names flush_to_disk"]);
}

TEST_CASE("the debug report gives the blocking helper's file and line", "[18][pitfall]")
{
  const auto seen = lesson18::pitfall(scenario);
  REQUIRE_FALSE(seen.slow.empty());
  CHECK_THAT(seen.slow.front().where, Catch::Contains("18_stalled_loop_debugging.cpp:"));
  CHECK(seen.slow.front().task == "handle_request");
  CHECK_THAT(seen.slow.front().line(), Catch::StartsWith("asynclab debug: slow handler: held the loop"));
}

TEST_CASE("a blocking disk write freezes the loop for half a write or more", "[18][pitfall]")
{
  CHECK(pitfall_shows()["the loop lags half a flush or more"]);
}

TEST_CASE("a blocking disk write makes requests wait: the tail latency reaches half a write", "[18][pitfall]")
{
  CHECK(pitfall_shows()["the tail latency reaches half a flush"]);
}

TEST_CASE("the plain log says every request was ok, and nothing of the stall", "[18][pitfall]")
{
  const auto seen = lesson18::pitfall(scenario);
  REQUIRE(seen.log.size() == static_cast<std::size_t>(scenario.requests));
  for (const auto& line : seen.log) CHECK_THAT(line, Catch::EndsWith(": ok") && !Catch::Contains("lag"));
}

TEST_CASE("with the disk write off the loop, the debug report names none of the service's functions",
          "[18][solution]")
{
  CHECK(solution_shows()["the debug report names none of the service's functions"]);
}

TEST_CASE("with the disk write off the loop, the loop never lags half a write", "[18][solution]")
{
  CHECK(solution_shows()["the loop never lags half a flush"]);
}

TEST_CASE("with the disk write off the loop, the tail latency stays below half a write", "[18][solution]")
{
  CHECK(solution_shows()["the tail latency stays below half a flush"]);
}

TEST_CASE("every structured log line carries its time, its task and the loop's lag", "[18][solution]")
{
  const auto seen = lesson18::solution(scenario);
  REQUIRE(seen.log.size() == static_cast<std::size_t>(scenario.requests));
  for (const auto& line : seen.log) CHECK_THAT(line, Catch::Contains(" s  task ") && Catch::Contains(" ms  "));
}
