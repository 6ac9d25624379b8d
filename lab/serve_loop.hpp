#pragma once
/// \file
/// The loop of a served lesson: listen on 127.0.0.1 only, say where, serve until Ctrl-C (or
/// `--for`), then close everything and let the loop finish.

#include "lab/serve.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <functional>
#include <string_view>

namespace lab {

/// An acceptor on 127.0.0.1 (never another interface) at `port`; 0 lets the OS pick one.
/// Throws `std::system_error` when the port is taken.
boost::asio::ip::tcp::acceptor listen_on_loopback(const boost::asio::any_io_executor& executor, unsigned short port);

/// Prints "<what> on 127.0.0.1:PORT; Ctrl-C stops it.", runs `io` on this thread until SIGINT,
/// SIGTERM or the chosen duration, then calls `stop` (the server closes its acceptor and every
/// connection) and lets the loop finish what is left, for two seconds at most, so that a client
/// that never reads cannot keep the process alive.
void serve_until_stopped(boost::asio::io_context& io, const boost::asio::ip::tcp::acceptor& listening,
                         const serve_options& options, std::string_view what, const std::function<void()>& stop);

}  // namespace lab
