// Lesson 12: a reference that outlives its object.

#include "lessons/12_coroutine_lifetimes.hpp"

#include "lab/runner.hpp"

#include <fmt/format.h>

namespace {

using lesson12::scenario;

std::vector<lab::observation> observations(const lesson12::outcome& seen, const scenario& s)
{
  return {lab::count_of("mismatched", "mismatched", seen.mismatched, s.lines),
          lab::count_of("shipped", "shipped", seen.shipped, s.lines),
          lab::count_of("most_in_flight", "in flight", seen.most_in_flight, s.lines),
          {"first_received", "line 1 received", fmt::format("\"{}\"", seen.first_received),
           static_cast<double>(seen.first_received.size())}};
}

}  // namespace

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson12::outcome>{
          .number = "12",
          .name = "coroutine_lifetimes",
          .title = "A reference that outlives its object",
          .story = "A log shipper reads a log line by line with std::getline into one std::string. For each "
                   "line it makes a coroutine, ship(line, ...), that connects to a collector and sends the "
                   "line; the shipments run at once, on one thread. ship takes its line as "
                   "const std::string&, to save a copy, as C++ style guides teach for strings.",
          .pitfall_api = "ship(const std::string& line, ...)",
          .solution_api = "ship(std::string line, ...)",
          .python_analog = "a task given a bytearray that the caller then reuses",
          .parameters = {{"--lines", &scenario::lines, "how many lines the log holds", 2, 10000},
                         {"--delay-ms", &scenario::delay_ms, "how long connecting takes, in ms", 0, 1000}},
          .scenario = [](const scenario& s) {
            return fmt::format("{} log lines, each shipped by its own coroutine; connecting takes {} ms.",
                               s.lines, s.delay_ms);
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = fmt::format("How many of the {} lines reach the collector as they were passed?", s.lines),
                .choices = {{fmt::format("all {}: each ship was called with its own line", s.lines),
                             "each was called with a reference to the same buffer, and reads it only once "
                             "connected."},
                            {"only the last one",
                             "every ship reads the buffer after connecting, when getline has left the last line "
                             "in it: they all send that one."},
                            {"none: the buffer is gone by then",
                             "the buffer lives on in the shipper, holding the last line, so the last one is right."},
                            {"some, depending on timing",
                             "one thread, and every ship reads after the last getline: the same every run."}},
                .correct = 1};
          },
          .theory = [](const scenario&) {
            return lab::theory{.ratio = std::nullopt,
                               .reasoning = "time is not the point here: the fix copies each line once, which "
                                            "costs little beside a connection."};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("each of the {} coroutines kept a reference to the one buffer that getline reuses, "
                               "and read it only after connecting, when it held the last line: they all sent that "
                               "one.", s.lines);
          },
          .fix = [](const scenario&) {
            return std::string("each coroutine takes its line by value, a copy in its own frame, so it sends "
                               "what it was passed, however long it waits.");
          },
          .pitfall = lesson12::pitfall,
          .solution = lesson12::solution,
          .expected = lesson12::expected,
          .observe = observations,
          .headline = "mismatched",
          .undefined = "address",
      },
      argc, argv);
}
