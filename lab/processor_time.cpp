#include "lab/processor_time.hpp"

#include <ctime>

namespace lab {

std::chrono::nanoseconds thread_processor_time()
{
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

}  // namespace lab
