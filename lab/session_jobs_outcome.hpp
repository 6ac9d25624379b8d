#pragma once
/// \file
/// What a group of jobs run in one client session did, and what the server saw of their
/// connections (`lab::run_session_jobs`, in lab/client_session.hpp). No Asio here, so that a
/// lesson's header can name it.

#include <chrono>

namespace lab {

/// What a group of jobs in one session did, and what the server saw of them.
struct session_jobs_outcome {
  std::chrono::nanoseconds wall{};  ///< from starting the group to its end
  int succeeded = 0;                ///< jobs that returned normally
  int failed = 0;                   ///< jobs that threw an error of their own
  int cancelled = 0;                ///< jobs that ended with `operation_aborted`: cancelled by the group
  /// Connections the server still had open when the jobs were done, before the session ended.
  int left_open = 0;
  int goodbyes = 0;     ///< goodbyes the server had received by then
  int open_at_end = 0;  ///< connections the server still had open after the session ended
  int accepted = 0;     ///< connections the server accepted
};

}  // namespace lab
