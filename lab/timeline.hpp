#pragma once
/// \file
/// The timeline recorder: when each task was in flight, and when the event loop stalled.

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

namespace lab {

/// The clock every lab measurement uses: monotonic, unaffected by changes to the wall clock.
using clock = std::chrono::steady_clock;

/// What a span on the timeline stands for.
enum class span_kind {
  task,     ///< a task was in flight: started and not yet finished
  stall,    ///< the event loop could not run a ready handler
  failure,  ///< the task's work failed at this moment (the span starts and ends there)
};

/// One interval on the timeline.
struct span {
  int track = 0;                  ///< the task's number (from 0); stalls use track 0 too
  span_kind kind = span_kind::task;  ///< a task in flight, or a loop stall
  int thread = 0;                 ///< which thread recorded it, numbered from 0 in order of first use
  clock::time_point start;  ///< when it began
  clock::time_point end;    ///< when it ended
};

/// A small number for the calling thread, stable for its lifetime (0 for the first thread that asks).
int this_thread_number();

/// Spans of one run, recorded from any thread.
///
/// Recording takes a lock and appends to a vector whose space was reserved up front, so it costs
/// far less than the waits it records (see `benchmarks/lab_recording_overhead.cpp`).
class timeline {
 public:
  /// \param name what the run was, e.g. "pitfall"; names the chart and the trace's process.
  /// \param expected_spans how many spans to reserve space for.
  explicit timeline(std::string name, std::size_t expected_spans = 1024);

  /// Adds one span. Safe to call from several threads at once.
  void record(int track, span_kind kind, clock::time_point start, clock::time_point end);

  /// A copy of every span recorded so far, in the order they were recorded.
  std::vector<span> spans() const;

  /// What the run was, as given to the constructor.
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  mutable std::mutex mutex_;
  std::vector<span> spans_;
};

/// Records one task span from construction to destruction; does nothing when the timeline is null.
class task_span {
 public:
  /// Starts the span of task `track` now; `recorder` may be null.
  task_span(timeline* recorder, int track)
      : recorder_(recorder), track_(track), start_(recorder ? clock::now() : clock::time_point{}) {}
  ~task_span()
  {
    if (recorder_) recorder_->record(track_, span_kind::task, start_, clock::now());
  }
  task_span(const task_span&) = delete;
  task_span& operator=(const task_span&) = delete;

 private:
  timeline* recorder_;
  int track_;
  clock::time_point start_;
};

}  // namespace lab
