// Lesson 15's site alone, for `--serve pitfall|solution`: the same pages, the same round trips,
// with keep-alive (the solution) or without (the pitfall: every answer closes its connection).

#include "lessons/15_connection_reuse.hpp"

#include "lab/http_server.hpp"

#include <chrono>

namespace lesson15 {

void serve(lab::role role, const scenario& scenario, const lab::serve_options& options)
{
  const std::chrono::milliseconds round_trip(scenario.round_trip_ms);
  const bool keep_alive = role == lab::role::solution;
  lab::serve_http({.handler = lab::slow_pages(round_trip), .keep_alive = keep_alive, .handshake = round_trip}, options,
                  keep_alive ? "Pages, with keep-alive," : "Pages, with Connection: close,");
}

}  // namespace lesson15
