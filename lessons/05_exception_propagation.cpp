// Lesson 05: an exception that vanishes.
// Runs the pitfall and the solution over the same scenario and prints what happened.

#include "05_exception_propagation.hpp"

#include "lab/chart.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

namespace {

std::vector<lab::observation> observations(const lesson05::outcome& outcome, int siblings)
{
  const std::chrono::duration<double> waited = outcome.failure_to_caller;
  return {
      {"reached_caller", "error reached caller", outcome.reached_caller ? "yes" : "no",
       outcome.reached_caller ? 1.0 : 0.0},
      {"siblings_finished", "siblings finished", fmt::format("{} of {}", outcome.siblings_finished, siblings),
       static_cast<double>(outcome.siblings_finished)},
      {"steps_after_failure", "steps after failure", fmt::format("{}", outcome.steps_after_failure),
       static_cast<double>(outcome.steps_after_failure)},
      {"failure_to_caller_seconds", "caller waited after failure", lab::human_duration(outcome.failure_to_caller),
       waited.count()},
  };
}

}  // namespace

int main(int argc, char** argv)
{
  lesson05::scenario scenario;

  const lab::lesson lesson{
      .number = "05",
      .name = "exception_propagation",
      .title = "An exception that vanishes",
      .story = "A request handler queries several backends at once, each spawned with co_spawn(..., "
               "detached). One fails: its exception goes nowhere (Python's \"Task exception was never "
               "retrieved\"), the other queries work on for nothing, and the program reports success. "
               "Trio's nurseries and asyncio.TaskGroup exist to prevent exactly this.",
      .pitfall_api = "co_spawn(..., detached)",
      .solution_api = "make_parallel_group(...).async_wait(wait_for_one_error(), ...)",
      .parameters = {{"--backends", &scenario.backends, "how many backends the handler queries at once", 2, 100},
                     {"--fail-after-ms", &scenario.fail_after_ms, "when backend 0 fails, in milliseconds", 0, 1000},
                     {"--work-ms", &scenario.work_ms, "how long each healthy backend works, in milliseconds", 20, 5000}},

      .scenario = [&] {
        return fmt::format("A handler queries {} backends at once; backend 0 fails after {} ms, the others "
                           "work for {} ms.", scenario.backends, scenario.fail_after_ms, scenario.work_ms);
      },

      .question = [&] {
        return lab::question{
            .text = "What does the pitfall's caller learn about backend 0's failure?",
            .choices = {{"it catches the exception", "that is the solution: the group rethrows it."},
                        {"nothing, its run returns normally", "a detached task's exception is dropped where it completes."},
                        {"the program crashes", "no: Asio catches the exception and detached throws it away."}},
            .correct = 1};
      },

      .check = [&]() -> std::string {
        if (scenario.fail_after_ms < scenario.work_ms) return {};
        return fmt::format("--fail-after-ms must be less than --work-ms, so that backend 0 fails while the others "
                           "still work (got {} and {})", scenario.fail_after_ms, scenario.work_ms);
      },

      .theory = [] {
        return lab::theory{.ratio = std::nullopt,
                           .why = "a detached task's exception is dropped where it completes, so the caller "
                                  "returns normally while the siblings work on; a parallel group that waits "
                                  "for one error cancels them at once and rethrows the failure to the caller."};
      },

      .run = [&](lab::version version, const lab::instruments& with) {
        const bool pitfall = version == lab::version::pitfall;
        const auto outcome = pitfall ? lesson05::pitfall(scenario, with) : lesson05::solution(scenario, with);

        // The pitfall loses the error and lets every sibling finish; the solution delivers the
        // error and cancels every sibling.
        const int siblings = scenario.backends - 1;
        const bool as_expected = pitfall ? !outcome.reached_caller && outcome.siblings_finished == siblings
                                         : outcome.reached_caller && outcome.siblings_aborted == siblings;
        return lab::run_report{outcome.wall, observations(outcome, siblings), as_expected};
      },
  };
  return lab::run_lesson(lesson, argc, argv);
}
