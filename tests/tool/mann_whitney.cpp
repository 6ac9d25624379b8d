// The U test against published reference values. compare.py calls
// scipy.stats.mannwhitneyu(x, y, alternative='two-sided'); its normal approximation with
// continuity correction is scipy's method="asymptotic", use_continuity=True, and R's
// wilcox.test(x, y, exact = FALSE, correct = TRUE) computes the same statistic and p-value.

#include "tool/mann_whitney.hpp"

#include <catch2/catch.hpp>

#include <vector>

using asynclab::tool::mann_whitney_u;

TEST_CASE("the U test matches scipy's documented asymptotic example", "[tool][mann_whitney]")
{
  // scipy.stats.mannwhitneyu reference, "Examples" (scipy 1.7 and later):
  // https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.mannwhitneyu.html
  //   males = [19, 22, 16, 29, 24]; females = [20, 11, 17, 12]
  //   U1 = 17.0; mannwhitneyu(males, females, method="asymptotic") -> p = 0.11134688653314041
  const std::vector<double> males = {19, 22, 16, 29, 24}, females = {20, 11, 17, 12};
  const auto result = mann_whitney_u(males, females);
  CHECK(result.u == 17.0);
  CHECK(result.p_value == Approx(0.11134688653314041).epsilon(1e-12));
}

TEST_CASE("the U test matches R's wilcox.test example with ties", "[tool][mann_whitney]")
{
  // R's documentation of wilcox.test (package stats, ?wilcox.test, "Examples"):
  //   wilcox.test(Ozone ~ Month, data = airquality, subset = Month %in% c(5, 8))
  //   "Wilcoxon rank sum test with continuity correction": W = 127.5, p-value = 0.0001208
  // (R warns "cannot compute exact p-value with ties" and uses the normal approximation with the
  // tie and continuity corrections.) The samples: R's airquality dataset, Ozone of May (month 5)
  // and August (month 8), missing values dropped.
  const std::vector<double> may = {41, 36, 12, 18, 28, 23, 19, 8, 7, 16, 11, 14, 18, 14, 34, 6, 30,
                                   11, 1,  11, 4,  32, 23, 45, 115, 37};
  const std::vector<double> august = {39, 9,  16, 78, 35, 66, 122, 89, 110, 44, 28,  65, 22,
                                      59, 23, 31, 44, 21, 9,  45,  168, 73, 76, 118, 84, 85};
  const auto result = mann_whitney_u(may, august);
  CHECK(result.u == 127.5);
  // R prints four significant digits.
  CHECK(result.p_value == Approx(0.0001208).epsilon(5e-4));
}

TEST_CASE("the U test is symmetric in its two samples", "[tool][mann_whitney]")
{
  const std::vector<double> first = {5.1, 5.3, 5.2, 5.6, 5.0}, second = {5.4, 5.9, 6.1, 5.8, 6.0, 5.7};
  const auto forwards = mann_whitney_u(first, second), backwards = mann_whitney_u(second, first);
  CHECK(forwards.u + backwards.u == 30.0);
  CHECK(forwards.p_value == Approx(backwards.p_value));
}

TEST_CASE("the U test cannot tell apart samples that are all tied", "[tool][mann_whitney]")
{
  const std::vector<double> first = {5, 5, 5}, second = {5, 5, 5, 5};
  const auto result = mann_whitney_u(first, second);
  CHECK(result.p_value == 1.0);
  CHECK(result.u == 6.0);
}

TEST_CASE("the U test separates nine fast repetitions from nine slow ones", "[tool][mann_whitney]")
{
  // With no overlap, U = 0 and z = (81/2 - 0.5) / sqrt(9 * 9 * 19 / 12): p = erfc(z / sqrt 2),
  // 4.1229e-4, far below compare.py's alpha of 0.05.
  const std::vector<double> fast = {1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8};
  const std::vector<double> slow = {2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8};
  const auto result = mann_whitney_u(fast, slow);
  CHECK(result.u == 0.0);
  CHECK(result.p_value == Approx(0.00041229).epsilon(1e-4));
}
