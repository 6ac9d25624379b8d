#pragma once
/// \file
/// The task watch: counts the tasks a lesson runs itself and records their spans.

#include "lab/in_flight.hpp"
#include "lab/instruments.hpp"
#include "lab/timeline.hpp"

#include <optional>

namespace lab {

/// Watches tasks that a lesson starts itself rather than through `lab::run_tasks`, as the
/// instruments ask: counts them in flight when `with.measure` is set, and records each one's span
/// on `with.spans` when a timeline is given.
///
/// ```cpp
/// lab::task_watch watch(with);
///
/// asio::awaitable<void> request(int index, lab::task_watch& watch)
/// {
///   auto watching = watch.start(index);  // in flight, and on the timeline, until it is destroyed
///   co_await ...;
/// }
///
/// int most = watch.most_in_flight();
/// ```
class task_watch {
 public:
  /// Held while one task runs.
  class watching {
   public:
    /// Starts watching task `track`: counts it on `in_flight` (if not null) and starts its span.
    watching(in_flight_counter* in_flight, timeline* spans, int track) : span_(spans, track)
    {
      if (in_flight) entered_.emplace(*in_flight);
    }

   private:
    task_span span_;
    std::optional<in_flight_counter::guard> entered_;
  };

  /// \param with what to measure and where to record spans; `with.spans` must outlive the watch.
  explicit task_watch(const instruments& with) : with_(with) {}

  /// Task `track` (its row on the timeline) is in flight until the returned object is destroyed.
  [[nodiscard]] watching start(int track) { return watching(with_.measure ? &in_flight_ : nullptr, with_.spans, track); }

  /// The most watched tasks that were in flight at the same moment (0 when not measuring).
  int most_in_flight() const { return in_flight_.most(); }

 private:
  instruments with_;
  in_flight_counter in_flight_;
};

}  // namespace lab
