#include "lessons/03_sequential_awaits.hpp"

#include <catch2/catch.hpp>

namespace {

// 50 ms is long beside a busy machine's scheduling hiccups (a few ms) and beside ten loopback
// connections, so the bounds below hold with a wide margin; the pitfall runs for half a second.
constexpr lesson03::scenario scenario{.requests = 10, .latency_ms = 50};
constexpr auto latency = std::chrono::milliseconds(scenario.latency_ms);

}  // namespace

TEST_CASE("awaiting requests in a loop keeps only one in flight at a time", "[03][pitfall]")
{
  const auto outcome = lesson03::pitfall(scenario);
  const auto shows = expected(lab::role::pitfall, outcome, scenario);
  CHECK(shows["one request is in flight at a time"]);
  CHECK(shows["every request is answered"]);
  // The server, on its own thread, agrees: it never held two at once.
  CHECK(outcome.most_held == 1);
}

TEST_CASE("awaiting requests in a loop takes at least requests x latency", "[03][pitfall]")
{
  // The server holds each request for the full latency, and the loop waits for each in turn.
  const auto outcome = lesson03::pitfall(scenario);
  CHECK(outcome.wall >= scenario.requests * latency);
}

TEST_CASE("a parallel group keeps every request in flight at once", "[03][solution]")
{
  const auto shows = expected(lab::role::solution, lesson03::solution(scenario), scenario);
  CHECK(shows["every request is in flight at once"]);
  CHECK(shows["every request is answered"]);
}

TEST_CASE("a parallel group takes about one latency, far less than requests x latency", "[03][solution]")
{
  // About one latency in theory; requests x latency leaves a margin of ten times.
  const auto outcome = lesson03::solution(scenario);
  CHECK(outcome.wall >= latency);
  CHECK(outcome.wall < scenario.requests * latency);
}

TEST_CASE("a parallel group of one request behaves like the loop", "[03][solution]")
{
  const auto outcome = lesson03::solution({.requests = 1, .latency_ms = 10});
  CHECK(outcome.most_in_flight == 1);
  CHECK(outcome.answered == 1);
}
