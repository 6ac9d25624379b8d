#include "lab/tasks_outcome.hpp"

namespace lab {

std::vector<observation> observations(const tasks_outcome& outcome, int tasks)
{
  return {count_of("most_in_flight", "in flight", outcome.most_in_flight, tasks),
          duration_of("longest_stall_seconds", "loop stalled", outcome.longest_stall)};
}

}  // namespace lab
