#pragma once
/// \file
/// The two-sided Mann-Whitney U test, as Google Benchmark's `tools/compare.py` runs it through
/// `scipy.stats.mannwhitneyu`: the normal approximation, with the tie correction and the
/// continuity correction (scipy's `method="asymptotic"`, `use_continuity=True`).

#include <span>

namespace asynclab::tool {

/// What the U test says about two samples.
struct u_test_result {
  double u = 0;        ///< U of the first sample: how often one of its values beats one of the second's
  double z = 0;        ///< the distance of U from its mean, in standard deviations, continuity-corrected
  double p_value = 1;  ///< two-sided: the chance of a difference at least this large if both came from one distribution
};

/// compare.py computes the U test from 2 repetitions and calls the result unreliable below 9.
inline constexpr int u_test_min_repetitions = 2;
/// The fewest repetitions per side for which compare.py trusts the U test.
inline constexpr int u_test_recommended_repetitions = 9;

/// The two-sided Mann-Whitney U test of `first` against `second`. Tied values get their average
/// rank and shrink the variance; p is 1 when every value is tied. Both samples must be non-empty.
u_test_result mann_whitney_u(std::span<const double> first, std::span<const double> second);

}  // namespace asynclab::tool
