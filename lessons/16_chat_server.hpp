#pragma once
/// \file
/// Lesson 16's contract: a chat server that one slow client stalls.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"
#include "lab/serve.hpp"

#include <chrono>
#include <cstddef>
#include <string>

/// Lesson 16: a chat server whose broadcast `co_await`s the write to each client in turn waits for
/// the slowest reader, and every other client waits with it; a queue and a writer per client, with
/// a bound, let the others go on and drop the one that cannot keep up.
namespace lesson16 {

/// A chat server on 127.0.0.1 sends every line a client writes to every other client. One client
/// connects and never reads (its receive buffer shrunk, as is the server's send buffer to each
/// client); F fast clients read everything at once; a talker then writes M lines of
/// `line_bytes`, one every `interval`. The solution drops a client once Q KiB are queued for it.
struct scenario {
  int fast = 3;         ///< how many clients read every line at once
  int messages = 500;   ///< how many lines the talker writes
  int queue_kib = 16;   ///< the solution's bound on the bytes queued for one client
  /// Tests only: before the talker starts, one more client sends a line too long, then a line of
  /// binary bytes (NUL, invalid UTF-8), then shuts down its sending side.
  bool malformed = false;
  /// How long the run goes on after the talker's last line, before the watchdog stops it (the
  /// benchmark's runs are shorter).
  int grace_ms = 1000;
};

/// How long each line the talker writes is, with its '\n'.
inline constexpr int line_bytes = 200;
/// How often the talker writes a line.
inline constexpr std::chrono::milliseconds interval{1};
/// The longest line the server accepts, with its '\n': a longer one is answered with an error line
/// and skipped, up to its '\n'.
inline constexpr std::size_t max_line_bytes = 1024;
/// What the server asks the kernel for each client's send buffer: small, so that a client that
/// does not read fills it within a short run, yet large enough that a client that reads is not held
/// up by its delayed acknowledgements (up to 40 ms on Linux). The kernel doubles it.
inline constexpr int send_buffer_bytes = 16384;
/// What the slow client asks for its receive buffer, before it connects (the kernel doubles it).
inline constexpr int receive_buffer_bytes = 4096;

/// The bytes the solution lets wait for one client.
constexpr std::size_t queue_bound_of(const scenario& scenario)
{
  return static_cast<std::size_t>(scenario.queue_kib) * 1024;
}

/// The talker's lines in bytes: far more than the slow client's buffers and the solution's bound
/// together when the scenario is valid (`limits` in the main).
constexpr long long talk_bytes_of(const scenario& scenario)
{
  return static_cast<long long>(scenario.messages) * line_bytes;
}

/// What the lines must exceed: the bound and 64 KiB more, several times what the kernel's buffers
/// hold for the slow client.
constexpr long long least_talk_bytes_of(const scenario& scenario)
{
  return static_cast<long long>(queue_bound_of(scenario)) + 64 * 1024;
}

/// When the lesson's watchdog stops a run that has not ended by itself: the talker's time and the
/// grace.
constexpr std::chrono::milliseconds watchdog_of(const scenario& scenario)
{
  return scenario.messages * interval + std::chrono::milliseconds(scenario.grace_ms);
}

/// What a run observed, from the clients' side and the server's.
struct outcome {
  std::chrono::nanoseconds wall{};  ///< from the first connection to the loop's return
  int sent = 0;        ///< lines the talker wrote
  int delivered = 0;   ///< the talker's lines the fast clients received, all of them together
  /// The longest one of the talker's lines waited for a fast client: until it arrived, or, if it
  /// never did, until the run ended.
  std::chrono::nanoseconds worst_wait{};
  int dropped = 0;            ///< clients the server dropped for falling behind
  int told_of_drop = 0;       ///< fast clients that received the server's notice of a drop
  long long most_queued = 0;  ///< the most bytes the server held queued for one client
  bool stopped = false;       ///< the watchdog stopped the loop with work pending
  bool long_line_refused = false;  ///< malformed: its client got the error line for the line too long
  int binary_relayed = 0;          ///< malformed: fast clients that got its binary line byte for byte
  bool half_close_ended = false;   ///< malformed: the server closed the connection its client half-closed
};

/// The broadcast `co_await`s `async_write` to each other client in turn.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// The broadcast puts the line in each other client's queue, which a writer coroutine per client
/// empties; a client whose queue passes the bound is dropped, and the others are told.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// `--serve pitfall`: the pitfall's server alone, for `nc` clients, until Ctrl-C. (An overload of
/// `pitfall`, so that an exercise's copy, which renames `pitfall(` to `solution(`, serves itself.)
void pitfall(const scenario& scenario, const lab::serve_options& options);
/// `--serve solution`: the solution's server alone, for `nc` clients, until Ctrl-C.
void solution(const scenario& scenario, const lab::serve_options& options);

/// What each role must show: in the pitfall the fast clients stop receiving once the slow
/// client's buffers are full, a line waits until the watchdog stops the run, and nobody is
/// dropped; in the solution every line reaches every fast client soon, the slow client is dropped
/// and the others told, and no queue passes the bound. The verdict and the tests judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const long long all = static_cast<long long>(scenario.fast) * scenario.messages;
  const auto delivered = "delivered: " + std::to_string(seen.delivered) + " of " + std::to_string(all);
  const auto half_grace = std::chrono::milliseconds(scenario.grace_ms) / 2;
  const auto bound = static_cast<long long>(queue_bound_of(scenario));
  if (role == lab::role::pitfall)
    return {lab::expectation{"the fast clients miss lines when the run is stopped", seen.delivered < all,
                             delivered + " (expected fewer)"},
            lab::expect_at_least("a line waits for the fast clients until the run is stopped", "worst wait",
                                 seen.worst_wait, half_grace),
            lab::expect_equal("nobody is dropped", "dropped", seen.dropped, 0),
            lab::expect_yes_no("the watchdog has to stop the loop", "stopped", seen.stopped, true)};
  return {lab::expectation{"every line reaches every fast client", seen.delivered == all, delivered},
          lab::expect_below("the fast clients' worst wait stays short", "worst wait", seen.worst_wait, half_grace),
          lab::expect_equal("the slow client, and only it, is dropped", "dropped", seen.dropped, 1),
          lab::expect_equal("the fast clients are told of the drop", "told", seen.told_of_drop, scenario.fast),
          lab::expectation{"no queue passes the bound", seen.most_queued <= bound,
                           "most queued: " + std::to_string(seen.most_queued) + " bytes, bound " +
                               std::to_string(bound)},
          lab::expect_yes_no("the loop ends by itself", "stopped", seen.stopped, false)};
}

}  // namespace lesson16
