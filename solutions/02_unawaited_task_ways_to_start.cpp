// The benchmark's ways to start a piece of work and get its result, each written the correct way.

#include "lessons/02_unawaited_task.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>

namespace asio = boost::asio;

namespace lesson02 {
namespace {

// The work: as small as possible, so that what is measured is the cost of starting it.
[[gnu::noinline]] int piece(int index) { return index + 1; }

asio::awaitable<int> piece_of_work(int index) { co_return piece(index); }

using result_channel = asio::experimental::channel<void(boost::system::error_code, int)>;

asio::awaitable<void> send_result(result_channel& results, int index)
{
  co_await results.async_send(boost::system::error_code{}, piece(index), asio::use_awaitable);
}

asio::awaitable<long long> start_all(way_to_start how, int count)
{
  const auto executor = co_await asio::this_coro::executor;
  result_channel results(executor, 1);
  long long sum = 0;
  for (int index = 0; index < count; ++index) {
    switch (how) {
      case way_to_start::function_call:
        sum += piece(index);
        break;
      case way_to_start::co_await_directly:
        sum += co_await piece_of_work(index);
        break;
      case way_to_start::co_spawn_awaitable:
        sum += co_await asio::co_spawn(executor, piece_of_work(index), asio::use_awaitable);
        break;
      case way_to_start::co_spawn_detached:
        // Detached, the task's own result is thrown away: it sends it back over the channel.
        asio::co_spawn(executor, send_result(results, index), asio::detached);
        sum += co_await results.async_receive(asio::use_awaitable);
        break;
    }
  }
  co_return sum;
}

}  // namespace

long long start_work(way_to_start how, int count)
{
  asio::io_context io(1);
  long long sum = 0;
  asio::co_spawn(io, start_all(how, count), [&](const std::exception_ptr& error, long long total) {
    if (error) std::rethrow_exception(error);
    sum = total;
  });
  io.run();
  return sum;
}

}  // namespace lesson02
