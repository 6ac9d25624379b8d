#pragma once
/// \file
/// Lesson 14's contract: state shared between the loop's threads.

#include "lab/expectations.hpp"
#include "lab/instruments.hpp"
#include "lab/lesson.hpp"

#include <chrono>
#include <string>

/// Lesson 14: when several threads run one `io_context`, two handlers can run at the same moment,
/// and a read-modify-write of shared state loses updates, even on a `std::atomic`.
namespace lesson14 {

/// A shop has as many items in stock as orders arrive. Each order's handler reads what is left,
/// prices the order by it with a synchronous library call that holds its thread for P
/// milliseconds, and writes back one item fewer. T threads run the loop.
struct scenario {
  int orders = 20;     ///< how many orders arrive, and how many items the stock starts with
  int threads = 4;     ///< how many threads run the loop
  int pricing_ms = 5;  ///< how long the pricing call holds its thread
};

/// What a run observed.
struct outcome {
  std::chrono::nanoseconds wall{};  ///< from starting the loop's threads to joining them
  /// What the stock says once every order is taken. It started at `orders` and every order took
  /// one item, so it should say 0: each item it still shows is an order's update that another
  /// handler overwrote.
  int lost_updates = 0;
  int most_at_once = 0;  ///< the most order handlers running at the same moment
};

/// Posts each order's handler to the loop itself: the loop's threads run them as they come,
/// several at once. The stock is a `std::atomic<int>`, read with `load()` and written with `store()`.
///
/// `with.spans` gets one span per order (its thread is the one that ran it); `with.measure`
/// counts the handlers running at once, which costs nothing beside the pricing call.
outcome pitfall(const scenario& scenario, const lab::instruments& with = {});

/// Posts each order's handler to one strand (`asio::make_strand(loop)`): the loop's threads run
/// them one at a time, so no order reads the stock while another is updating it.
outcome solution(const scenario& scenario, const lab::instruments& with = {});

/// What each role must show: in the pitfall several handlers run at once and some updates are
/// lost; in the solution one handler runs at a time and none is lost. The lesson's verdict and
/// its tests both judge by this.
inline lab::expectations expected(lab::role role, const outcome& seen, const scenario& scenario)
{
  const auto lost = std::to_string(seen.lost_updates) + " of " + std::to_string(scenario.orders);
  const auto at_once = std::to_string(seen.most_at_once);
  if (role == lab::role::pitfall)
    return {lab::expectation{"several orders are taken at the same moment", seen.most_at_once >= 2,
                             "at once: " + at_once + ", expected at least 2"},
            lab::expectation{"some updates of the stock are lost", seen.lost_updates >= 1,
                             "lost updates: " + lost + ", expected at least 1"}};
  return {lab::expect_equal("one order is taken at a time", "at once", seen.most_at_once, 1),
          lab::expect_equal("no update of the stock is lost", "lost updates", seen.lost_updates, 0)};
}

/// What the fix costs: the pitfall's threads make their pricing calls side by side, in
/// ceil(N / T) rounds of P ms; the strand makes all N take turns. The verdict and the benchmark
/// both call it.
inline double theory_ratio(const scenario& s)
{
  const int rounds = (s.orders + s.threads - 1) / s.threads;
  return static_cast<double>(rounds) / s.orders;
}

}  // namespace lesson14
