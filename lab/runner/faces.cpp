#include "lab/runner/faces.hpp"

#include "lab/undefined_child.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <system_error>

namespace lab::runner {

int serve_alone(const description& lesson, const options& chosen)
{
  const role which = chosen.serve == "pitfall" ? role::pitfall : role::solution;
  serve_options options{.port = static_cast<unsigned short>(chosen.port), .duration = std::nullopt};
  if (chosen.for_seconds > 0) options.duration = std::chrono::seconds(chosen.for_seconds);
  try {
    lesson.serve(which, options);
    return 0;
  } catch (const std::system_error& error) {
    if (error.code() == std::errc::address_in_use) {
      fmt::print(stderr, "{}: --port {}: that port is taken; leave --port out to get a free one\n",
                 lesson.program(), chosen.port);
      return 2;
    }
    fmt::print(stderr, "{}: the {}'s server failed: {}\n", lesson.program(), name_of(which), error.what());
  } catch (const std::exception& error) {
    fmt::print(stderr, "{}: the {}'s server failed: {}\n", lesson.program(), name_of(which), error.what());
  }
  return 1;
}

std::string add_undefined_reports(const description& lesson, std::vector<role_run>& runs, const terminal& out)
{
  const auto sanitizer = sanitizer_name(lesson.undefined);
  const auto program = undefined_program();
  std::string told;
  for (auto& run : runs) {
    const auto child = run_undefined(program, run.which, lesson.undefined);
    if (!child.built) {
      return "\n" + wrapped(fmt::format("The undefined form runs under {}, which this build lacks: "
                                        "the release build has it.", sanitizer), out.width) + "\n";
    }
    run.observations.push_back(yes_no("sanitizer_report", sanitizer == "ThreadSanitizer" ? "tsan report" : "asan report",
                                      child.reported));
    const auto said = child.reported ? child.summary : std::string("no report");
    told += wrapped(said, out.width, fmt::format("  {}: ", name_of(run.which)), "    ") + "\n";
  }
  if (told.empty()) return told;
  return fmt::format("\n{}\n{}", wrapped(fmt::format("The undefined form, in a child process under {}:", sanitizer),
                                         out.width), told);
}

}  // namespace lab::runner
