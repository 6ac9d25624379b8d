// Lesson 00: hello and world, one after the other or at the same time.
// Runs the pitfall and the solution over the same scenario and prints what happened.

#include "00_hello_concurrency.hpp"

#include "lab/chart.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

int main(int argc, char** argv)
{
  lesson00::scenario scenario;

  const lab::lesson lesson{
      .number = "00",
      .name = "hello_concurrency",
      .title = "Hello, concurrency: one after the other, or at the same time",
      .story = "say_hello() and say_world() each wait, then speak. The io_context is the event loop: co_spawn "
               "hands it a coroutine, and each co_await suspends the coroutine until its wait is over. Awaited "
               "one after the other the two waits add up; started together, like Python's "
               "asyncio.gather(say_hello(), say_world()), they overlap: on the timelines, task 1 is hello and "
               "task 2 is world.",
      .pitfall_api = "co_await a; co_await b;",
      .solution_api = "co_await (a && b);",
      .parameters = {{"--delay-ms", &scenario.delay_ms, "how long each of hello and world waits, in milliseconds "
                                                        "(1000 is the classic example)", 10, 3000}},

      .scenario = [&] { return fmt::format("say_hello() and say_world() each wait {} ms, on one thread.", scenario.delay_ms); },

      .question = [&] {
        const auto one_delay = lab::human_duration(std::chrono::milliseconds(scenario.delay_ms));
        const auto two_delays = lab::human_duration(std::chrono::milliseconds(2 * scenario.delay_ms));
        return lab::question{
            .text = "How long will the pitfall take?",
            .choices = {{"about " + one_delay, "that is the solution: hello and world wait at the same time."},
                        {"about " + two_delays, "world's wait starts only once hello's is over, so they add up."},
                        {"no time at all", "a timer never fires early: each wait lasts its full delay."}},
            .correct = 1};
      },

      .check = {},  // one parameter, and its range is the whole check

      .theory = [&] {
        return lab::theory{.ratio = 2.0,
                           .why = "co_await waits for its operation to finish before the next line runs, so "
                                  "world's wait began only when hello's was over; && started both at once."};
      },

      .run = [&](lab::version version, const lab::instruments& with) {
        const bool pitfall = version == lab::version::pitfall;
        const auto outcome = pitfall ? lesson00::pitfall(scenario, with) : lesson00::solution(scenario, with);

        // The pitfall waits for one word at a time; the solution waits for both at once.
        const bool as_expected = outcome.most_in_flight == (pitfall ? 1 : 2);
        return lab::run_report{outcome.wall,
                               {{"most_in_flight", "waiting at once", fmt::format("{} of 2", outcome.most_in_flight),
                                 static_cast<double>(outcome.most_in_flight)}},
                               as_expected};
      },
  };
  return lab::run_lesson(lesson, argc, argv);
}
