// The only file that sees Boost.Process (v1, header-only with std::filesystem), and with it Asio:
// both are heavy to compile, so they stay here.
#define BOOST_PROCESS_USE_STD_FS

#include "tool/process.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/process/args.hpp>
#include <boost/process/async.hpp>
#include <boost/process/async_pipe.hpp>
#include <boost/process/child.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/extend.hpp>
#include <boost/process/group.hpp>
#include <boost/process/io.hpp>
#include <boost/process/search_path.hpp>

#include <signal.h>
#include <sys/wait.h>

namespace asynclab::tool {
namespace {

namespace asio = boost::asio;
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

/// What is still under way: the program, and the reads of its output. When all are done the
/// deadline is cancelled, so that the run ends at once; a child that keeps a pipe open after
/// the program ended keeps the deadline too, and is killed with the group when it passes.
class pending_work {
 public:
  pending_work(asio::steady_timer& deadline, int count) : deadline_(deadline), count_(count) {}
  void done()
  {
    if (--count_ == 0) deadline_.cancel();
  }

 private:
  asio::steady_timer& deadline_;
  int count_;
};

/// Reads `pipe` to its end into `text`, in the background of its io_context.
void read_all(bp::async_pipe& pipe, std::string& text, pending_work& pending)
{
  asio::async_read(pipe, asio::dynamic_buffer(text),
                   [&pending](const boost::system::error_code&, std::size_t) { pending.done(); });
}

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
  asio::io_context io;
  bp::async_pipe out_pipe(io), err_pipe(io);
  bp::group group;  // the program and its children: a timeout kills them all
  asio::steady_timer deadline(io, limit);
  program_run run;
  const auto started = clock::now();

  try {
    const bool apart = errors == error_stream::apart;
    pending_work pending(deadline, apart ? 3 : 2);
    const auto on_exit = [&](int, const std::error_code&) { pending.done(); };
    bp::child child = !apart
        ? bp::child(bp::exe = executable_of(command.front()), bp::args = arguments_of(command),
                    bp::std_in<bp::null, (bp::std_out & bp::std_err)> out_pipe, io, group, bp::on_exit = on_exit)
        : bp::child(bp::exe = executable_of(command.front()), bp::args = arguments_of(command),
                    bp::std_in<bp::null, bp::std_out> out_pipe, bp::std_err > err_pipe, io, group,
                    bp::on_exit = on_exit);
    read_all(out_pipe, run.output, pending);
    if (apart) read_all(err_pipe, run.errors, pending);
    deadline.async_wait([&](const boost::system::error_code& cancelled) {
      if (cancelled) return;
      run.timed_out = true;
      std::error_code ignored;
      group.terminate(ignored);
    });
    io.run();  // until the program has ended and its output is read to the end
    child.wait();
    record_ending(run, child.native_exit_code());
  } catch (const bp::process_error& error) {
    return could_not_start(command.front(), error.what());
  }
  run.took = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - started);
  return run;
}

}  // namespace asynclab::tool
