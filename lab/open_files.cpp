#include "lab/open_files.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <climits>

namespace lab {
namespace {

int raise_open_files_limit()
{
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return -1;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return static_cast<int>(std::min<rlim_t>(limit.rlim_cur, INT_MAX));
}

}  // namespace

int open_files_limit()
{
  static const int limit = raise_open_files_limit();
  return limit;
}

}  // namespace lab
