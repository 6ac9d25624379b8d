#include "lab/http_load.hpp"

#include "lab/gather.hpp"
#include "lab/http_client.hpp"
#include "lab/run_on_loop.hpp"
#include "lab/serve_loop.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <thread>
#include <vector>

namespace asio = boost::asio;

namespace lab {
namespace {

// What the load's clients share, on their own loop.
struct load_clients {
  std::string port;
  bool stopping = false;
  int busy_answered = 0;
  latencies checks;
};

asio::awaitable<void> ask_back_to_back(const http_load& load, load_clients& clients)
{
  http_client client(co_await asio::this_coro::executor);
  co_await client.connect("127.0.0.1", clients.port);
  while (!clients.stopping) {
    co_await client.get(load.busy_target);
    ++clients.busy_answered;
  }
}

asio::awaitable<void> check_steadily(const http_load& load, load_clients& clients)
{
  http_client client(co_await asio::this_coro::executor);
  co_await client.connect("127.0.0.1", clients.port);
  asio::steady_timer pause(co_await asio::this_coro::executor);
  for (int check = 0; check < load.checks; ++check) {
    pause.expires_after(load.pause);
    co_await pause.async_wait(asio::use_awaitable);
    const auto start = clock::now();
    co_await client.get(load.check_target);
    clients.checks.add(clock::now() - start);
  }
  // Enough checks: the busy clients stop after their answers in flight.
  clients.stopping = true;
}

asio::awaitable<void> apply_load(const http_load& load, load_clients& clients)
{
  std::vector<asio::awaitable<void>> all;
  for (int busy = 0; busy < load.busy_clients; ++busy) all.push_back(ask_back_to_back(load, clients));
  all.push_back(check_steadily(load, clients));
  co_await gather(std::move(all));
}

}  // namespace

http_load_outcome run_http_load(const http_handler& handler, const http_load& load, const instruments& with)
{
  instrumented_loop loop(with);
  http_server server(listen_on_loopback(loop.context().get_executor(), 0), {.handler = handler});
  server.start();

  load_clients clients{.port = std::to_string(server.endpoint().port())};
  std::exception_ptr failed;
  std::thread client_thread([&] {
    asio::io_context io;
    asio::co_spawn(io, apply_load(load, clients), [&](std::exception_ptr error) { failed = error; });
    io.run();
    // The clients are done: stop the server on its own loop, which then runs out of work.
    asio::post(loop.context(), [&] {
      server.stop();
      loop.done();
    });
  });
  const auto run = loop.run();
  client_thread.join();
  if (failed) std::rethrow_exception(failed);
  if (run.error) std::rethrow_exception(run.error);
  return {.wall = run.wall, .longest_stall = run.longest_stall, .checks = clients.checks,
          .busy_answered = clients.busy_answered};
}

}  // namespace lab
