// Lesson 09: an await with no deadline.

#include "lessons/09_missing_timeout.hpp"

#include "lab/runner.hpp"

#include <fmt/format.h>

using lesson09::scenario;

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson09::outcome>{
          .number = "09",
          .name = "missing_timeout",
          .title = "An await with no deadline",
          .story = "A handler sends several requests at once to a backend, each on its own TCP connection, "
                   "and co_awaits each reply with no deadline, as Python code awaits reader.read() with no "
                   "asyncio.wait_for around it. The backend accepts every connection, but some of them it "
                   "never answers. The lesson's watchdog stops a run that has not ended by twice the deadline "
                   "the fix uses.",
          .pitfall_api = "co_await request(...)",
          .solution_api = "make_parallel_group(request, timer).async_wait(wait_for_one())",
          .python_analog = "await reader.read() with no asyncio.wait_for or asyncio.timeout",
          .parameters = {{"--requests", &scenario::requests, "how many requests are made at once", 2, 200},
                         {"--silent-every", &scenario::silent_every, "one connection in n gets no answer", 2,
                          100},
                         {"--delay-ms", &scenario::delay_ms, "how long the backend takes to answer, in ms", 0, 1000},
                         {"--deadline-ms", &scenario::deadline_ms, "how long the fix waits for a reply, in ms", 50,
                          2000}},
          .limits = "--deadline-ms must be at least 2 x --delay-ms + 50.",
          .check = [](const scenario& s) -> std::string {
            if (s.deadline_ms >= 2 * s.delay_ms + 50) return {};
            return fmt::format("--deadline-ms must be at least 2 x --delay-ms + 50, so that every reply that "
                               "comes comes well before it (got {} and {})", s.deadline_ms, s.delay_ms);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("{} requests at once; the backend answers after {} ms, but never on one "
                               "connection in {}; the deadline is {} ms, the watchdog {} ms.", s.requests, s.delay_ms,
                               s.silent_every, s.deadline_ms, lesson09::watchdog_of(s).count());
          },
          .question = [](const scenario& s) {
            const int silent = lesson09::silent_of(s);
            return lab::question{
                .text = "When the watchdog stops the pitfall, how many requests still wait for a reply?",
                .choices = {{"none: every wait gives up in the end",
                             "a co_await on a read has no deadline of its own, and TCP never ends a quiet "
                             "connection by itself."},
                            {fmt::format("{} of {}", silent, s.requests),
                             "each request on a silent connection waits for a reply that never comes."},
                            {fmt::format("all {}: the silent ones hold up the rest", s.requests),
                             "nothing blocks: the loop is idle while they wait, and serves every reply that "
                             "comes."}},
                .correct = 1};
          },
          .theory = [](const scenario&) {
            return lab::theory{.ratio = std::nullopt,
                               .reasoning = "nothing ends a co_await on a reply that never comes, so the pitfall's "
                                            "silent requests wait until the watchdog stops the loop; a deadline on "
                                            "every wait times them out, and the loop ends by itself."};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("the {} requests on silent connections co_awaited a reply that never came, with "
                               "nothing to end the wait: without the watchdog, the run would never have ended.",
                               lesson09::silent_of(s));
          },
          .fix = [](const scenario& s) {
            return fmt::format("each wait races a {} ms timer in a parallel group: the silent requests time out, "
                               "the others get their replies, and run() returns by itself with nothing pending.",
                               s.deadline_ms);
          },
          .pitfall = lesson09::pitfall,
          .solution = lesson09::solution,
          .expected = lesson09::expected,
          .observe = [](const lesson09::outcome& o, const scenario& s) {
            return std::vector{lab::count_of("answered", "answered", o.answered, s.requests),
                               lab::count_of("timed_out", "timed out", o.timed_out, s.requests),
                               lab::count_of("pending", "pending", o.pending, s.requests),
                               lab::yes_no("stopped", "stopped", o.stopped),
                               lab::count_of("left_open", "left open", o.left_open)};
          },
          .headline = "pending",
      },
      argc, argv);
}
