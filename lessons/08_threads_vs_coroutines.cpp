// Lesson 08: scalable, in bytes and microseconds.

#include "lessons/08_threads_vs_coroutines.hpp"

#include "lab/format.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>

using lesson08::scenario;
using lab::human_duration, lab::grouped;

namespace {
// Each version's run, kept for the theory and the verdict: how long starting every request took.
lesson08::outcome pitfall_seen, solution_seen;
template <lesson08::outcome& seen, auto run>
lesson08::outcome kept(const scenario& s, const lab::instruments& with)
{
  return seen = run(s, with);
}
}  // namespace

int main(int argc, char** argv)
{
  return lab::run_lesson(
      lab::lesson<scenario, lesson08::outcome>{
          .number = "08",
          .name = "threads_vs_coroutines",
          .title = "Scalable, in bytes and microseconds",
          .story = "Asynchronous servers promise to handle many simultaneous connections with minimal overhead. A "
                   "server's requests each wait for a slow backend. The classic design gives every request a "
                   "std::thread of its own, which sleeps until the backend answers; its rewrite gives every request "
                   "a coroutine, all on one thread. While every request waits, the run reads the process's threads "
                   "and resident memory from /proc/self.",
          .pitfall_api = "std::thread per request",
          .solution_api = "co_spawn per request",
          .python_analog = "threading.Thread per connection, against asyncio tasks",
          .parameters = {{"--tasks", &scenario::tasks, "how many requests wait at once (N)", 100, 100'000},
                         {"--delay-ms", &scenario::delay_ms, "how long each request waits, in ms", 10, 500}},
          .limits = "The pitfall starts a thread per request: --tasks at most 5000, and --delay-ms at least --tasks / "
                    "10 so that all of them wait at once; --only solution takes up to 100000.",
          .pitfall_check = lesson08::refusal_for_pitfall,
          .scenario = [](const scenario& s) {
            return fmt::format("{} requests each wait {} ms for the backend, all at once.", grouped(s.tasks), s.delay_ms);
          },
          .question = [](const scenario& s) {
            return lab::question{
                .text = fmt::format("While the {} requests wait, how much memory does each one hold in the pitfall?",
                                    grouped(s.tasks)),
                .choices = {{"about 8 MiB, the size of a thread's stack",
                             "8 MiB is the stack's address space; the system gives it memory one page at a time, "
                             "as it is touched, and a thread that only waits touches one or two."},
                            {"a few KiB: the stack pages its thread has touched",
                             "a waiting thread keeps the pages it touched: its first stack page and its thread "
                             "block. A coroutine keeps only its frame and its timer, well under a page."},
                            {"next to nothing: a task that only waits holds no memory",
                             "a waiting thread keeps its stack pages, and the kernel keeps its task and kernel "
                             "stack; only a coroutine comes close to nothing."}},
                .correct = 1};
          },
          .theory = [](const scenario&) {
            if (pitfall_seen.tasks == 0 || solution_seen.tasks == 0) return lab::theory{};  // one version ran
            return lab::theory{.ratio = lesson08::theory_ratio(pitfall_seen.start, solution_seen),
                               .reasoning = fmt::format(
                "the waits overlap: both versions wait once ({} here) after starting every request, {} vs {}",
                human_duration(solution_seen.wall - solution_seen.start), human_duration(pitfall_seen.start),
                human_duration(solution_seen.start))};
          },
          .mistake = [](const scenario& s) {
            return fmt::format("each of the {} requests got a thread of its own: a kernel task, a stack whose "
                               "touched pages stay resident while it waits, and a start ({} each) and a join.",
                               grouped(s.tasks), human_duration(pitfall_seen.start_per_task()));
          },
          .fix = [](const scenario&) {
            return fmt::format("each request is a coroutine, a frame and a timer on the one thread, started in {}; it "
                               "holds no thread while it waits.", human_duration(solution_seen.start_per_task()));
          },
          .pitfall = kept<pitfall_seen, lesson08::pitfall>,
          .solution = kept<solution_seen, lesson08::solution>,
          .expected = lesson08::expected,
          .observe = [](const lesson08::outcome& o, const scenario& s) {
            return std::vector{lab::count_of("finished", "finished", o.finished, s.tasks),
                               lab::count_of("threads_started", "threads", o.threads_started),
                               lab::observation{"bytes_per_task", "memory per task",
                                                fmt::format("{:.1f} KiB", o.bytes_per_task() / 1024), o.bytes_per_task()},
                               lab::duration_of("start_seconds", "start all", o.start)};
          },
      },
      argc, argv);
}
