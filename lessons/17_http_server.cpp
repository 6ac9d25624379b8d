// Lesson 17: an HTTP handler that makes a blocking call.

#include "lessons/17_http_server.hpp"

#include "lab/format.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

using lesson17::scenario;

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson17::outcome>{
          .number = "17",
          .name = "http_server",
          .title = "An HTTP handler that makes a blocking call",
          .story = "A service answers /health at once and builds /report from a database, through the "
                   "synchronous client the team already had. The handlers are coroutines on one event loop, "
                   "as FastAPI's async def endpoints are. A few clients ask for reports back to back while "
                   "a load balancer checks /health at a steady pace and times each answer.",
          .pitfall_api = "database.quote(...) inside the handler",
          .solution_api = "co_await lab::to_thread(pool, [&] { return database.quote(...); })",
          .python_analog = "a blocking call inside a FastAPI async def endpoint",
          .parameters = {{"--report-ms", &scenario::report_ms, "how long the database call blocks, in ms", 10, 500},
                         {"--reporters", &scenario::reporters, "clients asking for reports back to back", 1, 8},
                         {"--checks", &scenario::checks, "health checks, one after another", 5, 100}},
          .limits = "--checks x (--reporters x --report-ms + 10), the pitfall's longest run, at most 20000 ms.",
          .check = [](const scenario& s) -> std::string {
            if (s.checks * (s.reporters * s.report_ms + 10) <= 20'000) return {};
            return fmt::format("--checks x (--reporters x --report-ms + 10), how long the pitfall may run, must be "
                               "at most 20000 ms (got {} x ({} x {} + 10))", s.checks, s.reporters, s.report_ms);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("{} health checks while {} clients ask for reports that each block the database "
                               "client {} ms.", s.checks, s.reporters, s.report_ms);
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = "In the pitfall, how long will the slowest health check take?",
                .choices = {{fmt::format("about {} ms or more: a report's", s.report_ms),
                             "the report's call holds the loop, and /health waits its turn behind it."},
                            {"under a millisecond", "that is the solution: there the loop is free to answer."},
                            {"it times out: the server is blocked for good",
                             "each call returns after its delay, and the loop then answers /health."}},
                .correct = 0};
          },
          .theory = [](const scenario& s) {
            return lab::theory{.ratio = std::nullopt,
                               .reasoning = fmt::format("checks slower than half a report ({} ms), of {}",
                                                        s.report_ms / 2, s.checks)};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("each report's database call held the loop's only thread for {} ms, so /health, "
                               "and every other request, waited behind it.", s.report_ms);
          },
          .fix = [](const scenario&) {
            return std::string("the database call runs on a pool thread and the handler awaits it: the loop "
                               "answers /health while reports are built.");
          },
          .pitfall = lesson17::pitfall,
          .solution = lesson17::solution,
          .expected = lesson17::expected,
          .observe = [](const lesson17::outcome& o, const scenario& s) {
            return std::vector{lab::count_of("slow_checks", "slow checks", o.slow_checks, s.checks),
                               lab::duration_of("health_p50_seconds", "health p50", o.health_p50),
                               lab::duration_of("health_p99_seconds", "health p99", o.health_p99),
                               lab::duration_of("longest_stall_seconds", "loop stalled", o.longest_stall),
                               lab::count_of("reports_on_loop", "on loop thread", o.reports_on_loop, o.reports)};
          },
          .headline = "slow_checks",
          .serve = [](lab::role role, const scenario& s, const lab::serve_options& options) {
            role == lab::role::pitfall ? lesson17::pitfall(s, options) : lesson17::solution(s, options);
          },
      },
      argc, argv);
}
