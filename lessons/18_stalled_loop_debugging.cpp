// Lesson 18: a stall nobody can see in plain logs.

#include "lessons/18_stalled_loop_debugging.hpp"

#include "lab/runner.hpp"

#include <fmt/format.h>

using lesson18::scenario;

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson18::outcome>{
          .number = "18",
          .name = "stalled_loop_debugging",
          .title = "A stall nobody can see in plain logs",
          .story = "A shop's service answers requests on one event loop: each asks a backend, then records "
                   "the sale in an audit log, which goes to disk every few sales. A heartbeat ticks on the "
                   "same loop. Users say the shop is sometimes slow, yet its log says every request was ok. "
                   "The lesson runs both versions with the debug mode on, as PYTHONASYNCIODEBUG=1 runs "
                   "asyncio's, and prints each version's own log as it runs.",
          .pitfall_api = "plain logs, a blocking call deep in the call chain",
          .solution_api = "the debug mode, structured logs, the disk write off the loop",
          .python_analog = "asyncio's debug mode: \"Executing <Task ...> took 0.2 seconds\"",
          .parameters = {{"--requests", &scenario::requests, "how many requests arrive, 20 ms apart", 4, 40},
                         {"--flush-ms", &scenario::flush_ms, "how long writing the audit log takes, in ms", 150,
                          500}},
          .scenario = [](const scenario& s) {
            return fmt::format("{} requests, one every {} ms; every {}th sale writes the audit log to disk, "
                               "which takes {} ms; a heartbeat every {} ms.", s.requests,
                               lesson18::arrival_gap.count(), lesson18::sales_per_flush, s.flush_ms,
                               lesson18::heartbeat_period.count());
          },
          .question = [](const scenario&) {
            return lab::question{
                .text = "The pitfall's log says every request was ok. What will the debug mode name?",
                .choices = {{"flush_to_disk, in the audit log",
                             "it waits for the disk on the loop's own thread, deep below handle_request."},
                            {"handle_request, waiting for the backend",
                             "a co_await on a timer or a socket suspends the task: the loop runs on."},
                            {"nothing: every request logged ok",
                             "a plain log line says what was done, not how long the loop waited for it."},
                            {"the heartbeat, whose timer fires too often",
                             "a tick takes microseconds; it is the heartbeat that misses its times."}},
                .correct = 0};
          },
          .theory = [](const scenario& s) {
            return lab::theory{.ratio = std::nullopt,
                               .reasoning = fmt::format("each disk write holds the loop {} ms, past the debug "
                                                        "mode's {} ms: a slow handler, named where it blocks",
                                                        s.flush_ms, lab::debug::default_slow.count())};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("flush_to_disk, called from record_sale in every {}th request, held the loop's "
                               "only thread {} ms each time; the heartbeat and every request waiting meanwhile "
                               "were late, and the plain log still said ok.", lesson18::sales_per_flush,
                               s.flush_ms);
          },
          .fix = [](const scenario&) {
            return std::string("the disk write runs on a thread of its own, so the loop never waits for the "
                               "disk; each log line carries its time, its task and the loop's lag, and the "
                               "debug report names nothing.");
          },
          .pitfall = lesson18::pitfall,
          .solution = lesson18::solution,
          .expected = lesson18::expected,
          .observe = lesson18::observations,
          .headline = "slow_handlers",
      },
      argc, argv);
}
