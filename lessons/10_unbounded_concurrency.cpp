// Lesson 10: a thousand requests at once against a backend that serves ten.

#include "lessons/10_unbounded_concurrency.hpp"

#include "lab/format.hpp"
#include "lab/open_files.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

namespace {

using lesson10::scenario;

std::string check(const scenario& s)
{
  if (s.requests < 2 * s.limit)
    return fmt::format("--requests must be at least twice --limit, so that most requests find the backend "
                       "full (got {} and {})", s.requests, s.limit);
  if (lesson10::backend_pace(s) > std::chrono::milliseconds(5000))
    return fmt::format("--requests / --limit x --delay-ms, how long the solution runs, must be at most 5000 ms "
                       "(got {} / {} x {})", s.requests, s.limit, s.delay_ms);
  return {};
}

// Every request at once holds a socket at each end, both in this process, and a few descriptors
// are taken already: N must stay well below the open-files limit.
std::string pitfall_check(const scenario& s)
{
  const int limit = lab::open_files_limit();
  if (2 * s.requests + 100 <= limit) return {};
  return fmt::format("--requests x 2 + 100 must be at most the open-files limit, {} (ulimit -n), since each "
                     "request at once holds two sockets (got {}; --only solution takes more)", limit, s.requests);
}

lab::question question(const scenario& s)
{
  if (s.queue)
    return {.text = "How many requests will the pitfall have on the wire at once?",
            .choices = {{"one at a time", "one thread is not one request: each task suspends at its connect."},
                        {fmt::format("{}, as many as the backend serves", s.limit),
                         "the backend's limit binds the backend; nothing on the client's side waits for it."},
                        {fmt::format("all {}", s.requests), "every task connects at once; the backend queues them."}},
            .correct = 2};
  return {.text = fmt::format("How many of the {} requests will the backend turn away?", s.requests),
          .choices = {{"none", "one thread is not one request: every task connects at once."},
                      {fmt::format("about {}", s.requests - s.limit),
                       "all connect at once; the first served hold every place for a whole delay."},
                      {fmt::format("all {}", s.requests), "an overloaded backend still serves what it can."}},
          .correct = 1};
}

}  // namespace

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson10::outcome>{
          .number = "10",
          .name = "unbounded_concurrency",
          .title = "A thousand requests at once against a backend that serves ten",
          .story = "A client needs an answer for each of many requests, none of which depends on another. As "
                   "lesson 03 taught, it gathers them: one task per request, all started together in a parallel "
                   "group, as Python code passes a coroutine per URL to asyncio.gather. The backend holds each "
                   "request for a while, serves only a few at a time, and answers \"busy\" to a request that "
                   "finds it full (with --queue 1 the request waits for a place instead).",
          .pitfall_api = "one co_spawn per request, no limit",
          .solution_api = "a channel of capacity K as a semaphore",
          .python_analog = "asyncio.gather with no asyncio.Semaphore",
          .parameters = {{"--requests", &scenario::requests, "how many requests the client makes", 20, 10000},
                         {"--limit", &scenario::limit, "how many requests the backend serves at once", 1, 100},
                         {"--delay-ms", &scenario::delay_ms, "how long it holds each, in ms", 10, 1000},
                         {"--queue", &scenario::queue, "1: the backend queues the rest, 0: turns them away", 0, 1}},
          .limits = "--requests at least twice --limit; --requests / --limit x --delay-ms at most 5000 ms; "
                    "--requests x 2 + 100 at most the open-files limit, unless --only solution.",
          .check = check,
          .pitfall_check = pitfall_check,
          .scenario = [](const scenario& s) {
            return fmt::format("{} requests to a loopback backend that serves {} at once, each for {} ms, and {} "
                               "the rest.", s.requests, s.limit, s.delay_ms, s.queue ? "queues" : "turns away");
          },
          .question = question,
          .theory = [](const scenario& s) {
            const auto pace = lab::human_duration(lesson10::backend_pace(s));
            if (s.queue)
              return lab::theory{.ratio = 1.0, .reasoning = fmt::format("the backend's pace sets both times, "
                                 "{} rounds of {} ms ({}); the client's limit costs nothing",
                                 (s.requests + s.limit - 1) / s.limit, s.delay_ms, pace)};
            return lab::theory{.ratio = std::nullopt, .reasoning = fmt::format("the backend serves {} at once and "
                               "turns the rest away; with the limit it serves all of them, in {}", s.limit, pace)};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("one task per request put all {} on the wire at once, a socket each; the backend "
                               "served {} and {} the rest.", s.requests, s.limit,
                               s.queue ? "kept the others waiting, connected" : "turned away the others");
          },
          .fix = [](const scenario& s) {
            return fmt::format("a task waits for one of {} permits before it connects, so the backend never "
                               "sees more than it serves; the others wait as suspended coroutines.", s.limit);
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
