#include "lab/open_files.hpp"

#include <sys/resource.h>

#include <catch2/catch.hpp>

TEST_CASE("the open-files limit is raised to the hard limit, once", "[lab][open_files]")
{
  const int limit = lab::open_files_limit();
  rlimit now{};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &now) == 0);
  CHECK(limit > 0);
  CHECK(now.rlim_cur == now.rlim_max);  // the soft limit now stands at the hard one
  CHECK(lab::open_files_limit() == limit);
}
