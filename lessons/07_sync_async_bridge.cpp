// Lesson 07: legacy blocking code beside coroutines, and the bridges between them.

#include "lessons/07_sync_async_bridge.hpp"

#include "lab/format.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

using lesson07::scenario;

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson07::outcome>{
          .number = "07",
          .name = "sync_async_bridge",
          .title = "Legacy blocking code beside coroutines",
          .story = "Requests are answered by coroutines on one event loop, and each needs a price from a legacy "
                   "library whose call blocks its thread. When every price is in, an old synchronous function "
                   "writes the report. It needs an exchange rate that only the new asynchronous client fetches, "
                   "so it waits for it as synchronous code waits: co_spawn(loop, fetch_rate(), use_future).get(), "
                   "as Python code calls async_to_sync. A watchdog bounds the run.",
          .pitfall_api = "library.quote(...); co_spawn(..., use_future).get()",
          .solution_api = "to_thread(pool, ...); run_sync(loop, ...)",
          .python_analog = "a blocking call inside async def, and async_to_sync on the loop thread",
          .parameters = {{"--calls", &scenario::calls, "how many requests, each a legacy call", 2, 100},
                         {"--delay-ms", &scenario::delay_ms, "how long a legacy call blocks, in ms", 10, 1000},
                         {"--threads", &scenario::threads, "the solution's pool threads", 2, 64}},
          .limits = "2 x --calls x --delay-ms + 200 ms, the watchdog's bound and how long the pitfall runs, "
                    "must be at most 10000 ms, unless --only solution.",
          .pitfall_check = [](const scenario& s) -> std::string {
            if (bound_of(s).count() <= 10'000) return {};
            return fmt::format("2 x --calls x --delay-ms + 200 ms is how long the pitfall runs and must be at most "
                               "10000 ms (got 2 x {} x {} + 200; --only solution takes more)", s.calls, s.delay_ms);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("{} requests, each a legacy call of {} ms, then the report; the solution has {} pool "
                               "threads. The watchdog's bound: {}.", s.calls, s.delay_ms, s.threads,
                               lab::human_duration(bound_of(s)));
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = "What will the pitfall do?",
                .choices = {{"finish in " + lab::about_ms(s.calls * s.delay_ms),
                             "the calls do take turns, but then the report waits for a rate that only the loop can "
                             "fetch, from the loop's own thread."},
                            {"finish in " + lab::about_ms(s.delay_ms),
                             "a blocking call holds the loop's only thread: the calls cannot overlap (lesson 01)."},
                            {"stop at once with an error: the loop cannot wait for itself",
                             "that is what the solution's run_sync says; a future's get() checks nothing, it waits."},
                            {"wait for itself until the watchdog steps in, after " + lab::human_duration(bound_of(s)),
                             "the report blocks the loop's thread on a future that only that thread could complete."}},
                .correct = 3};
          },
          .theory = [](const scenario& s) {
            return lab::theory{.ratio = lesson07::theory_ratio(s),
                               .reasoning = fmt::format("{} calls of {} ms in turn, against {} rounds on {} pool "
                                                        "threads", s.calls, s.delay_ms, lesson07::rounds_of(s),
                                                        s.threads)};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("the {} legacy calls ran on the loop's own thread, in turn, and stalled it (lesson 01). "
                               "Then the report waited on a future that only the loop could complete, from the loop's "
                               "thread: the loop waited for itself until the watchdog stepped in.", s.calls);
          },
          .fix = [](const scenario& s) {
            return fmt::format("each call ran on a pool thread, {} at a time, while the loop stayed free; the report "
                               "ran there too, and run_sync had the loop fetch its rate.", s.threads);
          },
          .pitfall = lesson07::pitfall,
          .solution = lesson07::solution,
          .expected = lesson07::expected,
          .observe = [](const lesson07::outcome& o, const scenario& s) {
            return std::vector{lab::yes_no("completed", "completed", o.completed),
                               lab::count_of("calls_on_loop", "on loop thread", o.calls_on_loop, s.calls),
                               lab::duration_of("longest_stall_seconds", "loop stalled", o.longest_stall),
                               lab::duration_of("run_seconds", "whole run", o.run)};
          },
      },
      argc, argv);
}
