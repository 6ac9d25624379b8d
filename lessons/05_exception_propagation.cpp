// Lesson 05: an exception that vanishes.

#include "lessons/05_exception_propagation.hpp"

#include "lab/runner.hpp"

#include <fmt/format.h>

namespace {

using lesson05::scenario;

}  // namespace

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson05::outcome>{
          .number = "05",
          .name = "exception_propagation",
          .title = "An exception that vanishes",
          .story = "A request handler queries several backends at once, each query started with co_spawn(..., "
                   "detached), as Python code starts one asyncio.create_task per backend. Its caller runs the "
                   "handler and catches what it throws. One backend refuses its query soon after the start; the "
                   "others take longer.",
          .pitfall_api = "co_spawn(..., detached)",
          .solution_api = "make_parallel_group(...).async_wait(wait_for_one_error(), ...)",
          .python_analog = "asyncio.create_task(...) that nobody awaits",
          .parameters = {{"--backends", &scenario::backends, "how many backends are queried at once", 2, 100},
                         {"--fail-after-ms", &scenario::fail_after_ms, "when backend 0 fails, in ms", 0, 1000},
                         {"--work-ms", &scenario::work_ms, "how long the other backends work, in ms", 20, 5000}},
          .limits = "--fail-after-ms must be at most --work-ms - 20, so that backend 0 fails at least two 10 ms "
                    "steps before the others end.",
          .check = [](const scenario& s) -> std::string {
            if (s.fail_after_ms <= s.work_ms - 20) return {};
            return fmt::format("--fail-after-ms must be at most --work-ms - 20, so that backend 0 fails while the "
                               "others still work (got {} and {})", s.fail_after_ms, s.work_ms);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("A handler queries {} backends at once; backend 0 fails after {} ms, the others "
                               "work for {} ms.", s.backends, s.fail_after_ms, s.work_ms);
          },
          .question = [](const scenario&) {
            return lab::question{
                .text = "What does the pitfall's caller learn about backend 0's failure?",
                .choices = {{"it catches the exception", "that is the solution: the group rethrows it."},
                            {"nothing: its run returns normally",
                             "a detached task's exception is dropped where the task ends."},
                            {"the program crashes", "no: Asio catches the exception, and detached drops it."}},
                .correct = 1};
          },
          .theory = [](const scenario&) {
            return lab::theory{.ratio = std::nullopt,
                               .reasoning = "a detached task's exception is dropped where the task ends, so the "
                                            "caller returns normally while the other queries work on; a group that "
                                            "waits for one error cancels them and rethrows the failure."};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("co_spawn(..., detached) dropped backend 0's exception where its task ended, so the "
                               "caller's run returned normally, after the {} other queries had worked to their end "
                               "for nothing.", s.backends - 1);
          },
          .fix = [](const scenario&) {
            return std::string("the group waits for every query; the first failure cancels the others at once "
                               "and is rethrown to the caller, which catches it.");
          },
          .pitfall = lesson05::pitfall,
          .solution = lesson05::solution,
          .expected = lesson05::expected,
          .observe = [](const lesson05::outcome& o, const scenario& s) {
            return std::vector{lab::yes_no("reached_caller", "error reached caller", o.reached_caller),
                               lab::count_of("siblings_finished", "finished", o.finished, s.backends - 1),
                               lab::count_of("steps_after_failure", "steps after", o.steps_after_failure),
                               lab::duration_of("failure_to_caller_seconds", "caller waited", o.failure_to_caller)};
          },
          .headline = "reached_caller",
      },
      argc, argv);
}
