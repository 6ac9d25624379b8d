#pragma once
/// \file
/// How many sockets this process has open, read from `/proc/self/fd`: what a lesson left behind.

namespace lab {

/// The number of this process's file descriptors that are sockets (TCP, Unix, or any other kind),
/// as `/proc/self/fd` lists them. A test takes it before and after a run: a lesson that closes
/// every socket it opened leaves the number where it was. -1 where `/proc` cannot be read.
int open_sockets();

}  // namespace lab
