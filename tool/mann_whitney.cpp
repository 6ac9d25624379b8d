#include "tool/mann_whitney.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace asynclab::tool {

u_test_result mann_whitney_u(std::span<const double> first, std::span<const double> second)
{
  const double n1 = static_cast<double>(first.size()), n2 = static_cast<double>(second.size());
  const double n = n1 + n2;

  // Every value with the sample it came from, in increasing order.
  std::vector<std::pair<double, bool>> pooled;
  for (const double value : first) pooled.emplace_back(value, true);
  for (const double value : second) pooled.emplace_back(value, false);
  std::sort(pooled.begin(), pooled.end());

  // Ranks from 1; a run of tied values shares the average of its ranks. Each run of t ties takes
  // t^3 - t out of the variance.
  double first_rank_sum = 0, ties = 0;
  for (std::size_t begin = 0; begin < pooled.size();) {
    std::size_t end = begin;
    while (end < pooled.size() && pooled[end].first == pooled[begin].first) ++end;
    const double tied = static_cast<double>(end - begin);
    const double average_rank = static_cast<double>(begin + end + 1) / 2;
    for (std::size_t i = begin; i < end; ++i)
      if (pooled[i].second) first_rank_sum += average_rank;
    ties += tied * tied * tied - tied;
    begin = end;
  }

  u_test_result result;
  result.u = first_rank_sum - n1 * (n1 + 1) / 2;
  const double mean = n1 * n2 / 2;
  const double variance = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)));
  if (variance <= 0) return result;  // all values tied: nothing to tell apart

  // scipy takes the larger of U1 and U2 and moves it half a step towards the mean, since a
  // discrete statistic is compared with a continuous distribution.
  const double larger_u = std::max(result.u, n1 * n2 - result.u);
  result.z = (larger_u - mean - 0.5) / std::sqrt(variance);
  result.p_value = std::min(1.0, std::erfc(result.z / std::sqrt(2.0)));
  return result;
}

}  // namespace asynclab::tool
