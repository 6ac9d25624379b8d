#include "lessons/06_cpu_bound_on_loop.hpp"

#include "lab/heartbeat.hpp"

#include <boost/asio/awaitable.hpp>

namespace asio = boost::asio;

namespace lesson06 {
namespace {

// [handle_request]
asio::awaitable<void> handle_request(int request, long long rounds, work_log& log)
{
  // Compute the answer: processor work, with nothing to wait for.
  log.record(crunch(static_cast<std::uint64_t>(request), rounds));
  co_return;
}
// [handle_request]

}  // namespace

outcome pitfall(const scenario& scenario, const lab::instruments& with)
{
  const long long rounds = rounds_of(scenario);
  work_log log;
  const auto run = lab::run_tasks_with_heartbeat(
      scenario.requests, [&](int request) { return handle_request(request, rounds, log); }, heartbeat_period, with);
  return log.outcome_of(run);
}

}  // namespace lesson06
