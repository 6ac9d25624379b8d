// Lesson 01: a blocking call inside a coroutine.

#include "lessons/01_blocking_call.hpp"

#include "lab/format.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

using lesson01::scenario;

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson01::outcome>{
          .number = "01",
          .name = "blocking_call",
          .title = "A blocking call inside a coroutine",
          .story = "A request handler waits for a slow backend. It is written as a coroutine, but it waits "
                   "the way synchronous code does, with std::this_thread::sleep_for, as Python code calls "
                   "time.sleep or requests.get inside async def. Several requests arrive at once, and one "
                   "event loop on one thread serves them all.",
          .pitfall_api = "std::this_thread::sleep_for",
          .solution_api = "steady_timer::async_wait",
          .python_analog = "time.sleep or requests.get inside async def",
          .parameters = {{"--tasks", &scenario::tasks, "how many tasks run at once", 2, 10000},
                         {"--delay-ms", &scenario::delay_ms, "how long each task waits, in ms", 10, 5000}},
          .limits = "--tasks x --delay-ms, how long the pitfall runs, must be at most 10000 ms, unless "
                    "--only solution.",
          .pitfall_check = [](const scenario& s) -> std::string {
            if (s.tasks * s.delay_ms <= 10'000) return {};
            return fmt::format("--tasks x --delay-ms is how long the pitfall runs and must be at most 10000 ms "
                               "(got {} x {}; --only solution takes more)", s.tasks, s.delay_ms);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("{} tasks each wait {} ms, on one thread.", s.tasks, s.delay_ms);
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = "How long will the pitfall take?",
                .choices = {{lab::about_ms(s.tasks * s.delay_ms), "each sleep holds the only thread, so the waits add up."},
                            {lab::about_ms(s.delay_ms), "that is the solution: there the tasks wait at the same time."},
                            {"it never finishes: the loop is blocked for good",
                             "sleep_for returns after its delay, so every task finishes; they take turns."}},
                .correct = 0};
          },
          .theory = [](const scenario& s) {
            return lab::theory{.ratio = lesson01::theory_ratio(s),
                               .reasoning = fmt::format("{} waits of {} ms one after another, against one", s.tasks,
                                                        s.delay_ms)};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("each std::this_thread::sleep_for held the loop's only thread for its whole wait, "
                               "so the {} tasks took turns and the loop could run nothing else.", s.tasks);
          },
          .fix = [](const scenario&) {
            return std::string("the task suspends while its timer runs, so the loop starts every task and "
                               "their waits overlap.");
          },
          .pitfall = lesson01::pitfall,
          .solution = lesson01::solution,
          .expected = lesson01::expected,
          .observe = [](const lesson01::outcome& o, const scenario& s) { return lab::observations(o, s.tasks); },
      },
      argc, argv);
}
