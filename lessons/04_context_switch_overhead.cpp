// Lesson 04: when switching costs more than the work.

#include "lessons/04_context_switch_overhead.hpp"

#include "lab/format.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

#include <algorithm>

using lesson04::scenario;
using lesson04::theory_of;
using lab::human_duration, lab::grouped;

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson04::outcome>{
          .number = "04",
          .name = "context_switch_overhead",
          .title = "When switching costs more than the work",
          .story = "A coroutine works through a million small items on the event loop. To be fair to the other "
                   "tasks on the loop, it gives them their turn after every item with co_await post(...), as "
                   "Python code calls await asyncio.sleep(0) in its loop, or starts one task per item.",
          .pitfall_api = "co_await post(...) per item",
          .solution_api = "co_await post(...) per batch",
          .python_analog = "await asyncio.sleep(0) after every item",
          .parameters = {{"--items", &scenario::items, "how many items to process (M)", 1000, 10'000'000},
                         {"--batch", &scenario::batch, "items between two suspensions (K)", 2, 10'000'000},
                         {"--rounds", &scenario::rounds, "an item's work, in rounds of a hash", 1, 1000}},
          .limits = "2 x --items x (300 + 2 x --rounds) ns, one run of both at worst, must be at most 2 s.",
          .check = [](const scenario& s) -> std::string {
            const double seconds = 2.0 * s.items * (300e-9 + 2e-9 * s.rounds);
            if (seconds <= 2.0) return {};
            return fmt::format("2 x --items x (300 + 2 x --rounds) ns must be at most 2 s (got 2 x {} x (300 + 2 x {}) "
                               "ns = {:.2f} s)", s.items, s.rounds, seconds);
          },
          .scenario = [](const scenario& s) {
            return fmt::format("{} items of {} hash rounds each, on one thread; the solution suspends every {} items.",
                               grouped(s.items), s.rounds, grouped(s.batch));
          },
          .question = [](const scenario& s) {
            const theory_of theory(s);
            return lab::question{
                .text = "Both versions do the same work. How does the pitfall's time compare with the solution's?",
                .choices = {{"about the same, less than twice as long", theory.why()},
                            {"twice as long or more", theory.why()},
                            {"shorter, since it lets the loop run more often",
                             "each suspension costs time, and the pitfall makes more of them."}},
                .correct = theory.ratio() >= 2 ? 1 : 0};
          },
          .theory = [](const scenario& s) {
            const theory_of theory(s);
            return lab::theory{.ratio = theory.ratio(),
                               .reasoning = fmt::format("M x (switch + work) against M x work + M/K x switch; a switch "
                                                        "costs {} and an item's work {}, in processor time, measured "
                                                        "in this run", human_duration(theory.suspension),
                                                        human_duration(theory.work))};
          },
          .mistake = [](const scenario& s) {
            const theory_of t(s);
            const auto than = t.suspension > t.work * 1.1 ? "more than" : t.suspension < t.work / 1.1 ? "less than" : "about";
            return fmt::format("the pitfall suspended once per item, {} times; a suspension through the loop costs {}, "
                               "{} an item's work ({}): {} of switching against {} of work.", grouped(s.items),
                               human_duration(t.suspension), than, human_duration(t.work),
                               human_duration(t.items * t.suspension), human_duration(t.items * t.work));
          },
          .fix = [](const scenario& s) {
            const theory_of t(s);
            return fmt::format("one suspension per batch of {} items, {} in all, {} of switching; the loop still gets "
                               "its turn every {} of work.", grouped(s.batch), grouped(static_cast<long long>(t.batches)),
                               human_duration(t.batches * t.suspension), human_duration(std::min(s.batch, s.items) * t.work));
          },
          .pitfall = lesson04::pitfall,
          .solution = lesson04::solution,
          .expected = lesson04::expected,
          .observe = [](const lesson04::outcome& o, const scenario& s) {
            const auto switching = static_cast<double>(o.suspensions) * theory_of(s).suspension;
            return std::vector{lab::count_of("processed", "items", o.processed),
                               lab::count_of("suspensions", "suspensions", o.suspensions),
                               lab::duration_of("switching_seconds", "switching",
                                                std::chrono::duration_cast<std::chrono::nanoseconds>(switching))};
          },
          .runs = 3,
      },
      argc, argv);
}
