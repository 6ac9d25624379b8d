#pragma once
/// \file
/// Lesson 12's contract: a reference that outlives its object.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"
#include "lab/tasks_outcome.hpp"

#include <chrono>
#include <string>
#include <vector>

/// Lesson 12: a coroutine that takes a reference reads the object when it resumes, not when it
/// was called; by then the caller may have changed the object, or destroyed it (C++ Core
/// Guidelines CP.51, CP.53).
namespace lesson12 {

/// A log shipper reads L lines of a log, one after the other, into one `std::string`, and for
/// each line makes a coroutine that connects to a collector (which takes D milliseconds) and
/// sends the line. The coroutines run at once, and the run ends when every line has been sent.
struct scenario {
  int lines = 10;     ///< how many lines the log holds
  int delay_ms = 50;  ///< how long connecting to the collector takes
};

/// Line `number` (from 0) of the log, as the shipper passes it.
inline std::string log_line(int number)
{
  return "127.0.0.1 GET /orders/" + std::to_string(number + 1) + " HTTP/1.1 200";
}

/// The whole log: `scenario.lines` lines, each ending with a newline.
inline std::string log_of(const scenario& scenario)
{
  std::string log;
  for (int number = 0; number < scenario.lines; ++number) log += log_line(number) + '\n';
  return log;
}

/// The collector at the other end: what each shipment delivered, by line number. Both versions
/// share it; their coroutines hold it through a `std::shared_ptr`, so it lives as long as they do.
struct collector {
  /// Nothing received yet, for `scenario.lines` lines.
  explicit collector(const scenario& scenario)
      : connect_delay(scenario.delay_ms), received(static_cast<std::size_t>(scenario.lines))
  {
  }
  std::chrono::milliseconds connect_delay;  ///< how long connecting takes
  std::vector<std::string> received;        ///< line `number` as the collector received it ("" until then)
};

/// What a run observed.
struct outcome {
  std::chrono::nanoseconds wall{};  ///< from reading the log to the last line sent
  int most_in_flight = 0;           ///< the most shipments in flight at once
  int shipped = 0;                  ///< how many lines reached the collector
  int mismatched = 0;               ///< how many of them differ from the line passed
  std::string first_received;       ///< what the collector received for the first line
};

/// What the collector saw, compared line by line with the log, and how the run went.
inline outcome outcome_of(const collector& collector, const lab::tasks_outcome& run)
{
  outcome seen{.wall = run.wall, .most_in_flight = run.most_in_flight};
  for (std::size_t number = 0; number < collector.received.size(); ++number) {
    const auto& received = collector.received[number];
    if (received.empty()) continue;  // never shipped
    ++seen.shipped;
    if (received != log_line(static_cast<int>(number))) ++seen.mismatched;
  }
  if (!collector.received.empty()) seen.first_received = collector.received.front();
  return seen;
}

/// Each shipment is `ship(const std::string& line, ...)`: it refers to the shipper's one line
/// buffer, which `std::getline` reuses for the next line, and reads it only after connecting.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// Each shipment is `ship(std::string line, ...)`: the line is copied into the coroutine's frame
/// when the shipment starts.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// What each role must show: in both every shipment runs, all at once, and sends a line; in the
/// pitfall every line but the last arrives as another (the last one read), in the solution every
/// line arrives as it was passed. The lesson's verdict and its tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto all_shipped = lab::expect_equal("every line is shipped", "shipped", seen.shipped, scenario.lines);
  const auto at_once =
      lab::expect_equal("every shipment is in flight at once", "in flight", seen.most_in_flight, scenario.lines);
  if (role == lab::role::pitfall)
    return {all_shipped, at_once,
            lab::expect_equal("only the last line arrives as it was passed", "mismatched", seen.mismatched,
                              scenario.lines - 1)};
  return {all_shipped, at_once,
          lab::expect_equal("every line arrives as it was passed", "mismatched", seen.mismatched, 0)};
}

/// What the fix costs: one copy of each line into its coroutine's frame, small beside starting
/// the coroutine and waiting for its connection, so both versions take about as long.
inline double theory_ratio(const scenario&) { return 1.0; }

}  // namespace lesson12
