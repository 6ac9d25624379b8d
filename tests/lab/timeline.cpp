#include "lab/timeline.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <thread>
#include <vector>

TEST_CASE("a task span is recorded when it ends, with its track and thread", "[lab][timeline]")
{
  lab::timeline recorded("run");
  {
    lab::task_span span(&recorded, 7);
    CHECK(recorded.spans().empty());
  }
  const auto spans = recorded.spans();
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].track == 7);
  CHECK(spans[0].kind == lab::span_kind::task);
  CHECK(spans[0].thread == lab::this_thread_number());
  CHECK(spans[0].start <= spans[0].end);
}

TEST_CASE("spans from several threads are all kept, each with its own thread number", "[lab][timeline]")
{
  lab::timeline recorded("threads", 16);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 1000; ++i) {
        const auto now = lab::clock::now();
        recorded.record(t, lab::span_kind::task, now, now);
      }
    });
  for (auto& t : threads) t.join();

  const auto spans = recorded.spans();
  CHECK(spans.size() == 4000);
  std::set<int> threads_seen;
  for (const auto& s : spans) threads_seen.insert(s.thread);
  CHECK(threads_seen.size() == 4);
  CHECK(threads_seen.count(lab::this_thread_number()) == 0);
}
