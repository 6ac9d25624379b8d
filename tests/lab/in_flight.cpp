#include "lab/in_flight.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <thread>
#include <vector>

TEST_CASE("the in-flight counter remembers the most that overlapped, not the last", "[lab][in_flight]")
{
  lab::in_flight_counter in_flight;
  {
    auto first = in_flight.enter();
    auto second = in_flight.enter();
    CHECK(in_flight.now() == 2);
  }
  auto third = in_flight.enter();
  CHECK(in_flight.now() == 1);
  CHECK(in_flight.most() == 2);
}

TEST_CASE("operations one after another never overlap", "[lab][in_flight]")
{
  lab::in_flight_counter in_flight;
  for (int i = 0; i < 5; ++i) auto entered = in_flight.enter();
  CHECK(in_flight.most() == 1);
  CHECK(in_flight.now() == 0);
}

TEST_CASE("a moved guard leaves the operation in flight once", "[lab][in_flight]")
{
  lab::in_flight_counter in_flight;
  std::optional<lab::in_flight_counter::guard> kept;
  {
    auto entered = in_flight.enter();
    kept.emplace(std::move(entered));
  }
  CHECK(in_flight.now() == 1);
  kept.reset();
  CHECK(in_flight.now() == 0);
}

TEST_CASE("the in-flight counter counts from several threads", "[lab][in_flight]")
{
  lab::in_flight_counter in_flight;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) auto entered = in_flight.enter();
    });
  for (auto& t : threads) t.join();
  CHECK(in_flight.now() == 0);
  CHECK(in_flight.most() >= 1);
  CHECK(in_flight.most() <= 4);
}
