// Lesson 13: a blocking lock held across co_await.

#include "lessons/13_lock_across_suspension.hpp"

#include "lab/format.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

using lesson13::scenario;
using lab::about_ms;

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson13::outcome>{
          .number = "13",
          .name = "lock_across_suspension",
          .title = "A blocking lock held across co_await",
          .story = "A service keeps one connection to its database, which runs one query at a time. Each request "
                   "locks the connection, awaits its query and unlocks it. The coroutine may resume on another "
                   "of the loop's threads, so the lock is a std::binary_semaphore, which any thread may release. "
                   "A request that cannot have the connection by its deadline gives up. Several threads run the "
                   "loop, and a heartbeat ticks on it every 20 ms.",
          .pitfall_api = "std::binary_semaphore held across co_await",
          .solution_api = "a concurrent_channel of one as an async lock",
          .python_analog = "a threading.Lock held across await instead of an asyncio.Lock",
          .parameters = {{"--threads", &scenario::threads, "how many threads run the loop (T)", 2, 4},
                         {"--requests", &scenario::requests, "how many requests arrive at once (N)", 3, 50},
                         {"--query-ms", &scenario::query_ms, "how long each query holds the connection (W)", 5, 200},
                         {"--deadline-ms", &scenario::deadline_ms, "how long a request may wait, in ms (D)", 50,
                          2000}},
          .limits = "--requests must be more than --threads, and --requests x --query-ms at most half of "
                    "--deadline-ms.",
          .check = [](const scenario& s) -> std::string {
            if (s.requests <= s.threads)
              return fmt::format("--requests must be more than --threads (got {} and {})", s.requests, s.threads);
            if (2 * s.requests * s.query_ms <= s.deadline_ms) return {};
            return fmt::format("--requests x --query-ms must be at most half of --deadline-ms (got {} x {} and {})",
                               s.requests, s.query_ms, s.deadline_ms);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("{} requests of a {} ms query each, a deadline of {} ms, on a loop of {} threads.",
                               s.requests, s.query_ms, s.deadline_ms, s.threads);
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = "How long will the pitfall take?",
                .choices = {{about_ms(s.deadline_ms) + ", the deadline",
                             "the waiting requests block every thread, so no thread is left to end the first "
                             "query and unlock, until they give up at their deadline."},
                            {about_ms(s.requests * s.query_ms) + ", one query after another",
                             "that is the solution: there a waiting request suspends and leaves its thread to "
                             "the loop."},
                            {about_ms(s.query_ms) + ", every query at once",
                             "the lock lets one query run at a time, whichever lock it is."},
                            {"it never finishes: the loop deadlocks",
                             "the deadline ends each blocked wait, and then the threads run the loop again."}},
                .correct = 0};
          },
          .theory = [](const scenario& s) {
            return lab::theory{.ratio = lesson13::theory_ratio(s),
                               .reasoning = fmt::format("the {} ms deadline against {} queries of {} ms one after "
                                                        "another", s.deadline_ms, s.requests, s.query_ms)};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("each waiting request blocked its thread in acquire, so {} of them held every one "
                               "of the loop's {} threads; the first query ended, but no thread was left to resume "
                               "it and unlock until the waiters gave up at the deadline.", s.threads, s.threads);
          },
          .fix = [](const scenario&) {
            return std::string("a waiting request suspended on the channel and left its thread to the loop, which "
                               "resumed each request as its query ended: one query after another, all served.");
          },
          .pitfall = lesson13::pitfall,
          .solution = lesson13::solution,
          .expected = lesson13::expected,
          .observe = [](const lesson13::outcome& o, const scenario& s) {
            return std::vector{lab::count_of("served", "served", o.served, s.requests),
                               lab::count_of("gave_up", "gave up", o.gave_up, s.requests),
                               lab::count_of("threads_blocked", "threads blocked", o.most_threads_blocked, s.threads),
                               lab::duration_of("longest_stall_seconds", "loop stalled", o.longest_stall),
                               lab::count_of("ticks_missed", "ticks missed", o.ticks_missed, lesson13::ticks_due(o))};
          },
          .undefined = "thread",
      },
      argc, argv);
}
