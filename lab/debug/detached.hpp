#pragma once
/// \file
/// The debug mode's dropped-exception finding: asyncio's "Task exception was never retrieved",
/// for `co_spawn(executor, task(), asio::detached)`.
///
/// `asio::detached` completes a spawned coroutine with a handler that ignores its arguments,
/// the exception too. This header declares what that handler does with an exception: an explicit
/// specialisation of its call operator for `std::exception_ptr`, defined in
/// `lab/debug/detached.cpp`, which, with the debug mode on, reports the exception as dropped and
/// otherwise still ignores it. A specialisation must be seen before the handler is used, so the
/// precompiled Asio header (`lab/asio_pch.hpp`) and `lab/run_on_loop.hpp` include this one.
/// Only a coroutine returning `void` completes with the exception alone; one returning a value
/// (`void(std::exception_ptr, T)`) is not covered.

#include <boost/asio/detached.hpp>

#include <exception>

namespace boost::asio::detail {

template <>
void detached_handler::operator()(std::exception_ptr error);

}  // namespace boost::asio::detail
