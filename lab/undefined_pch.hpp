// The Asio headers the undefined programs include (cmake/catch_it.cmake), precompiled once per
// sanitizer. Only Boost: these programs link no part of the lab, and its debug mode's `detached`
// (lab/asio_pch.hpp) would need it.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
