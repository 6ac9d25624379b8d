#include "lab/task_watch.hpp"

#include <catch2/catch.hpp>

TEST_CASE("the task watch counts tasks that overlap, and records each one's span", "[lab][task_watch]")
{
  lab::timeline recorded("run");
  lab::task_watch watch({.measure = true, .spans = &recorded});
  {
    auto hello = watch.start(0);
    auto world = watch.start(1);
  }
  auto again = watch.start(0);
  CHECK(watch.most_in_flight() == 2);
  const auto spans = recorded.spans();
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].track == 1);
  CHECK(spans[1].track == 0);
}

TEST_CASE("the task watch counts nothing and records nothing when the instruments are off", "[lab][task_watch]")
{
  lab::task_watch watch(lab::instruments::off());
  {
    auto first = watch.start(0);
    auto second = watch.start(1);
  }
  CHECK(watch.most_in_flight() == 0);
}
