#include "lab/client_session.hpp"

#include "lab/run_on_loop.hpp"
#include "lab/task_watch.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <exception>
#include <utility>
#include <vector>

namespace asio = boost::asio;
using asio::ip::tcp;

namespace lab {
namespace {

// Error codes rather than exceptions: a close does what it can and never throws.
constexpr auto as_error_code = asio::as_tuple(asio::use_awaitable);

}  // namespace

connection::connection(const asio::any_io_executor& executor, std::string goodbye)
    : socket_(executor), goodbye_(std::move(goodbye))
{
}

asio::awaitable<void> connection::request(std::string_view request)
{
  co_await asio::async_write(socket_, asio::buffer(request), asio::use_awaitable);
  // Until it has all arrived, the answer is due: a close must read it before its goodbye.
  due_ = request.size();
  std::string answer(request.size(), '\0');
  auto [error, read] = co_await asio::async_read(socket_, asio::buffer(answer), as_error_code);
  due_ -= read;
  if (error) throw boost::system::system_error(error, "request");
}

// [close]
asio::awaitable<void> connection::close()
{
  // Read the answer to a request that was cut short, so that the goodbye does not arrive with it.
  if (due_ > 0) {
    std::string rest(due_, '\0');
    auto [due_error, due_read] = co_await asio::async_read(socket_, asio::buffer(rest), as_error_code);
    if (due_error) co_return;
    due_ = 0;
  }

  // Say goodbye, and wait for its answer.
  std::string answer(goodbye_.size(), '\0');
  auto [write_error, written] = co_await asio::async_write(socket_, asio::buffer(goodbye_), as_error_code);
  if (write_error) co_return;
  auto [read_error, read] = co_await asio::async_read(socket_, asio::buffer(answer), as_error_code);
  if (read_error) co_return;

  // Send the end of the stream, and wait for the server to close its end in turn.
  boost::system::error_code error;
  socket_.shutdown(tcp::socket::shutdown_send, error);
  if (error) co_return;
  auto [end_error, more] = co_await socket_.async_read_some(asio::buffer(answer), as_error_code);
  if (end_error != asio::error::eof) co_return;
  socket_.close(error);
}
// [close]

client_session::client_session(asio::any_io_executor executor, tcp::endpoint server, std::string goodbye)
    : executor_(std::move(executor)), server_(std::move(server)), goodbye_(std::move(goodbye))
{
}

client_session::~client_session() = default;

asio::awaitable<std::reference_wrapper<connection>> client_session::connect()
{
  // The session owns the connection from the start, so that it outlives whoever asked for it.
  auto& opened = connections_.emplace_back(executor_, goodbye_);
  auto [error] = co_await opened.socket().async_connect(server_, as_error_code);
  if (error) {
    boost::system::error_code ignored;
    opened.socket().close(ignored);
    throw boost::system::system_error(error, "connect");
  }
  co_return std::ref(opened);
}

int client_session::open() const
{
  int open = 0;
  for (const auto& each : connections_) open += each.is_open() ? 1 : 0;
  return open;
}

namespace {

asio::awaitable<void> watched(asio::awaitable<void> job, task_watch& watch, int index)
{
  auto watching = watch.start(index);
  co_await std::move(job);
}

// The group, then the server's count while the session still holds its connections.
asio::awaitable<void> jobs_in_session(delay_server& server, int jobs, const session_job& make_job,
                                      const instruments& with, std::chrono::milliseconds grace,
                                      session_jobs_outcome& seen)
{
  const auto executor = co_await asio::this_coro::executor;
  client_session session(executor, server.endpoint());
  task_watch watch(with);
  using job_operation = decltype(asio::co_spawn(executor, std::declval<asio::awaitable<void>>(), asio::deferred));
  std::vector<job_operation> group;
  for (int index = 0; index < jobs; ++index)
    group.push_back(asio::co_spawn(executor, watched(make_job(session, index), watch, index), asio::deferred));

  const auto start = clock::now();
  auto [order, errors] = co_await asio::experimental::make_parallel_group(std::move(group))
                             .async_wait(asio::experimental::wait_for_one_error(), asio::use_awaitable);
  seen.wall = clock::now() - start;
  for (const auto& error : errors) {
    if (!error) {
      ++seen.succeeded;
      continue;
    }
    try {
      std::rethrow_exception(error);
    } catch (const boost::system::system_error& failure) {
      (failure.code() == asio::error::operation_aborted ? seen.cancelled : seen.failed) += 1;
    } catch (...) {
      ++seen.failed;
    }
  }

  // A close the client finished reaches the server's thread a moment later: wait until the server
  // holds no more open than the session does, then count.
  asio::steady_timer tick(executor);
  const auto until = clock::now() + grace;
  while (server.open_connections() > session.open() && clock::now() < until) {
    tick.expires_after(std::chrono::milliseconds(1));
    co_await tick.async_wait(asio::use_awaitable);
  }
  seen.left_open = server.open_connections();
  seen.goodbyes = server.goodbyes();
}  // The session ends here, and its destructor closes whatever is still open.

}  // namespace

session_jobs_outcome run_session_jobs(const delay_server::options& how, int jobs, const session_job& make_job,
                                      const instruments& with, std::chrono::milliseconds grace)
{
  delay_server server(how);
  session_jobs_outcome seen;
  run_on_loop(jobs_in_session(server, jobs, make_job, with, grace, seen), with);
  seen.open_at_end = server.open_connections_after(grace);
  server.stop();
  seen.accepted = server.accepted();
  return seen;
}

}  // namespace lab
