#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "kaizen/stats.h"

namespace kaizen {
namespace {

// 1..9 and 30: type-7 quartiles 3.25, 5.5 and 7.75 (Python's statistics.quantiles(v, n=4,
// method='inclusive') agrees), IQR 4.5, fences 3.25 − 6.75 = −3.5 and 7.75 + 6.75 = 14.5: 30 is
// the one outlier and the whiskers run from 1 to 9.
TEST(ComputeBoxStats, TukeyFencesAtOneAndAHalfIqr) {
  const std::vector<double> v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 30};
  const BoxStats b = ComputeBoxStats(v);
  EXPECT_EQ(b.n, 10u);
  EXPECT_DOUBLE_EQ(b.q1, 3.25);
  EXPECT_DOUBLE_EQ(b.median, 5.5);
  EXPECT_DOUBLE_EQ(b.q3, 7.75);
  EXPECT_EQ(b.low, 1);
  EXPECT_EQ(b.high, 9);
  EXPECT_EQ(b.outliers, (std::vector<double>{30}));
}

// −20, 1..5 (NaN and infinity left out, n = 6): quartiles 1.25, 2.5, 3.75 (type 7), IQR 2.5,
// lower fence 1.25 − 3.75 = −2.5, so −20 is an outlier and the lower whisker stops at 1.
TEST(ComputeBoxStats, LeavesOutNonFiniteValuesAndFindsLowOutliers) {
  const std::vector<double> v = {-20, 1, 2, 3, 4, 5, NAN, INFINITY};
  const BoxStats b = ComputeBoxStats(v);
  EXPECT_EQ(b.n, 6u);
  EXPECT_DOUBLE_EQ(b.q1, 1.25);
  EXPECT_DOUBLE_EQ(b.median, 2.5);
  EXPECT_DOUBLE_EQ(b.q3, 3.75);
  EXPECT_EQ(b.low, 1);
  EXPECT_EQ(b.high, 5);
  EXPECT_EQ(b.outliers, (std::vector<double>{-20}));
}

// 40, 1..9, 30 (n = 11): quartiles 3.5, 6, 8.5, upper fence 8.5 + 7.5 = 16: 30 and 40 are
// outliers, listed ascending whatever order they came in.
TEST(ComputeBoxStats, OutliersAscending) {
  const std::vector<double> v = {40, 1, 2, 3, 4, 5, 6, 7, 8, 9, 30};
  const BoxStats b = ComputeBoxStats(v);
  EXPECT_DOUBLE_EQ(b.median, 6);
  EXPECT_EQ(b.high, 9);
  EXPECT_EQ(b.outliers, (std::vector<double>{30, 40}));
}

TEST(ComputeBoxStats, EqualValuesHaveNoSpreadAndNoOutliers) {
  const std::vector<double> v = {4, 4, 4};
  const BoxStats b = ComputeBoxStats(v);
  EXPECT_EQ(b.q1, 4);
  EXPECT_EQ(b.q3, 4);
  EXPECT_EQ(b.low, 4);
  EXPECT_EQ(b.high, 4);
  EXPECT_TRUE(b.outliers.empty());
}

TEST(ComputeBoxStats, NoFiniteValueGivesAnEmptyBox) {
  const std::vector<double> v = {NAN, -INFINITY};
  const BoxStats b = ComputeBoxStats(v);
  EXPECT_EQ(b.n, 0u);
  EXPECT_TRUE(std::isnan(b.median));
  EXPECT_TRUE(std::isnan(b.low));
  EXPECT_TRUE(b.outliers.empty());
}

}  // namespace
}  // namespace kaizen
