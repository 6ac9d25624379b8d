// Lesson 02: a task that never runs.
// Runs the pitfall and the solution over the same scenario and prints what happened.

#include "02_unawaited_task.hpp"

#include "lab/chart.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

namespace {

std::vector<lab::observation> observations(const lesson02::outcome& outcome, int visits)
{
  const auto count = outcome.count_read ? fmt::format("{}", *outcome.count_read) : std::string("none yet");
  return {
      {"bodies_ran", "bodies ran", fmt::format("{} of {}", outcome.bodies_ran, visits),
       static_cast<double>(outcome.bodies_ran)},
      {"count_read", "count read", count, outcome.count_read ? static_cast<double>(*outcome.count_read) : -1.0},
  };
}

}  // namespace

int main(int argc, char** argv)
{
  lesson02::scenario scenario;

  const lab::lesson lesson{
      .number = "02",
      .name = "unawaited_task",
      .title = "A task that never runs",
      .story = "A page handler logs each visit with a coroutine and, not wanting to wait for the log, "
               "calls it without co_await; then it counts the visits in a detached task. Asio's "
               "coroutines are lazy, like Python's (\"coroutine ... was never awaited\"): the logging "
               "never runs, and the count is read before the counting task has finished.",
      .pitfall_api = "log_visit(...) kept, never awaited; co_spawn(..., detached)",
      .solution_api = "co_await log_visit(...); co_await co_spawn(..., use_awaitable)",
      .parameters = {{"--visits", &scenario.visits, "how many visits the handler logs", 1, 10000},
                     {"--delay-ms", &scenario.delay_ms, "how long writing one log entry takes, in milliseconds", 0, 1000}},

      .scenario = [&] {
        return fmt::format("A handler logs {} visits (each write takes {} ms), then counts them.", scenario.visits,
                           scenario.delay_ms);
      },

      .question = [&] {
        return lab::question{
            .text = fmt::format("How many of the {} visits will the pitfall log?", scenario.visits),
            .choices = {{fmt::format("all {}", scenario.visits), "that is the solution, which awaits each one."},
                        {"none", "an Asio coroutine starts only when it is awaited or spawned, and these never are."},
                        {"some, depending on timing", "laziness is not a race: the bodies never start at all."}},
            .correct = 1};
      },

      .check = [&]() -> std::string {
        if (scenario.visits * scenario.delay_ms <= 10'000) return {};
        return fmt::format("--visits x --delay-ms is how long the solution runs and must be at most 10000 ms "
                           "(got {} x {})", scenario.visits, scenario.delay_ms);
      },

      .theory = [] {
        return lab::theory{.ratio = std::nullopt,
                           .why = "a coroutine called without co_await is only a suspended frame, destroyed "
                                  "unrun, and nothing waits for a detached task to finish before its result is read; "
                                  "awaiting both runs every body and has the count ready when it is read."};
      },

      .run = [&](lab::version version, const lab::instruments& with) {
        const bool pitfall = version == lab::version::pitfall;
        const auto outcome = pitfall ? lesson02::pitfall(scenario, with) : lesson02::solution(scenario, with);

        // The pitfall runs no logging body and reads no count; the solution runs every body and
        // reads the full count.
        const bool as_expected = pitfall ? outcome.bodies_ran == 0 && !outcome.count_read
                                         : outcome.bodies_ran == scenario.visits && outcome.count_read == scenario.visits;
        return lab::run_report{outcome.wall, observations(outcome, scenario.visits), as_expected};
      },
  };
  return lab::run_lesson(lesson, argc, argv);
}
