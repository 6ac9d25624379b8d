#include "lab/gather.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>

namespace asio = boost::asio;

namespace lab {

asio::awaitable<void> gather(std::vector<asio::awaitable<void>> tasks)
{
  const auto executor = co_await asio::this_coro::executor;
  std::vector<decltype(asio::co_spawn(executor, asio::awaitable<void>{}, asio::deferred))> operations;
  for (auto& task : tasks) operations.push_back(asio::co_spawn(executor, std::move(task), asio::deferred));
  auto [order, errors] = co_await asio::experimental::make_parallel_group(std::move(operations))
                             .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);
}

}  // namespace lab
