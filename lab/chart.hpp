#pragma once
/// \file
/// Pictures of a timeline: an ASCII chart for the terminal, Chrome trace-event JSON for Perfetto.

#include "lab/timeline.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace lab {

/// How `ascii_chart` lays out its picture.
struct chart_options {
  int width = 80;     ///< total columns, labels included
  int max_rows = 12;  ///< task rows at most; with more tasks, each row stands for a group of them
  /// The time the chart's width stands for. Zero means the timeline's own length; give two charts
  /// the same span to compare them at the same scale.
  std::chrono::nanoseconds span{0};
  /// Draw the event loop's row (and its legend): for a lesson that watches the loop, where an
  /// empty row says "never stalled". Other lessons leave it out, stalls and all.
  bool loop_row = false;
};

/// From the first span's start to the last span's end.
std::chrono::nanoseconds duration(const timeline& recorded);

/// Draws the timeline: one row per task (or per group of tasks), one row for loop stalls, a time axis.
///
/// A task row shows `=` where the task was in flight; a group row shows `=` where all of its tasks
/// were, `-` where some were; `X` marks the moment a task's work failed. The loop row, when there
/// is one, shows `#` where the loop was stalled. A timeline with no task draws one empty row,
/// "no task ran": the evidence that nothing started.
std::string ascii_chart(const timeline& recorded, const chart_options& options = {});

/// Draws the timelines as one SVG picture, one panel per timeline, all on the same time axis.
///
/// The same rows as `ascii_chart` (a row per task or per group of tasks, and the event loop's row),
/// for the docs, with a red line at each failure. `options.width` is ignored; `options.max_rows`,
/// `options.loop_row` and `options.span` apply (no span: the longest timeline's).
std::string svg_chart(const std::vector<const timeline*>& timelines, const chart_options& options = {});

/// Writes the timelines as Chrome trace-event JSON, which Perfetto and chrome://tracing open.
///
/// Each timeline becomes a process; each task gets its own track, so overlapping tasks show side by
/// side; stalls go on an "event loop" track. Times are relative to the earliest span of all.
void write_chrome_trace(std::ostream& out, const std::vector<const timeline*>& timelines);


}  // namespace lab
