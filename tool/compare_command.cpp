// `asynclab compare OLD.json NEW.json`

#include "tool/bench_commands.hpp"
#include "tool/compare.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace asynclab::tool {

int compare_command(const std::string& old_file, const std::string& new_file)
{
  const auto old_read = read_bench_file(old_file);
  const auto new_read = read_bench_file(new_file);
  for (const auto* read : {&old_read, &new_read})
    if (!read->run) fmt::print(stderr, "asynclab compare: {}\n", read->problem);
  if (!old_read.run || !new_read.run) return 1;

  const auto& old_run = *old_read.run;
  const auto& new_run = *new_read.run;
  const auto compared = compare_runs(old_run, new_run);
  for (const auto& note : comparison_notes(compared, old_run, new_run))
    fmt::print(stderr, "asynclab compare: {}\n", note);
  fmt::print("{}", format_comparison(compared, old_run, new_run));
  return 0;
}

}  // namespace asynclab::tool
