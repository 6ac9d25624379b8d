#pragma once
/// \file
/// `to_thread`: a blocking call awaited from a coroutine, Python's `asyncio.to_thread`. Lesson 07
/// writes it with the students; the lessons after it take it from here.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <type_traits>
#include <utility>

namespace lab {

// [to_thread]
/// Runs the blocking `call` on a thread of `pool`; the awaiting coroutine resumes on its own
/// executor, so the loop runs on meanwhile.
template <typename Call>
boost::asio::awaitable<std::invoke_result_t<Call&>> to_thread(boost::asio::thread_pool& pool, Call call)
{
  // The call is a parameter of the coroutine, so it lives in the coroutine's frame; a lambda's
  // capture would live in the lambda, which may be gone when the coroutine runs (lesson 12).
  const auto run = [](Call owned) -> boost::asio::awaitable<std::invoke_result_t<Call&>> { co_return owned(); };
  co_return co_await boost::asio::co_spawn(pool, run(std::move(call)), boost::asio::use_awaitable);
}
// [to_thread]

}  // namespace lab
