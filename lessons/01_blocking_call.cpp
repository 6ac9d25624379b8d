// Lesson 01: a blocking call inside a coroutine.
// Runs the pitfall and the solution over the same scenario and prints what happened.

#include "01_blocking_call.hpp"

#include "lab/chart.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

int main(int argc, char** argv)
{
  lesson01::scenario scenario;

  const lab::lesson lesson{
      .number = "01",
      .name = "blocking_call",
      .title = "A blocking call inside a coroutine",
      .story = "A request handler waits for a slow backend. Written as a coroutine but waiting with a "
               "blocking call (Python's time.sleep or requests.get inside async def), it holds the "
               "only thread: the event loop freezes and the tasks run one after another.",
      .pitfall_api = "std::this_thread::sleep_for",
      .solution_api = "steady_timer::async_wait",
      .parameters = {{"--tasks", &scenario.tasks, "how many tasks run at once", 1, 10000},
                     {"--delay-ms", &scenario.delay_ms, "how long each task waits, in milliseconds", 10, 5000}},

      .scenario = [&] { return fmt::format("{} tasks each wait {} ms, on one thread.", scenario.tasks, scenario.delay_ms); },

      .question = [&] {
        const auto one_delay = lab::human_duration(std::chrono::milliseconds(scenario.delay_ms));
        const auto all_delays = lab::human_duration(std::chrono::milliseconds(scenario.tasks * scenario.delay_ms));
        return lab::question{
            .text = "How long will the pitfall take?",
            .choices = {{"about " + one_delay, "that is the solution: its tasks wait at the same time."},
                        {"about " + all_delays, "each sleep holds the only thread, so the waits add up."},
                        {"it never finishes", "every task finishes; they just take turns."}},
            .correct = 1};
      },

      .check = [&]() -> std::string {
        if (scenario.tasks * scenario.delay_ms <= 10'000) return {};
        return fmt::format("--tasks x --delay-ms is how long the pitfall runs and must be at most 10000 ms "
                           "(got {} x {})", scenario.tasks, scenario.delay_ms);
      },

      .theory = [&] {
        return lab::theory{.ratio = static_cast<double>(scenario.tasks),
                           .why = "each sleep held the only thread, so every other task waited its turn, "
                                  "and the loop could run nothing else meanwhile."};
      },

      .run = [&](lab::version version, const lab::instruments& with) {
        const bool pitfall = version == lab::version::pitfall;
        const auto outcome = pitfall ? lesson01::pitfall(scenario, with) : lesson01::solution(scenario, with);

        // The pitfall serialises the tasks and stalls the loop; the solution overlaps them and does not.
        const auto half_delay = std::chrono::milliseconds(scenario.delay_ms) / 2;
        const bool as_expected = pitfall ? outcome.most_in_flight == 1 && outcome.longest_stall >= half_delay
                                         : outcome.most_in_flight == scenario.tasks && outcome.longest_stall < half_delay;
        return lab::run_report{outcome.wall, lab::observations(outcome, scenario.tasks), as_expected};
      },
  };
  return lab::run_lesson(lesson, argc, argv);
}
