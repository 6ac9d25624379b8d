// Lesson 14: state shared between the loop's threads.

#include "lessons/14_shared_state_threads.hpp"

#include "lab/runner.hpp"

#include <fmt/format.h>

using lesson14::scenario;

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson14::outcome>{
          .number = "14",
          .name = "shared_state_threads",
          .title = "State shared between the loop's threads",
          .story = "A shop starts with as many items in stock as orders will arrive. Each order's handler reads "
                   "how many items are left, prices the order by that number with a "
                   "synchronous library call, and writes back one item fewer. The stock is a std::atomic<int>, "
                   "read with load() and written with store(). So that a slow pricing call does not hold up "
                   "the other orders, several threads call run() on the same io_context.",
          .pitfall_api = "asio::post(loop, ...) on a loop that several threads run",
          .solution_api = "asio::post(asio::make_strand(loop), ...)",
          .python_analog = "a thread touching asyncio's loop without call_soon_threadsafe",
          .parameters = {{"--orders", &scenario::orders, "how many orders arrive, and items in stock", 2, 400},
                         {"--threads", &scenario::threads, "how many threads run the loop", 2, 16},
                         {"--pricing-ms", &scenario::pricing_ms, "how long the pricing call holds its thread, in ms",
                          1, 100}},
          .limits = "--orders x --pricing-ms, how long the solution runs, must be at most 2000 ms.",
          .check = [](const scenario& s) -> std::string {
            if (s.orders * s.pricing_ms <= 2'000) return {};
            return fmt::format("--orders x --pricing-ms is how long the solution runs and must be at most 2000 ms "
                               "(got {} x {})", s.orders, s.pricing_ms);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("{} orders, {} items in stock, {} threads; each pricing call takes {} ms.", s.orders,
                               s.orders, s.threads, s.pricing_ms);
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = fmt::format("After the pitfall's {} orders, how many items will the stock say are left?",
                                    s.orders),
                .choices = {{"0: every load() and store() is atomic",
                             "each access is atomic, not the pair: a store between one order's load and its store "
                             "is overwritten."},
                            {"more than 0: orders overwrite each other's update",
                             "orders on different threads read the same number, and each wrote it back less one."},
                            {"nobody can tell: a data race is undefined behaviour",
                             "a std::atomic makes every access defined: updates are lost, but nothing is "
                             "undefined. A plain int would be."},
                            {"less than 0: items are sold that were not there",
                             "each order writes one less than a number the stock really held, never below 0."}},
                .correct = 1};
          },
          .theory = [](const scenario& s) {
            return lab::theory{
                .ratio = lesson14::theory_ratio(s),
                .reasoning = fmt::format("the fix costs time: the pitfall's {} threads make the {} pricing calls "
                                         "side by side, in {} rounds; the strand makes them take turns, {} "
                                         "calls one after another",
                                         s.threads, s.orders, (s.orders + s.threads - 1) / s.threads, s.orders)};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("up to {} orders ran at once, one a thread: each read the stock, and while its "
                               "pricing call held its thread the others read the same number, so each store "
                               "overwrote the others'.", s.threads);
          },
          .fix = [](const scenario&) {
            return std::string("the strand runs the orders one at a time, on whichever thread is free, so none "
                               "reads the stock while another is between its load and its store.");
          },
          .pitfall = lesson14::pitfall,
          .solution = lesson14::solution,
          .expected = lesson14::expected,
          .observe = [](const lesson14::outcome& o, const scenario& s) {
            return std::vector{lab::count_of("lost_updates", "lost updates", o.lost_updates, s.orders),
                               lab::count_of("most_at_once", "at once", o.most_at_once, s.threads)};
          },
          .headline = "lost_updates",
          .undefined = "thread",
      },
      argc, argv);
}
