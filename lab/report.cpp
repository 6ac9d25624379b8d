#include "lab/report.hpp"

#include "lab/format.hpp"

#include <fmt/format.h>

namespace lab {

observation count_of(std::string key, std::string label, long long count, long long whole)
{
  return {std::move(key), std::move(label), fmt::format("{} of {}", grouped(count), grouped(whole)),
          static_cast<double>(count)};
}

observation count_of(std::string key, std::string label, long long count)
{
  return {std::move(key), std::move(label), grouped(count), static_cast<double>(count)};
}

observation duration_of(std::string key, std::string label, std::chrono::nanoseconds duration)
{
  return {std::move(key), std::move(label), human_duration(duration),
          std::chrono::duration<double>(duration).count()};
}

observation yes_no(std::string key, std::string label, bool yes)
{
  return {std::move(key), std::move(label), yes ? "yes" : "no", yes ? 1.0 : 0.0};
}

}  // namespace lab
