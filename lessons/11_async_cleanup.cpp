// Lesson 11: a connection that is never closed gracefully.

#include "lessons/11_async_cleanup.hpp"

#include "lab/runner.hpp"

#include <fmt/format.h>

namespace {

using lesson11::scenario;

int cleaned_up(const scenario& s) { return 1 + s.slow; }

}  // namespace

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson11::outcome>{
          .number = "11",
          .name = "async_cleanup",
          .title = "A connection that is never closed gracefully",
          .story = "A client runs a batch of jobs in one group, which cancels the other jobs when one fails, as "
                   "Trio's nursery or asyncio.TaskGroup does. Each job opens a connection through the client's "
                   "session, which keeps its connections as aiohttp's ClientSession does, makes its requests, "
                   "then closes the connection politely: it says goodbye and shuts the socket down. Job 0 fails "
                   "after a few answers; some jobs are slow. When the group is done, before the session ends, "
                   "the server counts the connections still open.",
          .pitfall_api = "co_await connection.close() after the work",
          .solution_api = "with_connection(session, body)",
          .python_analog = "await session.close() without async with or finally",
          .parameters = {{"--jobs", &scenario::jobs, "how many jobs run in the group", 2, 100},
                         {"--slow", &scenario::slow, "how many jobs are slow, still working at the failure", 0, 99},
                         {"--delay-ms", &scenario::delay_ms, "how long the server holds each request, in ms", 10,
                          300}},
          .limits = "--slow must be less than --jobs: job 0 is the one that fails.",
          .check = [](const scenario& s) -> std::string {
            if (s.slow < s.jobs) return {};
            return fmt::format("--slow must be less than --jobs, since job 0 is the one that fails (got {} and {})",
                               s.slow, s.jobs);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("{} jobs, {} of them slow; the server holds each request {} ms; job 0 fails after "
                               "{} answers.", s.jobs, s.slow, s.delay_ms, lesson11::failing_requests);
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = "How many connections does the pitfall leave open when its jobs are done?",
                .choices = {{fmt::format("none: each closes when its job's coroutine ends"),
                             "the session owns the connections: only close() or the session's end closes them."},
                            {fmt::format("{}: the failed job's and the cancelled jobs'", cleaned_up(s)),
                             "an exception or a cancellation skips the close at the end of the happy path."},
                            {"1: only the failed job's, since a cancelled job still runs its close",
                             "a cancellation ends the job at its pending co_await, like an exception."},
                            {fmt::format("all {}: nothing is closed before the session ends", s.jobs),
                             "the jobs that succeed reach their close and say goodbye."}},
                .correct = 1};
          },
          .theory = [](const scenario& s) {
            const double failure = lesson11::failing_requests + 0.5;
            return lab::theory{
                .ratio = lesson11::theory_ratio(s),
                .reasoning = fmt::format("every job that fails or is cancelled skips the close at the end of "
                                         "its happy path. The fix costs time too: job 0's goodbye (a delay), "
                                         "then the cancelled jobs' closes, which wait for the answer in flight "
                                         "(half a delay) and their goodbye (a delay): {} delays against {}.",
                                         failure, failure + 2.5)};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("the failure and the cancellations left {} jobs at a co_await before their close, "
                               "so their connections stayed open, and said no goodbye, until the session ended.",
                               cleaned_up(s));
          },
          .fix = [](const scenario&) {
            return std::string("with_connection runs the close however the body ends, with the cancellation "
                               "cleared and a time limit, then rethrows the body's error.");
          },
          .pitfall = lesson11::pitfall,
          .solution = lesson11::solution,
          .expected = lesson11::expected,
          .observe = [](const lesson11::outcome& o, const scenario& s) {
            return std::vector{lab::count_of("left_open", "left open", o.left_open, s.jobs),
                               lab::count_of("goodbyes", "goodbyes", o.goodbyes, s.jobs),
                               lab::count_of("open_at_end", "open at end", o.open_at_end, s.jobs)};
          },
          .headline = "left_open",
      },
      argc, argv);
}
