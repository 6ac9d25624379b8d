// Lesson 03: awaiting independent requests one after another.
// Runs the pitfall and the solution over the same scenario and prints what happened.

#include "03_sequential_awaits.hpp"

#include "lab/chart.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

int main(int argc, char** argv)
{
  lesson03::scenario scenario;

  const lab::lesson lesson{
      .number = "03",
      .name = "sequential_awaits",
      .title = "Awaiting independent requests one after another",
      .story = "A handler needs ten answers from a backend, none of which depends on another. Written as a "
               "loop that awaits each request before sending the next (Python's `for u in urls: await "
               "fetch(u)` instead of asyncio.gather), it pays every latency in turn, though each request "
               "spends its time waiting and the loop is idle.",
      .pitfall_api = "for (...) co_await request(...)",
      .solution_api = "make_parallel_group(requests).async_wait(wait_for_all())",
      .parameters = {{"--requests", &scenario.requests, "how many independent requests the client makes", 1, 100},
                     {"--latency-ms", &scenario.latency_ms, "how long the server holds each request, in milliseconds",
                      1, 1000}},

      .scenario = [&] {
        return fmt::format("{} requests to a loopback server that answers each after {} ms, on one thread.",
                           scenario.requests, scenario.latency_ms);
      },

      .question = [&] {
        const auto one_latency = lab::human_duration(std::chrono::milliseconds(scenario.latency_ms));
        const auto all_latencies = lab::human_duration(std::chrono::milliseconds(scenario.requests * scenario.latency_ms));
        return lab::question{
            .text = "How long will the pitfall take?",
            .choices = {{"about " + one_latency, "that is the solution: its requests wait at the same time."},
                        {"about " + all_latencies, "each request starts only when the one before has its answer."},
                        {"it blocks the event loop", "nothing blocks: the loop is idle while each request waits."}},
            .correct = 1};
      },

      .check = [&]() -> std::string {
        if (scenario.requests * scenario.latency_ms > 9'000)
          return fmt::format("--requests x --latency-ms is how long the pitfall runs and must be at most 9000 ms "
                             "(got {} x {})", scenario.requests, scenario.latency_ms);
        // Opening a connection cost the solution 0.1 to 0.2 ms each here (100 requests, busy machine), so
        // with too short a latency it would spend its time connecting and the lesson would measure that.
        if (2 * scenario.latency_ms < scenario.requests)
          return fmt::format("--latency-ms must be at least half of --requests, or connecting would take longer "
                             "than the latency (got {} ms for {} requests)", scenario.latency_ms, scenario.requests);
        return {};
      },

      .theory = [&] {
        return lab::theory{.ratio = static_cast<double>(scenario.requests),
                           .why = "each co_await in the loop waited for its answer before the next request "
                                  "was sent, so the latencies added up; the parallel group sent them all at once."};
      },

      .run = [&](lab::version version, const lab::instruments& with) {
        const bool pitfall = version == lab::version::pitfall;
        const auto outcome = pitfall ? lesson03::pitfall(scenario, with) : lesson03::solution(scenario, with);

        // The pitfall has one request in flight at a time; the solution has all of them.
        const int expected_in_flight = pitfall ? 1 : scenario.requests;
        const bool as_expected = outcome.most_in_flight == expected_in_flight && outcome.answered == scenario.requests;
        return lab::run_report{
            outcome.wall,
            {{"most_in_flight", "in flight", fmt::format("{} of {}", outcome.most_in_flight, scenario.requests),
              static_cast<double>(outcome.most_in_flight)},
             {"most_held", "server held at once", fmt::format("{} of {}", outcome.most_held, scenario.requests),
              static_cast<double>(outcome.most_held)}},
            as_expected};
      },
  };
  return lab::run_lesson(lesson, argc, argv);
}
