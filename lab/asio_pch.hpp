// The Asio headers most lesson files include, compiled once as a precompiled header (see
// lab/CMakeLists.txt). Only files that write coroutines get it; lesson mains, tests and
// benchmarks see just the lesson's own header and build without Asio.
#pragma once

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/experimental/parallel_group.hpp>

// What asio::detached does with an exception, in the debug mode: before any use of it.
#include "lab/debug/detached.hpp"
