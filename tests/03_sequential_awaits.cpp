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

TEST_CASE("the theory weighs the latencies against sending every request and the slowest answer", "[03][theory]")
{
  // 100 x 50 ms one after another, plus 10 ms of sending, against 10 ms of sending and a 60 ms
  // answer: (10 + 5000) / (10 + 60).
  lesson03::outcome solution{};
  solution.sending = std::chrono::milliseconds(10);
  solution.slowest_answer = std::chrono::milliseconds(60);
  CHECK(lesson03::theory_ratio({.requests = 100, .latency_ms = 50}, solution) == Approx(5010.0 / 70));
  // Before any run, the latencies alone.
  CHECK(lesson03::theory_ratio({.requests = 100, .latency_ms = 50}, {}) == 100);
}

TEST_CASE("a parallel group's run records what sending and the slowest answer cost", "[03][theory]")
{
  const auto outcome = lesson03::solution(scenario);
  CHECK(outcome.sending > std::chrono::nanoseconds(0));
  CHECK(outcome.slowest_answer > std::chrono::nanoseconds(0));
  CHECK(outcome.sending < outcome.wall);
}
