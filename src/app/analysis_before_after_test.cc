// CompareAroundChange (kaizen/app_analysis.h): the assembly of the tests and the SPC reading on
// a small series whose figures are worked out by hand below.
#include <gtest/gtest.h>

#include <cmath>

#include "kaizen/app_analysis.h"
#include "test_support.h"

namespace kaizen {
namespace {

// Six months alternating 10, 12 (mean 11), then eight alternating 20, 22 (mean 21), from
// January 2020; the change is the first "after" month, July 2020. Under the nhsr profile (XmR
// 2.66, limits from any number of points, a shift is 7 on one side; docs/profiles.md): mdc
// would draw no limits from six points.
AnalysedSeries StepSeries() {
  AnalysedSeries s;
  s.series = testing::MonthlyValues({10, 12, 10, 12, 10, 12, 20, 22, 20, 22, 20, 22, 20, 22});
  s.indicator = testing::MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "nhsr");
  Result<SeriesResult> r = AnalyseSeries(s.indicator, s.series);
  EXPECT_TRUE(r.ok()) << r.status().message();
  s.result = std::move(r).value();
  return s;
}

TEST(CompareAroundChangeTest, WelchTOnAStepByHand) {
  Result<BeforeAfter> ba = CompareAroundChange(StepSeries(), {.change = testing::Month(6)});
  ASSERT_TRUE(ba.ok()) << ba.status().message();
  EXPECT_EQ(ba->n_before, 6);
  EXPECT_EQ(ba->n_after, 8);
  ASSERT_TRUE(ba->welch.has_value());
  // By hand: before mean 11, s² = 6 × 1² / 5 = 1.2; after mean 21, s² = 8 × 1² / 7 = 8/7.
  // SE = √(1.2/6 + (8/7)/8) = √(0.2 + 0.142857) = 0.5855400; t = (11 − 21) / SE = −17.078251.
  // Welch–Satterthwaite df = SE⁴ / (0.2²/5 + 0.142857²/7) = 10.769231.
  EXPECT_DOUBLE_EQ(ba->welch->mean1, 11);
  EXPECT_DOUBLE_EQ(ba->welch->mean2, 21);
  EXPECT_NEAR(ba->welch->t, -17.078251, 1e-6);
  EXPECT_NEAR(ba->welch->df, 10.769231, 1e-6);
  EXPECT_LT(ba->welch->p_value, 1e-6);
  ASSERT_TRUE(ba->mann_whitney.has_value());
  // Every after value exceeds every before value: W = 0 (R's wilcox.test(before, after)).
  EXPECT_DOUBLE_EQ(ba->mann_whitney->w, 0);
  EXPECT_FALSE(ba->proportions.has_value());  // an XmR chart has no counts
}

TEST(CompareAroundChangeTest, JudgedAgainstTheLimitsOfThePointsBefore) {
  Result<BeforeAfter> ba = CompareAroundChange(StepSeries(), {.change = testing::Month(6)});
  ASSERT_TRUE(ba.ok()) << ba.status().message();
  // The six points before: x̄ = 11, five moving ranges of 2 (none above the screening limit
  // 3.267 × 2), MR̄ = 2, limits 11 ± 2.66 × 2 (Wheeler, Understanding Variation): 5.68 to 16.32.
  EXPECT_EQ(ba->limits_from, testing::Month(0));
  EXPECT_EQ(ba->limits_points, 6);
  EXPECT_DOUBLE_EQ(ba->limits_centre, 11);
  EXPECT_NEAR(ba->limits_lower, 5.68, 1e-9);
  EXPECT_NEAR(ba->limits_upper, 16.32, 1e-9);
  // Eight points above the centre from the change: a shift upward, an improvement.
  EXPECT_TRUE(ba->shift_after);
  EXPECT_EQ(ba->shift_side, Side::kHigh);
  EXPECT_EQ(ba->shift_class, PointClass::kImprovement);
  // Rebased at the change: each segment's centre is its own mean.
  EXPECT_DOUBLE_EQ(ba->centre_before, 11);
  EXPECT_DOUBLE_EQ(ba->centre_after, 21);
  EXPECT_NE(ba->spc_verdict.find("sustained upward shift (an improvement)"), std::string::npos)
      << ba->spc_verdict;
}

TEST(CompareAroundChangeTest, AChangeBeforeEveryPointIsRefused) {
  Result<BeforeAfter> ba = CompareAroundChange(StepSeries(), {.change = testing::Month(0)});
  ASSERT_FALSE(ba.ok());
  EXPECT_EQ(ba.status().message(),
            "2020-01-01 leaves no point before it; the data run from 2020-01-01 to 2021-02-01");
}

TEST(BeforeAfterRowsTest, TheSpcRowIsAYesOrNo) {
  Result<BeforeAfter> ba = CompareAroundChange(StepSeries(), {.change = testing::Month(6)});
  ASSERT_TRUE(ba.ok());
  const std::vector<BeforeAfterRow> rows = BeforeAfterRows(*ba);
  ASSERT_EQ(rows.size(), 3u);  // Welch, Mann–Whitney, SPC: no proportions
  EXPECT_EQ(rows[0].test, "welch_t");
  EXPECT_EQ(rows[0].statistic, ba->welch->t);
  EXPECT_EQ(rows[2].test, "spc_shift_after");
  EXPECT_EQ(rows[2].yes_no, std::optional<bool>(true));
}

}  // namespace
}  // namespace kaizen
