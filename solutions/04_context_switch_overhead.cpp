#include "lessons/04_context_switch_overhead.hpp"

#include "lab/run_as_task.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace asio = boost::asio;

namespace lesson04 {
namespace {

// [process_items]
asio::awaitable<outcome> process_items(scenario scenario)
{
  const auto executor = co_await asio::this_coro::executor;
  outcome done;
  for (int first = 0; first < scenario.items; first += scenario.batch) {
    const int end = std::min(scenario.items, first + scenario.batch);
    for (int item = first; item < end; ++item) {
      done.checksum = process(done.checksum, item, scenario.rounds);
      ++done.processed;
    }

    // Give the other tasks on the loop their turn, after every batch.
    co_await asio::post(executor, asio::use_awaitable);
    ++done.suspensions;
  }
  co_return done;
}
// [process_items]

}  // namespace

outcome solution(const scenario& scenario, const lab::instruments& with)
{
  return lab::run_as_task(process_items(scenario), with);
}

}  // namespace lesson04
