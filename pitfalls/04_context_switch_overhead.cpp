#include "lessons/04_context_switch_overhead.hpp"

#include "lab/run_as_task.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace asio = boost::asio;

namespace lesson04 {
namespace {

// [process_items]
asio::awaitable<outcome> process_items(scenario scenario)
{
  const auto executor = co_await asio::this_coro::executor;
  outcome done;
  for (int item = 0; item < scenario.items; ++item) {
    done.checksum = process(done.checksum, item, scenario.rounds);
    ++done.processed;

    // Give the other tasks on the loop their turn, after every item.
    co_await asio::post(executor, asio::use_awaitable);
    ++done.suspensions;
  }
  co_return done;
}
// [process_items]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  return lab::run_as_task(process_items(scenario), with);
}

}  // namespace lesson04
