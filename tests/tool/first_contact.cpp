// What a newcomer types first: --help, -h, help, --version, and asynclab alone.

#include "tests/tool/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace tool_test;

TEST_CASE("asynclab --help, -h and help list the commands and exit 0", "[tool][help]")
{
  for (const std::string asked : {"--help", "-h", "help"}) {
    INFO("asynclab " << asked);
    const auto result = run_asynclab({asked});
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    for (const std::string command : {"tour", "list", "run", "hint", "explain", "exercise", "check", "bench", "report"})
      CHECK(result.out.find("\n  " + command + " ") != std::string::npos);
  }
}

TEST_CASE("asynclab --version names the course's version and exits 0", "[tool][help]")
{
  const auto result = run_asynclab({"--version"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.starts_with("asynclab "));
}

TEST_CASE("asynclab alone, off a terminal, says what it can do instead of waiting for keys", "[tool][help]")
{
  const auto result = run_asynclab({});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("explain") != std::string::npos);
}
