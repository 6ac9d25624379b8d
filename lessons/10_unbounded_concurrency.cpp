// Lesson 10: a thousand requests at once against a backend that serves ten.

#include "lessons/10_unbounded_concurrency.hpp"

#include "lab/format.hpp"
#include "lab/open_files.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

using lesson10::scenario;

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson10::outcome>{
          .number = "10",
          .name = "unbounded_concurrency",
          .title = "A thousand requests at once against a backend that serves ten",
          .story = "A client needs an answer for each of many independent requests. As lesson 03 taught, it "
                   "gathers them, one task per request, as Python code hands asyncio.gather a coroutine per URL. "
                   "The backend holds each request a while, serves a few at a time, and answers \"busy\" to a "
                   "request that finds it full (with --queue 1 the request waits for a place instead).",
          .pitfall_api = "make_parallel_group(all N requests)",
          .solution_api = "channel<void(error_code)> permits(executor, K)",
          .python_analog = "asyncio.gather with no asyncio.Semaphore",
          .parameters = {{"--requests", &scenario::requests, "how many requests the client makes", 20, 10000},
                         {"--limit", &scenario::limit, "how many requests the backend serves at once", 1, 100},
                         {"--delay-ms", &scenario::delay_ms, "how long it holds each, in ms", 10, 1000},
                         {"--queue", &scenario::queue, "1: the backend queues the rest, 0: turns them away", 0, 1}},
          .limits = "--requests at least twice --limit; --requests / --limit x --delay-ms at most 5000 ms; "
                    "--requests x 2 + 100 at most the open-files limit, unless --only solution.",
          .check = [](const scenario& s) -> std::string {
            if (s.requests < 2 * s.limit)
              return fmt::format("--requests must be at least twice --limit (got {} and {})", s.requests, s.limit);
            if (lesson10::backend_pace(s) <= std::chrono::milliseconds(5000)) return {};
            return fmt::format("--requests / --limit x --delay-ms, how long the solution runs, must be at most "
                               "5000 ms (got {} / {} x {})", s.requests, s.limit, s.delay_ms);
          },
          // Each request on the wire holds a socket at each end, both in this process.
          .pitfall_check = [](const scenario& s) -> std::string {
            if (2 * s.requests + 100 <= lab::open_files_limit()) return {};
            return fmt::format("--requests x 2 + 100 must be at most the open-files limit (ulimit -n), {} (got {}; "
                               "--only solution takes more)", lab::open_files_limit(), s.requests);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("{} requests to a loopback backend that serves {} at once, each for {} ms, and {} the "
                               "rest.", s.requests, s.limit, s.delay_ms, s.queue ? "queues" : "turns away");
          },
          .question = [](const scenario& s) {
            const char* queued = "this backend queues what it cannot serve: the rest wait, connected.";
            return lab::question{
                .text = fmt::format("How many of the {} requests will the backend turn away?", s.requests),
                .choices = {{"none", s.queue ? queued : "one thread is not one request: all tasks connect at once."},
                            {fmt::format("about {}", s.requests - s.limit),
                             s.queue ? queued : "all connect at once; the first served hold every place for a delay."},
                            {fmt::format("all {}", s.requests), "an overloaded backend still serves what it can."}},
                .correct = s.queue ? 0 : 1};
          },
          .theory = [](const scenario& s) {
            const auto pace = lab::human_duration(lesson10::backend_pace(s));
            if (s.queue) return lab::theory{lesson10::theory_ratio(s), fmt::format("the backend's pace, {}, sets both times: the limit "
                                                             "costs nothing", pace)};
            return lab::theory{std::nullopt, fmt::format("the backend serves {} at once and turns the rest away; "
                                                         "with the limit it serves them all, in {}", s.limit, pace)};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("one task per request put all {} on the wire at once; the backend served {} at a "
                               "time and {} the rest.", s.requests, s.limit, s.queue ? "kept waiting" : "turned away");
          },
          .fix = [](const scenario&) {
            return std::string("a task takes a permit before it connects, so the backend never sees more than it "
                               "serves; the others wait as suspended coroutines, not as sockets.");
          },
          .pitfall = lesson10::pitfall,
          .solution = lesson10::solution,
          .expected = lesson10::expected,
          .observe = [](const lesson10::outcome& o, const scenario& s) {
            return std::vector{lab::count_of("most_in_flight", "on the wire", o.most_in_flight, s.requests),
                               lab::count_of("rejected", "rejected", o.rejected, s.requests),
                               lab::count_of("answered", "answered", o.answered, s.requests),
                               lab::duration_of("p50_seconds", "p50 on the wire", o.p50),
                               lab::duration_of("p99_seconds", "p99 on the wire", o.p99)};
          },
          .headline = "rejected",
      },
      argc, argv);
}
