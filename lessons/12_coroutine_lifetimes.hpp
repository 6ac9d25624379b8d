#pragma once
/// \file
/// Lesson 12's contract: a reference that outlives its object.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"
#include "lab/timeline.hpp"

#include <chrono>
#include <string>
#include <vector>

/// Lesson 12: a coroutine that takes a reference reads the object when it resumes, not when it
/// was called; by then the caller may have changed the object, or destroyed it (C++ Core
/// Guidelines CP.51, CP.53).
namespace lesson12 {

/// A log shipper reads L lines of a log, one after the other, into one `std::string`, and for
/// each line starts a coroutine that connects to a collector (which takes D milliseconds) and
/// sends the line. The shipper waits until every line has been sent.
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
  collector(const scenario& scenario, lab::timeline* recorder)
      : connect_delay(scenario.delay_ms), spans(recorder), received(static_cast<std::size_t>(scenario.lines))
  {
  }
  std::chrono::milliseconds connect_delay;  ///< how long connecting takes
  lab::timeline* spans;                     ///< where each shipment's span goes (may be null)
  std::vector<std::string> received;        ///< line `number` as the collector received it
};

/// What a run observed.
struct outcome {
  std::chrono::nanoseconds wall{};  ///< from reading the log to the last line sent
  int shipped = 0;                  ///< how many lines were shipped
  int mismatched = 0;               ///< how many arrived different from the line passed
  std::string first_received;       ///< what the collector received for the first line
};

/// What the collector saw, compared line by line with the log.
inline outcome outcome_of(const collector& collector, std::chrono::nanoseconds wall)
{
  outcome seen{.wall = wall, .shipped = static_cast<int>(collector.received.size())};
  for (int number = 0; number < seen.shipped; ++number)
    if (collector.received[static_cast<std::size_t>(number)] != log_line(number)) ++seen.mismatched;
  if (!collector.received.empty()) seen.first_received = collector.received.front();
  return seen;
}

/// Each shipment is `ship(const std::string& line, ...)`: it refers to the shipper's one line
/// buffer, which `std::getline` reuses, and reads it only after connecting.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// Each shipment is `ship(std::string line, ...)`: the line is copied into the coroutine's frame
/// when the shipment starts.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// What each role must show: in the pitfall every line arrives, and none of them as it was
/// passed; in the solution every line arrives as it was passed. The lesson's verdict and its
/// tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto all_shipped =
      lab::expect_equal("every line is shipped once", "shipped", seen.shipped, scenario.lines);
  if (role == lab::role::pitfall)
    return {all_shipped, lab::expect_equal("no line arrives as it was passed", "mismatched", seen.mismatched,
                                           scenario.lines)};
  return {all_shipped,
          lab::expect_equal("every line arrives as it was passed", "mismatched", seen.mismatched, 0)};
}

/// What the fix costs: one copy of each line into its coroutine's frame, small beside starting
/// the coroutine and waiting for its connection, so both versions take about as long.
inline double theory_ratio(const scenario&) { return 1.0; }

}  // namespace lesson12
