#include "lessons/15_connection_reuse.hpp"

#include "lab/open_sockets.hpp"

#include <catch2/catch.hpp>

namespace {

// 20 ms round trips are long beside a busy machine's scheduling hiccups (a few ms), so the bounds
// below hold with a wide margin; the pitfall's 4 rounds of two round trips take about 160 ms.
constexpr lesson15::scenario scenario{.pages = 8, .connections = 2, .round_trip_ms = 20};
constexpr auto round_trip = std::chrono::milliseconds(scenario.round_trip_ms);

}  // namespace

TEST_CASE("a new connection per page makes the server accept one connection per page", "[15][pitfall]")
{
  const auto shows = expected(lab::role::pitfall, lesson15::pitfall(scenario), scenario);
  CHECK(shows["the server accepts a connection per page"]);
  CHECK(shows["every page is fetched"]);
}

TEST_CASE("a page on a new connection waits for the handshake's round trip and its own", "[15][pitfall]")
{
  // The server's timers never end early, so this lower bound holds on any machine.
  const auto outcome = lesson15::pitfall(scenario);
  CHECK(outcome.cold >= 2 * round_trip);
  CHECK(outcome.warm == std::chrono::nanoseconds(0));
}

TEST_CASE("a kept-alive connection per worker makes the server accept one per worker", "[15][solution]")
{
  const auto shows = expected(lab::role::solution, lesson15::solution(scenario), scenario);
  CHECK(shows["the server accepts one connection per worker"]);
  CHECK(shows["every page is fetched"]);
}

TEST_CASE("a page on a kept connection costs one round trip, not two", "[15][solution]")
{
  // One round trip in theory; two leave a margin of a whole round trip.
  const auto outcome = lesson15::solution(scenario);
  CHECK(outcome.warm >= round_trip);
  CHECK(outcome.warm < 2 * round_trip);
  CHECK(outcome.cold >= 2 * round_trip);
}

TEST_CASE("either way, every socket is closed once the scrape is done", "[15][cleanup]")
{
  const int before = lab::open_sockets();
  lesson15::pitfall(scenario);
  CHECK(lab::open_sockets() == before);
  lesson15::solution(scenario);
  CHECK(lab::open_sockets() == before);
}

TEST_CASE("the theory weighs pages on new connections against one new and the rest kept", "[15][theory]")
{
  // 25 pages per worker at 10 ms cold, against one at 10 ms and 24 at 5 ms: 250 / 130.
  lesson15::outcome solution{};
  solution.cold = std::chrono::milliseconds(10);
  solution.warm = std::chrono::milliseconds(5);
  CHECK(lesson15::theory_ratio({.pages = 100, .connections = 4, .round_trip_ms = 5}, solution) == Approx(250.0 / 130));
  // Before any run, round trips alone: two for a cold page, one for a warm one.
  CHECK(lesson15::theory_ratio({.pages = 100, .connections = 4, .round_trip_ms = 5}, {}) == Approx(50.0 / 26));
}
