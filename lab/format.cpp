#include "lab/format.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace lab {

std::string human_duration(std::chrono::duration<double, std::nano> duration)
{
  const double ns = duration.count();
  const auto three_digits = [](double value, const char* unit) {
    if (value >= 100) return fmt::format("{:.0f} {}", value, unit);
    if (value >= 10) return fmt::format("{:.1f} {}", value, unit);
    return fmt::format("{:.2f} {}", value, unit);
  };
  if (ns >= 1e9) return fmt::format("{:.2f} s", ns / 1e9);
  if (ns >= 1e6) return three_digits(ns / 1e6, "ms");
  if (ns >= 1e3) return three_digits(ns / 1e3, "us");
  if (ns >= 100) return fmt::format("{:.0f} ns", ns);
  return three_digits(ns, "ns");
}

std::string about_ms(long long milliseconds)
{
  return "about " + human_duration(std::chrono::milliseconds(milliseconds));
}

std::string grouped(long long count)
{
  // fmt 9's group_digits garbles negative numbers, so the sign is written apart.
  const auto digits = fmt::format("{}", fmt::group_digits(std::llabs(count)));
  return count < 0 ? "-" + digits : digits;
}

}  // namespace lab
