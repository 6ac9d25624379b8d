#include "lab/latencies.hpp"

#include <algorithm>
#include <cmath>

namespace lab {

std::chrono::nanoseconds latencies::percentile(double percent) const
{
  if (all_.empty()) return {};
  // Nearest rank: the ceil(p/100 x n)-th smallest, counted from 1, and at least the first.
  const auto rank = static_cast<std::size_t>(std::ceil(percent / 100.0 * static_cast<double>(all_.size())));
  auto sorted = all_;
  const auto nth = sorted.begin() + static_cast<std::ptrdiff_t>(std::clamp<std::size_t>(rank, 1, sorted.size()) - 1);
  std::nth_element(sorted.begin(), nth, sorted.end());
  return *nth;
}

std::chrono::nanoseconds latencies::mean() const
{
  if (all_.empty()) return {};
  std::chrono::nanoseconds total{};
  for (const auto took : all_) total += took;
  return total / static_cast<long long>(all_.size());
}

int latencies::at_least(std::chrono::nanoseconds bound) const
{
  return static_cast<int>(std::ranges::count_if(all_, [bound](auto took) { return took >= bound; }));
}

}  // namespace lab
