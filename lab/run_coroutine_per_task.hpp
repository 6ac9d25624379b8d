#pragma once
/// \file
/// Runs many tasks, one coroutine each, on one thread, and measures what they cost the process.

#include "lab/footprint.hpp"
#include "lab/instruments.hpp"
#include "lab/run_tasks.hpp"

namespace lab {

/// Spawns `count` coroutines from `make_task` on a fresh single-threaded `io_context` and runs it
/// until all are done, as `run_tasks` does, and measures their footprint as
/// `run_thread_per_task` does: the twin of that one, with a coroutine where it has a thread.
///
/// Nothing is added per task: no wrapper coroutine, no lag probe (its ticks would add work to the
/// loop), no counter but the one that sees each task end. Every task has started
/// (run to its first wait) when a handler posted after the last `co_spawn` runs, since each
/// `co_spawn` queues its task's start in order; that handler reads the footprint. With
/// `with.spans`, each task's span runs from its `co_spawn` to its end.
///
/// The first exception a task throws is rethrown here, after every task has finished.
footprint run_coroutine_per_task(int count, const task_factory& make_task, const instruments& with = {});

}  // namespace lab
