#include "lab/footprint.hpp"

#include "lab/format.hpp"
#include "lab/timeline.hpp"

#include <fmt/format.h>

#include <malloc.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <latch>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace lab {

double footprint::bytes_per_task() const
{
  return tasks > 0 ? static_cast<double>(resident_growth) / tasks : 0.0;
}

std::chrono::duration<double, std::nano> footprint::start_per_task() const
{
  return tasks > 0 ? std::chrono::duration<double, std::nano>(start) / tasks : std::chrono::nanoseconds(0);
}

long long resident_bytes()
{
  // The second field is the resident set, in pages.
  std::ifstream statm("/proc/self/statm");
  long long size = 0, resident = 0;
  statm >> size >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

int live_threads()
{
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.starts_with("Threads:")) return std::stoi(line.substr(8));
  return 0;
}

void release_free_memory() { malloc_trim(0); }

footprint run_thread_per_task(int count, const std::function<void(int)>& body, const instruments& with)
{
  footprint seen{.tasks = count};
  std::atomic<int> started{0}, finished{0};
  // Written by the last task to start (before it opens the latch) and the last one to finish (before
  // its join), so that neither counts how late this thread hears of it.
  clock::time_point last_started, last_finished;
  std::latch all_started(count > 0 ? 1 : 0);
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(count));

  release_free_memory();
  seen.threads_before = live_threads();
  const auto resident_before = resident_bytes();
  const auto start = clock::now();
  try {
    for (int index = 0; index < count; ++index)
      threads.emplace_back([&, index, created = with.spans ? clock::now() : clock::time_point{}] {
        if (++started == count) {
          last_started = clock::now();
          all_started.count_down();
        }
        body(index);
        if (++finished == count) last_finished = clock::now();
        if (with.spans) with.spans->record(index, span_kind::task, created, clock::now());
      });
  } catch (const std::system_error& refused) {
    for (auto& thread : threads) thread.join();
    throw std::runtime_error(fmt::format("the system refused to start thread {} of {} ({}): it allows no more "
                                         "threads here; run fewer tasks",
                                         grouped(static_cast<long long>(threads.size()) + 1), grouped(count),
                                         refused.code().message()));
  }
  all_started.wait();
  seen.start = count > 0 ? last_started - start : clock::duration{};
  // Threads first: a task still waiting when `finished` is read was alive when they were counted.
  seen.threads_started = live_threads();
  seen.waiting = count - finished;
  seen.resident_growth = resident_bytes() - resident_before;

  for (auto& thread : threads) thread.join();
  seen.wall = count > 0 ? last_finished - start : clock::duration{};
  seen.finished = finished;
  return seen;
}

}  // namespace lab
