// Lesson 02: a task that never runs.

#include "lessons/02_unawaited_task.hpp"

#include "lab/runner.hpp"

#include <fmt/format.h>

namespace {

using lesson02::scenario;

std::vector<lab::observation> observations(const lesson02::outcome& seen, const scenario& s)
{
  const auto count = seen.count_read ? fmt::format("{}", *seen.count_read) : std::string("none yet");
  return {lab::count_of("bodies_ran", "bodies ran", seen.bodies_ran, s.visits),
          {"count_read", "count read", count, seen.count_read ? static_cast<double>(*seen.count_read) : -1.0}};
}

}  // namespace

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson02::outcome>{
          .number = "02",
          .name = "unawaited_task",
          .title = "A task that never runs",
          .story = "A page handler logs each visit with a coroutine. Not wanting to wait for the log, it "
                   "calls log_visit(...) without co_await and keeps what the call returns. Then it counts "
                   "the visits in a task spawned with co_spawn(..., detached) and reports the count at "
                   "once. Python warns about the first move with \"coroutine ... was never awaited\".",
          .pitfall_api = "log_visit(...) without co_await; co_spawn(..., detached)",
          .solution_api = "co_await log_visit(...); co_await co_spawn(..., use_awaitable)",
          .python_analog = "\"coroutine ... was never awaited\"",
          .parameters = {{"--visits", &scenario::visits, "how many visits the handler logs", 2, 10000},
                         {"--delay-ms", &scenario::delay_ms, "how long one log write takes, in ms", 0, 1000}},
          .limits = "--visits x --delay-ms, how long the solution runs, must be at most 10000 ms.",
          .check = [](const scenario& s) -> std::string {
            if (s.visits * s.delay_ms <= 10'000) return {};
            return fmt::format("--visits x --delay-ms is how long the solution runs and must be at most 10000 ms "
                               "(got {} x {})", s.visits, s.delay_ms);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("A handler logs {} visits (each write takes {} ms), then counts them.", s.visits,
                               s.delay_ms);
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = fmt::format("How many of the {} visits will the pitfall log?", s.visits),
                .choices = {{"some, depending on timing", "laziness is not a race: the bodies never start at all."},
                            {fmt::format("all {}, a little later", s.visits),
                             "that is the solution, which awaits each one; nothing ever starts these."},
                            {"none", "an Asio coroutine starts only when awaited or spawned, and these never are."}},
                .correct = 2};
          },
          .theory = [](const scenario&) {
            return lab::theory{.ratio = std::nullopt,
                               .reasoning = "time is not the point here: the pitfall is fast because it does "
                                            "nothing."};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("log_visit(...) without co_await only made {} suspended frames, destroyed unrun; "
                               "and nothing waited for the detached count before it was read.", s.visits);
          },
          .fix = [](const scenario&) {
            return std::string("awaiting runs every body, and the count is ready when it is read.");
          },
          .pitfall = lesson02::pitfall,
          .solution = lesson02::solution,
          .expected = lesson02::expected,
          .observe = observations,
          .headline = "bodies_ran",
      },
      argc, argv);
}
