#include "lab/undefined_child.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

/// A stand-in for a lesson's undefined program: a shell script that prints `text`.
std::string script_printing(const std::string& name, const std::string& text)
{
  const auto path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << "#!/bin/sh\n" << text << "\n";
  chmod(path.c_str(), 0755);
  return path;
}

}  // namespace

TEST_CASE("run_undefined reads a sanitizer's report and its summary from the child", "[lab][undefined]")
{
  const auto program = script_printing("asynclab_undefined_reports",
                                       "echo \"==1==ERROR: AddressSanitizer: stack-use-after-return\" >&2\n"
                                       "echo \"SUMMARY: AddressSanitizer: stack-use-after-return in f\" >&2\nexit 1");
  const auto run = lab::run_undefined(program, lab::role::pitfall, "address");
  CHECK(run.built);
  CHECK(run.reported);
  CHECK(run.summary == "AddressSanitizer: stack-use-after-return in f");
  std::remove(program.c_str());
}

TEST_CASE("run_undefined's summary names the first frame in a lesson's own file", "[lab][undefined]")
{
  const auto program = script_printing(
      "asynclab_undefined_frames",
      "echo \"==1==ERROR: AddressSanitizer: stack-use-after-scope\" >&2\n"
      "echo \"    #0 0x1 in std::string::_M_data() /usr/include/c++/12/bits/basic_string.h:234\" >&2\n"
      "echo \"    #1 0x2 in ship(std::string const&) /src/pitfalls/12_x_undefined.cpp:31\" >&2\n"
      "echo \"SUMMARY: AddressSanitizer: stack-use-after-scope /usr/include/c++/12/bits/basic_string.h:234\" >&2");
  const auto run = lab::run_undefined(program, lab::role::pitfall, "address");
  CHECK(run.summary == "AddressSanitizer: stack-use-after-scope in ship(std::string const&) pitfalls/12_x_undefined.cpp:31");
  std::remove(program.c_str());
}

TEST_CASE("run_undefined tells a silent child, a missing program and a child that hangs", "[lab][undefined]")
{
  const auto silent = script_printing("asynclab_undefined_silent", "echo \"$1 ran\"");
  const auto quiet = lab::run_undefined(silent, lab::role::solution, "thread");
  CHECK(quiet.built);
  CHECK_FALSE(quiet.reported);
  CHECK(quiet.output == "solution ran\n");
  std::remove(silent.c_str());

  CHECK_FALSE(lab::run_undefined("/nonexistent/lesson_undefined", lab::role::pitfall, "address").built);

  const auto hangs = script_printing("asynclab_undefined_hangs", "sleep 30");
  const auto stopped = lab::run_undefined(hangs, lab::role::pitfall, "address", 1);
  CHECK_FALSE(stopped.reported);
  CHECK(stopped.output.find("stopped after 1 s") != std::string::npos);
  std::remove(hangs.c_str());
}
