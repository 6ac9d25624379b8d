#pragma once
/// \file
/// A lesson whose work is one coroutine that returns the lesson's outcome: run it on the course's
/// loop as one task, and hand the outcome back with the run's times in it.

#include "lab/run_on_loop.hpp"
#include "lab/timeline.hpp"

#include <boost/asio/awaitable.hpp>

#include <utility>

namespace lab {

namespace detail {

/// `work`, recorded as one task span on track 0 of `spans` (when not null).
template <typename T>
boost::asio::awaitable<T> as_task(boost::asio::awaitable<T> work, timeline* spans)
{
  task_span span(spans, 0);
  co_return co_await std::move(work);
}

}  // namespace detail

/// Runs `work` with `lab::run_on_loop`, drawn as one task on track 0 of `with.spans`, and returns
/// the outcome it returned with `wall` set from the run, and `processor` too when the outcome has
/// one (the processor time of the loop's thread, for processor-bound lessons). Rethrows what
/// `work` throws.
///
/// ```cpp
/// outcome pitfall(const scenario& scenario, const lab::instruments& with)
/// {
///   return lab::run_as_task(process_items(scenario), with);
/// }
/// ```
template <typename Outcome>
Outcome run_as_task(boost::asio::awaitable<Outcome> work, const instruments& with = {})
{
  auto run = run_on_loop(detail::as_task(std::move(work), with.spans), with);
  Outcome seen = std::move(*run.value);
  seen.wall = run.wall;
  if constexpr (requires { seen.processor; }) seen.processor = run.processor;
  return seen;
}

}  // namespace lab
