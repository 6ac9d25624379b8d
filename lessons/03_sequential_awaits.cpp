// Lesson 03: awaiting independent requests one after another.

#include "lessons/03_sequential_awaits.hpp"

#include "lab/format.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

namespace {
using lesson03::scenario;

std::string check(const scenario& s)
{
  if (s.requests * s.latency_ms > 9'000)
    return fmt::format("--requests x --latency-ms is how long the pitfall runs and must be at most 9000 ms "
                       "(got {} x {})", s.requests, s.latency_ms);
  // Opening a loopback connection costs the solution 0.1 to 0.2 ms each on a busy machine: with too
  // short a latency the lesson would measure connecting, not waiting.
  if (2 * s.latency_ms < s.requests)
    return fmt::format("--latency-ms must be at least half of --requests, or connecting would take longer "
                       "than the latency (got {} ms for {} requests)", s.latency_ms, s.requests);
  return {};
}

// The solution's run, kept for the theory: it takes in what opening the connections cost there.
lesson03::outcome solution_seen;
lesson03::outcome solution_kept(const scenario& s, const lab::instruments& with)
{
  return solution_seen = lesson03::solution(s, with);
}
}  // namespace

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson03::outcome>{
          .number = "03",
          .name = "sequential_awaits",
          .title = "Awaiting independent requests one after another",
          .story = "A handler needs several answers from a backend, none of which depends on another. It "
                   "asks in a loop that awaits each request before it sends the next, the way Python code "
                   "writes for u in urls: await fetch(u) where it could gather them.",
          .pitfall_api = "for (...) co_await request(...)",
          .solution_api = "make_parallel_group(requests).async_wait(wait_for_all())",
          .python_analog = "for u in urls: await fetch(u), against asyncio.gather",
          .parameters = {{"--requests", &scenario::requests, "how many independent requests", 2, 100},
                         {"--latency-ms", &scenario::latency_ms, "how long the server holds each, in ms", 1, 1000}},
          .limits = "--requests x --latency-ms, how long the pitfall runs, must be at most 9000 ms, and "
                    "--latency-ms at least half of --requests.",
          .check = check,
          .scenario = [](const scenario& s) {
            return fmt::format("{} requests to a loopback server that answers each after {} ms, on one thread.",
                               s.requests, s.latency_ms);
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = "How long will the pitfall take?",
                .choices = {{lab::about_ms(s.requests * s.latency_ms),
                             "each request starts only when the one before has its answer."},
                            {"it blocks the event loop until every answer is in",
                             "nothing blocks: the loop is idle while each request waits."},
                            {lab::about_ms(s.latency_ms), "that is the solution: its requests wait at the same time."}},
                .correct = 0};
          },
          .theory = [](const scenario& s) {
            return lab::theory{.ratio = lesson03::theory_ratio(s, solution_seen),
                               .reasoning = fmt::format("{} latencies of {} ms one after another, against sending {} "
                                                        "requests at once ({}) and the slowest answer ({})",
                                                        s.requests, s.latency_ms, s.requests,
                                                        lab::human_duration(solution_seen.sending),
                                                        lab::human_duration(solution_seen.slowest_answer))};
          },
          .mistake = [](const scenario&) {
            return std::string("each co_await in the loop waited for its answer before the next request was "
                               "sent, so the latencies added up while the loop sat idle.");
          },
          .fix = [](const scenario&) {
            return std::string("the group sends every request at once, so their latencies overlap.");
          },
          .pitfall = lesson03::pitfall,
          .solution = solution_kept,
          .expected = lesson03::expected,
          .observe = [](const lesson03::outcome& o, const scenario& s) {
            return std::vector{lab::count_of("most_in_flight", "in flight", o.most_in_flight, s.requests),
                               lab::count_of("most_held", "server held", o.most_held, s.requests)};
          },
      },
      argc, argv);
}
