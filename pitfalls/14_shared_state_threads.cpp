#include "lessons/14_shared_state_threads.hpp"

#include "lab/debug/sequence_checker.hpp"
#include "lab/legacy_library.hpp"
#include "lab/run_on_threads.hpp"
#include "lab/task_watch.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <atomic>
#include <chrono>

namespace asio = boost::asio;

namespace lesson14 {
namespace {

// [stock]
// What the shop has left: every order's handler reads it and writes it.
struct stock {
  std::atomic<int> items;
  lab::debug::sequence_checker sequence{"the stock"};  // --debug: one sequence must own it
};
// [stock]

// [take_order]
void take_order(stock& stock, lab::legacy_library& pricing, lab::task_watch& watch, int order)
{
  auto watching = watch.start(order);

  // Read what is left, price the order by it (the fewer left, the dearer), and take one item.
  stock.sequence.touched();
  const int left = stock.items.load();
  pricing.quote(left);
  stock.items.store(left - 1);
}
// [take_order]

// [take_orders]
void take_orders(asio::io_context& loop, stock& stock, lab::legacy_library& pricing, lab::task_watch& watch,
                 int orders)
{
  for (int order = 0; order < orders; ++order)
    asio::post(loop, [&, order] { take_order(stock, pricing, watch, order); });
}
// [take_orders]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  stock stock{scenario.orders};
  lab::legacy_library pricing(std::chrono::milliseconds(scenario.pricing_ms));
  lab::task_watch watch(with);
  const auto run = lab::run_on_threads(scenario.threads, [&](asio::io_context& loop) {
    take_orders(loop, stock, pricing, watch, scenario.orders);
  });
  return {.wall = run.wall, .lost_updates = stock.items.load(), .most_at_once = watch.most_in_flight()};
}

}  // namespace lesson14
