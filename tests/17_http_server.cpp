#include "lessons/17_http_server.hpp"

#include "lab/open_sockets.hpp"

#include <catch2/catch.hpp>

namespace {

// 80 ms reports are long beside a busy machine's scheduling hiccups (a few ms), so half of one is
// a wide margin on either side; the pitfall's ten checks take about a second.
constexpr lesson17::scenario scenario{.report_ms = 80, .reporters = 2, .checks = 10};

lab::expectations pitfall_shows(const lesson17::outcome& seen) { return expected(lab::role::pitfall, seen, scenario); }
lab::expectations solution_shows(const lesson17::outcome& seen)
{
  return expected(lab::role::solution, seen, scenario);
}

}  // namespace

TEST_CASE("a blocking call in the handler runs every report on the loop's thread", "[17][pitfall]")
{
  const auto seen = lesson17::pitfall(scenario);
  CHECK(seen.reports > 0);
  CHECK(pitfall_shows(seen)["every report runs on the loop's thread"]);
}

TEST_CASE("a blocking call in the handler stalls the loop and holds up health checks", "[17][pitfall]")
{
  const auto shows = pitfall_shows(lesson17::pitfall(scenario));
  CHECK(shows["the loop stalls for half a report or more"]);
  CHECK(shows["a health check waits half a report or more"]);
}

TEST_CASE("a report awaited on a thread pool never runs on the loop's thread", "[17][solution]")
{
  const auto seen = lesson17::solution(scenario);
  CHECK(seen.reports > 0);
  CHECK(solution_shows(seen)["no report runs on the loop's thread"]);
}

TEST_CASE("a report awaited on a thread pool leaves the loop free to answer health checks", "[17][solution]")
{
  const auto seen = lesson17::solution(scenario);
  const auto shows = solution_shows(seen);
  CHECK(shows["the loop never stalls for half a report"]);
  CHECK(shows["no health check waits half a report"]);
  CHECK(seen.slow_checks == 0);
}

TEST_CASE("either way, every socket is closed once the checks are done", "[17][cleanup]")
{
  const int before = lab::open_sockets();
  lesson17::pitfall({.report_ms = 20, .reporters = 1, .checks = 5});
  CHECK(lab::open_sockets() == before);
  lesson17::solution({.report_ms = 20, .reporters = 1, .checks = 5});
  CHECK(lab::open_sockets() == before);
}
