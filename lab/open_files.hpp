#pragma once
/// \file
/// How many files, sockets included, this process may have open at once (`ulimit -n`).

namespace lab {

/// The process's limit on open file descriptors (RLIMIT_NOFILE), after raising its soft limit to
/// the hard one, as Go's runtime does at start-up: many systems keep the soft limit at 1024 for
/// old programs that use select(), and let a program that needs more raise it itself. Every
/// socket is a descriptor, so a lesson that opens many at once checks its count against this.
/// The raise happens once; later calls return the same limit. -1 when it cannot be read.
int open_files_limit();

}  // namespace lab
