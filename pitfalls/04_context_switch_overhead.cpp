#include "lessons/04_context_switch_overhead.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>

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
  asio::io_context io(1);
  outcome done;
  std::exception_ptr error;
  asio::co_spawn(io, process_items(scenario), [&](std::exception_ptr thrown, outcome result) {
    error = thrown;
    done = result;
  });

  const auto start = lab::clock::now();
  {
    lab::task_span span(with.spans, 0);
    io.run();
  }
  done.wall = lab::clock::now() - start;

  if (error) std::rethrow_exception(error);
  return done;
}

}  // namespace lesson04
