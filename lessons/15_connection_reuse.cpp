// Lesson 15: a new HTTP connection for every request.

#include "lessons/15_connection_reuse.hpp"

#include "lab/format.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

namespace {
using lesson15::scenario;
std::string check(const scenario& s)
{
  if (s.pages < 2 * s.connections)
    return fmt::format("--pages must be at least twice --connections (got {} and {})", s.pages, s.connections);
  if (2LL * lesson15::rounds_of(s) * s.round_trip_ms <= 10'000) return {};
  return fmt::format("--pages / --connections x 2 x --round-trip-ms, how long the pitfall runs, must be at most "
                     "10000 ms (got {} / {} x 2 x {})", s.pages, s.connections, s.round_trip_ms);
}

// The solution's run, kept for the theory: it measures what a page costs cold and warm.
lesson15::outcome solution_seen;
lesson15::outcome solution_kept(const scenario& s, const lab::instruments& with)
{
  return solution_seen = lesson15::solution(s, with);
}
}  // namespace

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson15::outcome>{
          .number = "15",
          .name = "connection_reuse",
          .title = "A new HTTP connection for every request",
          .story = "A scraper fetches many pages from one site, a few workers at a time. Each worker fetches a "
                   "page with a fresh client: a resolver, a socket, a connection, as Python code calls "
                   "requests.get in a loop or opens an aiohttp.ClientSession per request. The site is across "
                   "a network: every exchange costs a round trip.",
          .pitfall_api = "a new http_client, connect() and get() per page",
          .solution_api = "one http_client per worker, kept alive: get() per page",
          .python_analog = "requests.get in a loop, or a new aiohttp.ClientSession per request",
          .parameters = {{"--pages", &scenario::pages, "how many pages the client fetches", 4, 2000},
                         {"--connections", &scenario::connections, "how many workers fetch at once", 2, 50},
                         {"--round-trip-ms", &scenario::round_trip_ms, "the network's round trip, in ms", 1, 100}},
          .limits = "--pages at least twice --connections; --pages / --connections x 2 x --round-trip-ms <= 10000 ms.",
          .check = check,
          .scenario = [](const scenario& s) {
            return fmt::format("{} pages fetched by {} workers at once; each exchange costs a {} ms round trip.",
                               s.pages, s.connections, s.round_trip_ms);
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = "How many connections will the server accept in the pitfall?",
                .choices = {{fmt::format("{}, one per page", s.pages),
                             "each page opens a client, and so a connection."},
                            {fmt::format("{}, one per worker", s.connections),
                             "that is the solution: there each worker keeps its connection."},
                            {"1, the client's", "nothing is shared: every client has its own socket."}},
                .correct = 0};
          },
          .theory = [](const scenario& s) {
            const auto [cold, warm] = std::pair(solution_seen.cold, solution_seen.warm);
            return lab::theory{lesson15::theory_ratio(s, solution_seen),
                               fmt::format("{} pages per worker on new connections ({} each), against one new and the "
                                           "rest kept ({} each)", lesson15::rounds_of(s), lab::human_duration(cold),
                                           lab::human_duration(warm))};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("every page paid for a new connection, its round trip and its set-up, and the "
                               "server accepted {} connections for {} pages.", s.pages, s.pages);
          },
          .fix = [](const scenario& s) {
            return fmt::format("each worker keeps one connection alive: the server accepts {}, and every page "
                               "after a worker's first costs one round trip.", s.connections);
          },
          .pitfall = lesson15::pitfall,
          .solution = solution_kept,
          .expected = lesson15::expected,
          .observe = [](const lesson15::outcome& o, const scenario& s) {
            return std::vector{lab::count_of("accepted", "connections", o.accepted, s.pages),
                               lab::count_of("answered", "pages", o.answered, s.pages),
                               lab::count_of("pages_per_second", "pages/s", lesson15::pages_per_second(o)),
                               lab::duration_of("cold_seconds", "page, new conn.", o.cold),
                               lab::duration_of("warm_seconds", "page, kept conn.", o.warm)};
          },
          .serve = lesson15::serve,
      },
      argc, argv);
}
