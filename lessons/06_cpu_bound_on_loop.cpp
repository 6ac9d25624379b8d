// Lesson 06: processor work on the event loop.

#include "lessons/06_cpu_bound_on_loop.hpp"

#include "lab/format.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

using lesson06::scenario;
using lesson06::theory_of;
using lab::about_ms, lab::human_duration;

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson06::outcome>{
          .number = "06",
          .name = "cpu_bound_on_loop",
          .title = "Processor work on the event loop",
          .story = "A server answers requests that each need a stretch of pure computation: a hash, a resize, "
                   "a report. Each request is a coroutine on one event loop, spawned as it arrives, and a "
                   "heartbeat ticks on the same loop every 5 ms. The handler computes the answer where it "
                   "stands, in its coroutine, as Python code calls a heavy function inside async def.",
          .pitfall_api = "crunch(...) inside the coroutine",
          .solution_api = "co_await post(bind_executor(pool, use_awaitable)) and back",
          .python_analog = "heavy computation inside async def",
          .parameters = {{"--requests", &scenario::requests, "how many requests arrive at once (N)", 2, 50},
                         {"--work-ms", &scenario::work_ms, "each request's processor work, in ms (C)", 10, 400}},
          .limits = "--requests x --work-ms, how long the pitfall computes, must be at most 800 ms.",
          .check = [](const scenario& s) -> std::string {
            if (s.requests * s.work_ms <= 800) return {};
            return fmt::format("--requests x --work-ms is how long the pitfall computes and must be at most "
                               "800 ms (got {} x {})", s.requests, s.work_ms);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("{} requests of {} ms of processor work each, on one loop, on a machine with {} "
                               "cores.", s.requests, s.work_ms, lesson06::cores());
          },
          .question = [](const scenario& s) {
            const int cores = lesson06::cores();
            const int turns = (s.requests + cores - 1) / cores;
            return lab::question{
                .text = "How long will the pitfall take?",
                .choices = {{about_ms(s.requests * s.work_ms) + ", one request after another",
                             "the loop's one thread computes every request in turn: coroutines overlap waits, "
                             "not work."},
                            {about_ms(s.work_ms) + ", all requests at once",
                             "the work never suspends, so nothing overlaps: that is what coroutines do for waits."},
                            {fmt::format("{}, {} at a time, one per core", about_ms(turns * s.work_ms), cores),
                             "that is the solution: only threads spread the work over the cores, and the loop is "
                             "one thread."}},
                .correct = 0};
          },
          .theory = [](const scenario& s) {
            const theory_of theory(s);
            return lab::theory{
                .ratio = theory.ratio(),
                .reasoning = fmt::format("N x c against ceil(N/P) x c', on P = {} cores; one request's work c "
                                         "is {} on one core alone, c' {} with {} side by side, in processor time, "
                                         "measured in this run", theory.threads,
                                         human_duration(theory.pitfall_time() / s.requests),
                                         human_duration(theory.rounds * theory.costs.side_by_side), theory.at_a_time)};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("each request computed in its coroutine, on the loop's one thread, without a "
                               "co_await: the {} requests took turns, the loop froze for all of them, and the "
                               "heartbeat could not tick.", s.requests);
          },
          .fix = [](const scenario&) {
            return fmt::format("each request hopped onto a pool of {} threads for its work and back onto the "
                               "loop: the cores computed side by side, and the loop was free to tick.",
                               lesson06::cores());
          },
          .pitfall = lesson06::pitfall,
          .solution = lesson06::solution,
          .expected = lesson06::expected,
          .observe = [](const lesson06::outcome& o, const scenario& s) {
            return std::vector{lab::count_of("most_in_flight", "in flight", o.most_in_flight, s.requests),
                               lab::duration_of("longest_stall_seconds", "loop stalled", o.longest_stall),
                               lab::count_of("ticks_missed", "ticks missed", o.ticks_missed, lesson06::ticks_due(o)),
                               lab::count_of("work_threads", "threads", o.work_threads),
                               lab::count_of("on_loop", "on loop", o.on_loop, s.requests)};
          },
          .runs = 3,
      },
      argc, argv);
}
