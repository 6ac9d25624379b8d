// asynclab: the course's own command. `asynclab help` lists what it can do.

#include "tool/bench_commands.hpp"
#include "tool/commands.hpp"
#include "tool/exercise.hpp"
#include "tool/tour.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>
#include <string_view>
#include <vector>

namespace {

struct subcommand {
  std::string_view name;
  std::string_view summary;
  int (*run)(asynclab::tool::arguments);
};

int help(asynclab::tool::arguments);

// One line per subcommand, in the order `asynclab help` lists them.
const std::vector<subcommand> subcommands = {
    {"help", "list what asynclab can do", help},
    {"tour", "the lessons one at a time, from where you stopped (asynclab alone does this)", asynclab::tool::tour},
    {"list", "every lesson, its concept and your progress", asynclab::tool::list},
    {"run", "run lesson NN: predict, watch, compare", asynclab::tool::run},
    {"hint", "the next hint for lesson NN", asynclab::tool::hint},
    {"explain", "lesson NN's page in the terminal", asynclab::tool::explain},
    {"reset", "forget your progress in lesson NN, or in all", asynclab::tool::reset},
    {"exercise", "copy lesson NN's pitfall to exercises/ for you to fix", asynclab::tool::exercise},
    {"check", "run lesson NN's solution tests on your exercise (--json: results.json)", asynclab::tool::check},
    {"watch", "check your exercise again on every save", asynclab::tool::watch},
    {"bench", "run the benchmarks (all, or lesson NN's) and keep their JSON in results/", asynclab::tool::bench},
    {"compare", "two benchmark files side by side: changes, U test, pitfall/solution ratios", asynclab::tool::compare},
    {"report", "many students' benchmark files in one table and chart", asynclab::tool::report},
    {"chart", "one lesson's benchmark results as a chart and a table, for its docs page", asynclab::tool::chart},
};

int help(asynclab::tool::arguments)
{
  fmt::print("asynclab: asynchronous C++20, broken on purpose\n\nUsage: asynclab <command> [arguments]\n\n");
  for (const auto& command : subcommands) fmt::print("  {:<10} {}\n", command.name, command.summary);
  fmt::print("\n`asynclab <command> --help` says more about one command.\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv)
{
  // Alone on a terminal, asynclab opens the tour; anywhere else it says what it can do.
  const std::string_view name = argc > 1 ? argv[1] : isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) ? "tour" : "help";
  for (const auto& command : subcommands)
    if (command.name == name) return command.run(asynclab::tool::arguments(argv + 1, argc > 1 ? argc - 1 : 0));
  fmt::print(stderr, "asynclab: unknown command '{}' (see asynclab help)\n", name);
  return 2;
}
