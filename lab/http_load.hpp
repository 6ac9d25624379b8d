#pragma once
/// \file
/// An HTTP server on the lesson's loop under a fixed load, and a client that meanwhile checks a
/// cheap endpoint and times each check: how a slow endpoint's handler treats everyone else.

#include "lab/http_server.hpp"
#include "lab/instruments.hpp"
#include "lab/latencies.hpp"

#include <chrono>
#include <string>

namespace lab {

/// The load: some clients ask for a slow endpoint back to back, while one more checks a cheap
/// endpoint at a steady pace, `checks` times, and times each answer.
struct http_load {
  int busy_clients = 2;                 ///< clients asking for `busy_target`, each on its own connection
  std::string busy_target = "/report";  ///< the slow endpoint
  int checks = 20;                      ///< how many times the checker asks, one check after another
  std::string check_target = "/health";  ///< the cheap endpoint
  std::chrono::nanoseconds pause = std::chrono::milliseconds(10);  ///< between a check's answer and the next
};

/// What a run under load observed.
struct http_load_outcome {
  std::chrono::nanoseconds wall{};           ///< from the server's start to its loop's end
  std::chrono::nanoseconds longest_stall{};  ///< longest the server's loop could not run a ready handler
  latencies checks;                          ///< each check's time, from sending to the answer
  int busy_answered = 0;                     ///< slow requests answered while the checks ran
};

/// Runs an `http_server` with `handler` on a fresh loop on the calling thread (with the lag probe
/// when `with.measure` is set), and the load's clients on a thread and a loop of their own, as
/// clients on other machines. The busy clients start first; once the last check is answered they
/// stop asking, and when their last answers are in, the server stops and its loop runs out of
/// work. The loop runs on the calling thread, so a handler's `std::this_thread::get_id()` there is
/// the loop's.
http_load_outcome run_http_load(const http_handler& handler, const http_load& load, const instruments& with = {});

}  // namespace lab
