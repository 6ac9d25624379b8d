#pragma once
/// \file
/// Lesson 15's contract: a new HTTP connection for every request.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"
#include "lab/serve.hpp"

#include <chrono>
#include <cmath>

/// Lesson 15: a client that opens a new connection for every request pays a connection's set-up
/// each time, and makes the server accept one connection per request.
namespace lesson15 {

/// N pages scraped from a loopback HTTP server by K workers at once. The server answers each
/// request one round trip R after it arrives, and, as a network would, a new connection's first
/// request one round trip later still (TCP's handshake).
struct scenario {
  int pages = 100;       ///< how many pages the client fetches (N)
  int connections = 4;   ///< how many workers fetch at once (K)
  int round_trip_ms = 5;  ///< the network's round trip the server adds (R)
};

/// How many pages each worker fetches, one after another: N/K, rounded up.
constexpr int rounds_of(const scenario& s) { return (s.pages + s.connections - 1) / s.connections; }

/// What a run observed, on the client's side and on the server's.
struct outcome {
  std::chrono::nanoseconds wall{};  ///< from the first request to the last page
  int accepted = 0;                 ///< connections the server accepted
  int answered = 0;                 ///< pages the server answered
  /// The mean page on a new connection, from resolving the name to the answer.
  std::chrono::nanoseconds cold{};
  /// The mean page on a connection already open (0 when there was none).
  std::chrono::nanoseconds warm{};
};

/// Pages fetched per second of the run, rounded.
inline long long pages_per_second(const outcome& seen)
{
  const double seconds = std::chrono::duration<double>(seen.wall).count();
  return seconds > 0 ? std::llround(seen.answered / seconds) : 0;
}

/// Each worker makes a new resolver, socket and connection for every page.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// Each worker opens one connection and keeps it alive for every page it fetches: a pool of K.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// `--serve pitfall|solution`: the site alone, its round trip and handshake those of `scenario`,
/// for curl, a browser or wrk, until Ctrl-C or the duration. The served pitfall is the server's
/// side of the same mistake: it answers with `Connection: close`, so every client needs a new
/// connection per request; the served solution keeps connections alive.
void serve(lab::role role, const scenario& scenario, const lab::serve_options& options);

/// What each role must show: the pitfall has the server accept a connection per page, the
/// solution one per worker; both fetch every page. The verdict and the tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto answered = lab::expect_equal("every page is fetched", "answered", seen.answered, scenario.pages);
  if (role == lab::role::pitfall)
    return {lab::expect_equal("the server accepts a connection per page", "accepted", seen.accepted, scenario.pages),
            answered};
  return {lab::expect_equal("the server accepts one connection per worker", "accepted", seen.accepted,
                            scenario.connections),
          answered};
}

/// The lesson's theory. Each worker fetches N/K pages one after another: in the pitfall each on a
/// new connection (C, a cold page), in the solution the first on a new one and the rest on a warm
/// one (W). Both costs are the solution's means in the same run: N/K x C / (C + (N/K - 1) x W).
/// Before any run, a round trip each: a cold page costs two, a warm one one.
inline double theory_ratio(const scenario& s, const outcome& solution)
{
  using ms = std::chrono::duration<double, std::milli>;
  const int rounds = rounds_of(s);
  ms cold = solution.cold, warm = solution.warm;
  if (cold.count() <= 0 || warm.count() <= 0) {
    warm = ms(s.round_trip_ms);
    cold = 2 * warm;
  }
  return rounds * cold / (cold + (rounds - 1) * warm);
}

}  // namespace lesson15
