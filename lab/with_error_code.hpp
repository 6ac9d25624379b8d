#pragma once
/// \file
/// The completion token of the lab's servers: error codes rather than exceptions, since a closed
/// connection is the normal way for a session to end.

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace lab {

/// `auto [error, n] = co_await socket.async_read_some(buffer, with_error_code);`
inline constexpr auto with_error_code = boost::asio::as_tuple(boost::asio::use_awaitable);

}  // namespace lab
