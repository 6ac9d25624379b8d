#include "lessons/14_shared_state_threads.hpp"

#include "lab/debug/mode.hpp"

#include <catch2/catch.hpp>

namespace {

// A lost update needs two orders at once. Each pricing call holds its thread for 5 ms, and while
// one thread waits in its call the others, which need no processor to wait either, read the
// stock. The loop's threads start together (lab::run_on_threads), and one thread alone would take
// 300 ms over the orders: a busy machine's scheduler runs the others long before that.
constexpr lesson14::scenario scenario{.orders = 60, .threads = 4, .pricing_ms = 5};

lab::expectations pitfall_shows() { return expected(lab::role::pitfall, lesson14::pitfall(scenario), scenario); }
lab::expectations solution_shows() { return expected(lab::role::solution, lesson14::solution(scenario), scenario); }

}  // namespace

TEST_CASE("a loop run by several threads takes several orders at the same moment", "[14][pitfall]")
{
  CHECK(pitfall_shows()["several orders are taken at the same moment"]);
}

TEST_CASE("a load then a store on a std::atomic loses the updates made in between", "[14][pitfall]")
{
  CHECK(pitfall_shows()["some updates of the stock are lost"]);
}

TEST_CASE("a lost update leaves the stock too high, never below 0", "[14][pitfall]")
{
  // Each order writes one less than a number the stock held: the stock overstates what is left.
  const auto outcome = lesson14::pitfall(scenario);
  CHECK(outcome.lost_updates >= 1);
  CHECK(outcome.lost_updates < scenario.orders);
}

TEST_CASE("a strand takes one order at a time, whichever thread runs it", "[14][solution]")
{
  CHECK(solution_shows()["one order is taken at a time"]);
}

TEST_CASE("a strand loses no update of the stock", "[14][solution]")
{
  CHECK(solution_shows()["no update of the stock is lost"]);
}

TEST_CASE("a strand loses no update however many threads run the loop", "[14][solution]")
{
  for (const int threads : {2, 8}) {
    CAPTURE(threads);
    const lesson14::scenario many{.orders = 20, .threads = threads, .pricing_ms = 1};
    CHECK(lesson14::solution(many).lost_updates == 0);
  }
}

TEST_CASE("the debug mode reports the stock touched from a second thread", "[14][pitfall]")
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::quiet);
  lesson14::pitfall(scenario);
  CHECK(lab::debug::of_kind(debugging.findings(), lab::debug::kind::wrong_thread).size() == 1);
}

TEST_CASE("with a strand, the debug mode reports no wrong thread", "[14][solution]")
{
  lab::debug::session debugging(lab::debug::default_slow, lab::debug::session::quiet);
  lesson14::solution(scenario);
  CHECK(lab::debug::of_kind(debugging.findings(), lab::debug::kind::wrong_thread).empty());
}
