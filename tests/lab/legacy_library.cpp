#include "lab/legacy_library.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace std::chrono_literals;

TEST_CASE("a legacy call blocks its thread for the library's delay", "[lab][legacy_library]")
{
  lab::legacy_library library(20ms);
  const auto start = lab::clock::now();
  CHECK(library.quote(3) == 13.0);
  CHECK(lab::clock::now() - start >= 20ms);
  CHECK(library.calls() == 1);
  CHECK(library.busy() >= 20ms);
}

TEST_CASE("the legacy library tells calls on its home thread from calls on others", "[lab][legacy_library]")
{
  lab::legacy_library library(1ms);
  library.quote(0);
  std::thread other([&] { library.quote(1); });
  other.join();
  CHECK(library.calls() == 2);
  CHECK(library.calls_on_home_thread() == 1);
  CHECK(library.threads_used() == 2);
}

TEST_CASE("legacy calls on two threads at once overlap: busy is one delay, not two", "[lab][legacy_library]")
{
  lab::timeline spans("calls");
  lab::legacy_library library(100ms, &spans);
  std::thread first([&] { library.quote(0); });
  std::thread second([&] { library.quote(1); });
  first.join();
  second.join();
  CHECK(library.calls_on_home_thread() == 0);
  CHECK(library.busy() >= 100ms);
  CHECK(library.busy() < 200ms);
  CHECK(spans.spans().size() == 2);
}
