#include "lessons/16_chat_server.hpp"

#include "lab/open_sockets.hpp"

#include <catch2/catch.hpp>

namespace {

// Three fast clients and 500 lines of 200 bytes, one a millisecond: 100 KB, against the slow
// client's buffers of about 27 KB and the solution's bound of 16 KiB. The kernel's buffers hold
// about 130 lines, so the pitfall stalls long before the talker is done, and the solution drops
// the slow client before the talker is halfway through. Every check counts, or compares a wait
// with half of the one-second grace: a wait in the pitfall lasts the grace by construction, and
// one in the solution takes a few milliseconds.
constexpr lesson16::scenario scenario{.fast = 3, .messages = 500, .queue_kib = 16};
constexpr long long all_lines = static_cast<long long>(scenario.fast) * scenario.messages;

lab::expectations pitfall_shows(const lesson16::outcome& seen)
{
  return expected(lab::role::pitfall, seen, scenario);
}

lab::expectations solution_shows(const lesson16::outcome& seen)
{
  return expected(lab::role::solution, seen, scenario);
}

lesson16::scenario malformed()
{
  auto with_malformed = scenario;
  with_malformed.malformed = true;
  return with_malformed;
}

}  // namespace

TEST_CASE("a broadcast that awaits each write stops the fast clients once the slow client's buffers are full",
          "[16][pitfall]")
{
  const auto outcome = lesson16::pitfall(scenario);
  CHECK(pitfall_shows(outcome)["the fast clients miss lines when the run is stopped"]);
  CHECK(pitfall_shows(outcome)["the watchdog has to stop the loop"]);
  // The talker was not stopped: the lines piled up in the kernel, not at the talker.
  CHECK(outcome.sent == scenario.messages);
  CHECK(outcome.delivered < all_lines / 2);
}

TEST_CASE("with a broadcast that awaits each write, a line waits for the fast clients until the run is stopped",
          "[16][pitfall]")
{
  CHECK(pitfall_shows(lesson16::pitfall(scenario))["a line waits for the fast clients until the run is stopped"]);
}

TEST_CASE("a broadcast that awaits each write drops nobody and queues nothing itself", "[16][pitfall]")
{
  const auto outcome = lesson16::pitfall(scenario);
  CHECK(pitfall_shows(outcome)["nobody is dropped"]);
  CHECK(outcome.most_queued == 0);
}

TEST_CASE("after the watchdog stops the pitfall, no socket stays open", "[16][pitfall]")
{
  const int before = lab::open_sockets();
  lesson16::pitfall(scenario);
  CHECK(lab::open_sockets() == before);
}

TEST_CASE("the pitfall's server refuses a line too long, relays binary bytes and ends a half-closed session",
          "[16][pitfall]")
{
  const auto outcome = lesson16::pitfall(malformed());
  CHECK(outcome.long_line_refused);
  CHECK(outcome.binary_relayed == scenario.fast);
  CHECK(outcome.half_close_ended);
  CHECK(outcome.delivered > 0);
}

TEST_CASE("with a queue and a writer per client, every line reaches every fast client", "[16][solution]")
{
  const auto outcome = lesson16::solution(scenario);
  CHECK(solution_shows(outcome)["every line reaches every fast client"]);
  CHECK(solution_shows(outcome)["the loop ends by itself"]);
}

TEST_CASE("with a queue and a writer per client, the fast clients' worst wait stays short", "[16][solution]")
{
  CHECK(solution_shows(lesson16::solution(scenario))["the fast clients' worst wait stays short"]);
}

TEST_CASE("a client whose queue passes the bound is dropped, and the others are told", "[16][solution]")
{
  const auto outcome = lesson16::solution(scenario);
  CHECK(solution_shows(outcome)["the slow client, and only it, is dropped"]);
  CHECK(solution_shows(outcome)["the fast clients are told of the drop"]);
}

TEST_CASE("no client's queue ever holds more than the bound", "[16][solution]")
{
  const auto outcome = lesson16::solution(scenario);
  CHECK(solution_shows(outcome)["no queue passes the bound"]);
  CHECK(outcome.most_queued > 0);
}

TEST_CASE("the solution's run ends by itself and leaves no socket open", "[16][solution]")
{
  const int before = lab::open_sockets();
  CHECK(solution_shows(lesson16::solution(scenario))["the loop ends by itself"]);
  CHECK(lab::open_sockets() == before);
}

TEST_CASE("the solution's server refuses a line too long, relays binary bytes, ends a half-closed session, and "
          "serves everyone else",
          "[16][solution]")
{
  const auto outcome = lesson16::solution(malformed());
  CHECK(outcome.long_line_refused);
  CHECK(outcome.binary_relayed == scenario.fast);
  CHECK(outcome.half_close_ended);
  CHECK(solution_shows(outcome)["every line reaches every fast client"]);
}
