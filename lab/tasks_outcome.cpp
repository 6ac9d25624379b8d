#include "lab/tasks_outcome.hpp"

#include "lab/chart.hpp"

#include <fmt/format.h>

namespace lab {

std::vector<observation> observations(const tasks_outcome& outcome, int tasks)
{
  const std::chrono::duration<double> stall = outcome.longest_stall;
  return {
      {"most_in_flight", "in flight", fmt::format("{} of {}", outcome.most_in_flight, tasks),
       static_cast<double>(outcome.most_in_flight)},
      {"longest_stall_seconds", "loop stalled", human_duration(outcome.longest_stall), stall.count()},
  };
}

}  // namespace lab
