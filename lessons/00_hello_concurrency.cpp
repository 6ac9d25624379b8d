// Lesson 00: hello, concurrency: one after the other, or at the same time.

#include "lessons/00_hello_concurrency.hpp"

#include "lab/format.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

using lesson00::scenario;

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson00::outcome>{
          .number = "00",
          .name = "hello_concurrency",
          .title = "Hello, concurrency: one after the other, or at the same time",
          .story = "say_hello() and say_world() each wait, then speak. The io_context is the event loop: "
                   "co_spawn hands it a coroutine, and each co_await suspends the coroutine until what it "
                   "awaits is done. The pitfall awaits hello, then world; the solution awaits hello && world, "
                   "as Python gathers them with asyncio.gather(say_hello(), say_world()). On the timelines, "
                   "task 1 is hello and task 2 is world.",
          .pitfall_api = "co_await a; co_await b;",
          .solution_api = "co_await (a && b);",
          .python_analog = "await a; await b, against asyncio.gather(a, b)",
          .parameters = {{"--delay-ms", &scenario::delay_ms, "how long each word waits, in ms", 10, 3000}},
          .scenario = [](const scenario& s) {
            return fmt::format("say_hello() and say_world() each wait {} ms, on one thread.", s.delay_ms);
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = "How long will the pitfall take?",
                .choices = {{lab::about_ms(s.delay_ms), "that is the solution: && starts both waits at once."},
                            {"almost no time: co_await does not block",
                             "co_await does not block the thread, but the coroutine still waits for the timer."},
                            {lab::about_ms(2 * s.delay_ms), "world's wait starts only once hello's is over, so they add up."}},
                .correct = 2};
          },
          .theory = [](const scenario& s) {
            return lab::theory{.ratio = lesson00::theory_ratio(s),
                               .reasoning = fmt::format("two waits of {} ms one after the other, against both at once",
                                                        s.delay_ms)};
          },
          .mistake = [](const scenario&) {
            return std::string("co_await waits for its operation to finish before the next line runs, so "
                               "world's wait began only when hello's was over.");
          },
          .fix = [](const scenario&) {
            return std::string("&& starts both coroutines at once and resumes when both have finished.");
          },
          .pitfall = lesson00::pitfall,
          .solution = lesson00::solution,
          .expected = lesson00::expected,
          .observe = [](const lesson00::outcome& o, const scenario&) {
            return std::vector{lab::count_of("most_in_flight", "waiting at once", o.most_in_flight, 2)};
          },
      },
      argc, argv);
}
