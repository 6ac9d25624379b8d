// The only file that sees Boost.Process (v1, header-only with std::filesystem): its headers are
// heavy to compile, so they stay here. The synchronous pipes and a watchdog thread keep Asio out.
#define BOOST_PROCESS_USE_STD_FS

#include "tool/process.hpp"

#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/extend.hpp>
#include <boost/process/group.hpp>
#include <boost/process/io.hpp>
#include <boost/process/pipe.hpp>
#include <boost/process/search_path.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <condition_variable>
#include <iterator>
#include <mutex>
#include <thread>

namespace asynclab::tool {
namespace {

namespace bp = boost::process;
using clock = std::chrono::steady_clock;

std::string executable_of(const std::string& name)
{
  if (name.find('/') != std::string::npos) return name;
  const auto found = bp::search_path(name);
  return found.empty() ? name : found.string();
}

std::vector<std::string> arguments_of(const std::vector<std::string>& command)
{
  return {command.begin() + 1, command.end()};
}

/// In the child, before exec: Ctrl-C and Ctrl-\ act again (asynclab ignores them meanwhile).
struct default_signals : bp::extend::handler {
  template <class Executor>
  void on_exec_setup(Executor&) const
  {
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGQUIT, SIG_DFL);
  }
};

/// Ignores Ctrl-C and Ctrl-\ while it lives: they reach the whole foreground group, and should
/// stop the program in the terminal, not asynclab.
class ignoring_interrupts {
 public:
  ignoring_interrupts()
      : saved_int_(::signal(SIGINT, SIG_IGN)), saved_quit_(::signal(SIGQUIT, SIG_IGN))
  {
  }
  ~ignoring_interrupts()
  {
    ::signal(SIGINT, saved_int_);
    ::signal(SIGQUIT, saved_quit_);
  }
  ignoring_interrupts(const ignoring_interrupts&) = delete;
  ignoring_interrupts& operator=(const ignoring_interrupts&) = delete;

 private:
  sighandler_t saved_int_, saved_quit_;
};

void record_ending(program_run& run, int native_status)
{
  if (WIFEXITED(native_status)) run.exit_code = WEXITSTATUS(native_status);
  if (WIFSIGNALED(native_status)) run.signal = WTERMSIG(native_status);
}

std::string read_all(bp::ipstream& pipe) { return {std::istreambuf_iterator<char>(pipe), {}}; }

/// Kills the group when the limit passes before finish() is called. A child that keeps a pipe
/// open after the program ended is killed with it, so reading the pipes always ends.
class watchdog {
 public:
  watchdog(bp::group& group, std::chrono::milliseconds limit)
      : thread_([this, &group, limit] {
          std::unique_lock lock(mutex_);
          if (finished_changed_.wait_for(lock, limit, [this] { return finished_; })) return;
          fired_ = true;
          std::error_code ignored;
          group.terminate(ignored);
        })
  {
  }
  ~watchdog() { finish(); }
  watchdog(const watchdog&) = delete;
  watchdog& operator=(const watchdog&) = delete;

  /// Stops watching. \returns true when the limit had passed and the group was killed.
  bool finish()
  {
    {
      const std::lock_guard lock(mutex_);
      finished_ = true;
    }
    finished_changed_.notify_one();
    if (thread_.joinable()) thread_.join();
    return fired_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable finished_changed_;
  bool finished_ = false;
  bool fired_ = false;
  std::thread thread_;
};

program_run could_not_start(const std::string& program, const std::string& why)
{
  program_run run;
  run.exit_code = 127;
  run.errors = "cannot start " + program + ": " + why;
  return run;
}

}  // namespace

int program_run::status() const
{
  if (signal != 0) return 128 + signal;
  return exit_code.value_or(127);
}

int run_in_terminal(const std::vector<std::string>& command)
{
  const ignoring_interrupts ignoring;
  try {
    bp::child child(bp::exe = executable_of(command.front()), bp::args = arguments_of(command), default_signals{});
    child.wait();
    program_run run;
    record_ending(run, child.native_exit_code());
    return run.status();
  } catch (const bp::process_error& error) {
    return could_not_start(command.front(), error.what()).status();
  }
}

program_run run_captured(const std::vector<std::string>& command, std::chrono::milliseconds limit,
                         error_stream errors)
{
  bp::ipstream out_pipe, err_pipe;
  bp::group group;  // the program and its children: a timeout kills them all
  const auto started = clock::now();
  program_run run;
  try {
    bp::child child = errors == error_stream::merged
        ? bp::child(bp::exe = executable_of(command.front()), bp::args = arguments_of(command),
                    bp::std_in<bp::null, (bp::std_out & bp::std_err)> out_pipe, group)
        : bp::child(bp::exe = executable_of(command.front()), bp::args = arguments_of(command),
                    bp::std_in<bp::null, bp::std_out> out_pipe, bp::std_err > err_pipe, group);
    watchdog watching(group, limit);
    std::thread errors_reader;
    if (errors == error_stream::apart) errors_reader = std::thread([&] { run.errors = read_all(err_pipe); });
    run.output = read_all(out_pipe);
    if (errors_reader.joinable()) errors_reader.join();
    child.wait();
    run.timed_out = watching.finish();
    record_ending(run, child.native_exit_code());
  } catch (const bp::process_error& error) {
    return could_not_start(command.front(), error.what());
  }
  run.took = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - started);
  return run;
}

}  // namespace asynclab::tool
