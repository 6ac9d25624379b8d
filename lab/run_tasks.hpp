#pragma once
/// \file
/// Runs many tasks concurrently on one thread, with the instruments switched on.

#include "lab/instruments.hpp"
#include "lab/tasks_outcome.hpp"

#include <boost/asio/awaitable.hpp>

#include <functional>

namespace lab {

/// Makes the coroutine for task number `index` (from 0). It must not start it.
using task_factory = std::function<boost::asio::awaitable<void>(int index)>;

/// Spawns `count` tasks on a fresh single-threaded `io_context` and runs it until all are done.
///
/// This is the `asyncio.gather(*tasks)` of the course: every task is spawned before the loop
/// runs, so every task gets the chance to start before any of them finishes. The lag probe is
/// spawned first, so it is already waiting when the tasks start. The first exception a task
/// throws is rethrown here, after every task has finished.
tasks_outcome run_tasks(int count, const task_factory& make_task, const instruments& with = {});

class in_flight_counter;
class timeline;

/// Task number `index` as `run_tasks` runs it: counted in flight (when `in_flight` is given) and
/// drawn on the timeline (when `spans` is), for a runner that spawns its own tasks.
boost::asio::awaitable<void> instrumented(boost::asio::awaitable<void> task, int index, in_flight_counter* in_flight,
                                          timeline* spans);

}  // namespace lab
