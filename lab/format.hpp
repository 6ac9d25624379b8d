#pragma once
/// \file
/// Numbers as people read them: durations with a unit, counts with their digits grouped.

#include <chrono>
#include <string>

namespace lab {

/// A duration for people, three significant digits: "1.00 s", "100 ms", "12.0 us", "11.8 ns".
/// Takes fractions of a nanosecond, so that per-operation costs below 100 ns keep a decimal.
std::string human_duration(std::chrono::duration<double, std::nano> duration);

/// A predicted time, as a choice reads it: "about 1.00 s" for 1000 milliseconds.
std::string about_ms(long long milliseconds);

/// A count with its digits grouped: 1000000 as "1,000,000". Negative counts keep their sign.
std::string grouped(long long count);

}  // namespace lab
