#pragma once
/// \file
/// Runs a lesson's undefined program (`lab/undefined.hpp`) as a child process and reads what its
/// sanitizer said, so that a lesson can show a real report while its own run stays safe.

#include "lab/lesson.hpp"

#include <string>

namespace lab {

/// What the child showed.
struct undefined_run {
  bool built = false;     ///< this build has the program (a build with another sanitizer has not)
  bool reported = false;  ///< the sanitizer reported an error
  std::string summary;    ///< its SUMMARY line, e.g. "AddressSanitizer: stack-use-after-return ..."
  std::string output;     ///< everything the child wrote, for the curious
};

/// "AddressSanitizer" for "address", "ThreadSanitizer" for "thread".
std::string sanitizer_name(const std::string& sanitizer);

/// Runs `program pitfall|solution` (normally this executable's path with `_undefined` appended)
/// with the sanitizer's options (AddressSanitizer must look for stack use after return, which g++
/// needs to catch a dangling coroutine reference), at most `seconds` long.
undefined_run run_undefined(const std::string& program, role which, const std::string& sanitizer, int seconds = 30);

/// This executable's path with `_undefined` appended, from `/proc/self/exe`.
std::string undefined_program();

}  // namespace lab
