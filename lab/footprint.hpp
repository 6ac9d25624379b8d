#pragma once
/// \file
/// What many concurrent tasks cost the process that runs them: its threads, its resident memory,
/// and the time it takes to start them all. `run_thread_per_task` starts one `std::thread` per
/// task; `run_coroutine_per_task` (`lab/run_coroutine_per_task.hpp`) one coroutine per task on
/// one thread. Both measure the same way, so their footprints compare.

#include "lab/instruments.hpp"

#include <chrono>
#include <functional>

namespace lab {

/// What a run of many concurrent tasks cost, read from `/proc/self` once every task had started.
///
/// Every measurement is taken once per run, not per task, so it costs the tasks nothing.
struct footprint {
  int tasks = 0;     ///< how many tasks were started
  int finished = 0;  ///< how many of them finished
  /// From starting the first task to the last one finishing (not counting the joins of
  /// finished threads after it: the requests are served by then).
  std::chrono::nanoseconds wall{};
  std::chrono::nanoseconds start{};  ///< from starting the first task until every task had started
  int threads_before = 0;   ///< the process's threads before the run (`Threads:` of /proc/self/status)
  int threads_started = 0;  ///< its threads once every task had started: the most while they wait
  /// The tasks that had not finished once every task had started: all of them, unless the first
  /// ones were done before the last one started.
  int waiting = 0;
  /// How much the resident memory grew (/proc/self/statm) from before the run until every task
  /// had started, in bytes. Memory freed by earlier runs is handed back to the system first, so
  /// that the growth is this run's.
  long long resident_growth = 0;

  /// How many threads the run added: one per task, or none.
  int threads_added() const { return threads_started - threads_before; }
  /// Resident memory per task, in bytes.
  double bytes_per_task() const;
  /// Time to start one task, on average.
  std::chrono::duration<double, std::nano> start_per_task() const;
};

/// The process's resident memory, in bytes (/proc/self/statm).
long long resident_bytes();

/// How many threads the process has now (/proc/self/status).
int live_threads();

/// Hands the memory the allocator holds free back to the system (`malloc_trim`), so that the
/// resident memory grows again when it is used: what `footprint::resident_growth` needs.
void release_free_memory();

/// Runs `body(index)` for each index from 0 to `count - 1`, each on a `std::thread` of its own, all
/// at once: the thread-per-request server. Returns once every thread is joined.
///
/// With `with.spans`, each task's span runs from the creation of its thread to its end.
/// \throws std::runtime_error with one line that says how many threads started, when the system
///   refuses one more (`std::thread` throws std::system_error); the threads already started are
///   joined first.
footprint run_thread_per_task(int count, const std::function<void(int index)>& body, const instruments& with = {});

}  // namespace lab
