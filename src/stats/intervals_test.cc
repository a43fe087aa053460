#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "kaizen/stats.h"

namespace kaizen {
namespace {

// Expected values from an independent Python/mpmath script (30 digits): the t and chi-square
// quantiles by root-finding on mpmath's regularised incomplete beta and gamma, and the median
// interval by a line-by-line transcription of Wilcox's sint() (Hettmansperger & Sheather 1986):
//   k = qbinom(a/2, n, .5); gk = pbinom(n-k) - pbinom(k-1); if gk < 1-a: k -= 1 (recompute);
//   gkp1 = pbinom(n-k-1) - pbinom(k); I = (gk - 1 + a)/(gk - gkp1);
//   lam = (n-k) I / (k + (n-2k) I); low = lam x[k+1] + (1-lam) x[k];
//   high = lam x[n-k] + (1-lam) x[n-k+1].
// Cross-checks by hand from printed tables: t(0.975, 9) = 2.262157, so the mean interval is
// 4.983 ± 2.262157 · 0.504458 = (3.84184, 6.12416); χ²(0.975, 9) = 19.02277 and χ²(0.025, 9) =
// 2.700389, so the sd interval is 1.595236 · sqrt(9 / 19.02277) = 1.09726 and
// 1.595236 · sqrt(9 / 2.700389) = 2.91228.
TEST(SummaryIntervalsTest, TenValuesMatchAnIndependentComputation) {
  const std::vector<double> x = {3.13, 3.48, 3.50, 4.70, 4.76, 4.82, 5.28, 5.67, 5.82, 8.67};
  Result<SummaryIntervals> r = SummaryConfidenceIntervals(x);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->n, 10u);
  EXPECT_NEAR(r->se_mean, 0.504458014991226889, 1e-12);
  EXPECT_NEAR(r->mean.lower, 3.84183668805663187, 1e-10);
  EXPECT_NEAR(r->mean.upper, 6.12416331194336824, 1e-10);
  EXPECT_NEAR(r->sd.lower, 1.09725969799630100, 1e-10);
  EXPECT_NEAR(r->sd.upper, 2.91227965343359169, 1e-10);
  EXPECT_NEAR(r->median.lower, 3.49315315315315315, 1e-10);
  EXPECT_NEAR(r->median.upper, 5.72135135135135140, 1e-10);
  EXPECT_DOUBLE_EQ(r->median_achieved, 0.95);
}

// n = 20 with ties: the interpolation lands exactly on the order statistics 13 and 17 (both
// neighbours equal), by the same script; mean 15, sd 3.906809170504344.
TEST(SummaryIntervalsTest, TwentyValuesWithTies) {
  const std::vector<double> x = {12, 15, 9,  20, 17, 11, 14, 16, 13, 18,
                                 22, 10, 19, 15, 14, 21, 8,  16, 17, 13};
  Result<SummaryIntervals> r = SummaryConfidenceIntervals(x);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->se_mean, 0.873589088036728001, 1e-12);
  EXPECT_NEAR(r->mean.lower, 13.1715570250705101, 1e-10);
  EXPECT_NEAR(r->mean.upper, 16.8284429749294899, 1e-10);
  EXPECT_NEAR(r->sd.lower, 2.97109084664841766, 1e-10);
  EXPECT_NEAR(r->sd.upper, 5.70617466216909912, 1e-10);
  EXPECT_NEAR(r->median.lower, 13, 1e-10);
  EXPECT_NEAR(r->median.upper, 17, 1e-10);
}

// Five values: even [min, max] covers only 1 - 2 / 2^5 = 0.9375 < 0.95, so those are reported
// with the coverage they have.
TEST(SummaryIntervalsTest, TooFewValuesForTheMedianIntervalReportTheRangeAndItsCoverage) {
  const std::vector<double> x = {4, 1, 3, 5, 2};
  Result<SummaryIntervals> r = SummaryConfidenceIntervals(x);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->median.lower, 1);
  EXPECT_EQ(r->median.upper, 5);
  EXPECT_DOUBLE_EQ(r->median_achieved, 0.9375);
}

TEST(SummaryIntervalsTest, OneValueLeavesEveryIntervalUndefinedAndMissingValuesAreSkipped) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> x = {nan, 7, nan};
  Result<SummaryIntervals> r = SummaryConfidenceIntervals(x);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->n, 1u);
  EXPECT_TRUE(std::isnan(r->se_mean));
  EXPECT_TRUE(std::isnan(r->mean.lower));
  EXPECT_TRUE(std::isnan(r->median.upper));
  EXPECT_TRUE(std::isnan(r->sd.upper));
}

TEST(SummaryIntervalsTest, RejectsABadConfidenceAndInfinity) {
  const std::vector<double> x = {1, 2, 3};
  EXPECT_FALSE(SummaryConfidenceIntervals(x, 1.0).ok());
  EXPECT_FALSE(SummaryConfidenceIntervals(x, 0.0).ok());
  const std::vector<double> inf = {1, std::numeric_limits<double>::infinity()};
  EXPECT_FALSE(SummaryConfidenceIntervals(inf).ok());
}

}  // namespace
}  // namespace kaizen
