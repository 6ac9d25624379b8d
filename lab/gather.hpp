#pragma once
/// \file
/// `gather`: start several coroutines at once and resume when every one has finished.

#include <boost/asio/awaitable.hpp>

#include <vector>

namespace lab {

/// Starts every task at once on the calling coroutine's executor and resumes when all of them
/// have finished; then rethrows the first exception a task ended with, if any. The course's
/// `asyncio.gather`, for a lesson whose idea is elsewhere: lesson 03 shows how it is built, with
/// `make_parallel_group` over `co_spawn(..., deferred)` operations. Compiled once, here, so that
/// a lesson does not pay for the group's templates.
///
/// ```cpp
/// std::vector<asio::awaitable<void>> requests;
/// for (int i = 0; i < n; ++i) requests.push_back(request(i));
/// co_await lab::gather(std::move(requests));
/// ```
boost::asio::awaitable<void> gather(std::vector<boost::asio::awaitable<void>> tasks);

}  // namespace lab
