#include "lab/expectations.hpp"

#include "lab/format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <stdexcept>

namespace lab {

std::ostream& operator<<(std::ostream& out, const expectation& expected)
{
  return out << expected.claim << ": " << expected.evidence;
}

const expectation& expectations::operator[](std::string_view claim) const
{
  const auto found = std::ranges::find(all_, claim, &expectation::claim);
  if (found == all_.end()) throw std::out_of_range("no expectation claims '" + std::string(claim) + "'");
  return *found;
}

bool expectations::all_hold() const { return std::ranges::all_of(all_, &expectation::holds); }

std::vector<expectation> expectations::failed() const
{
  std::vector<expectation> missed;
  std::ranges::copy_if(all_, std::back_inserter(missed), [](const auto& e) { return !e.holds; });
  return missed;
}

expectation expect_equal(std::string claim, std::string what, long long measured, long long wanted)
{
  return {std::move(claim), measured == wanted,
          fmt::format("{}: {}, expected {}", what, grouped(measured), grouped(wanted))};
}

expectation expect_at_least(std::string claim, std::string what, std::chrono::nanoseconds measured,
                            std::chrono::nanoseconds bound)
{
  return {std::move(claim), measured >= bound,
          fmt::format("{}: {}, expected at least {}", what, human_duration(measured), human_duration(bound))};
}

expectation expect_below(std::string claim, std::string what, std::chrono::nanoseconds measured,
                         std::chrono::nanoseconds bound)
{
  return {std::move(claim), measured < bound,
          fmt::format("{}: {}, expected below {}", what, human_duration(measured), human_duration(bound))};
}

expectation expect_yes_no(std::string claim, std::string what, bool measured, bool wanted)
{
  return {std::move(claim), measured == wanted,
          fmt::format("{}: {}, expected {}", what, measured ? "yes" : "no", wanted ? "yes" : "no")};
}

}  // namespace lab
