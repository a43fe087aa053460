#include <gtest/gtest.h>

#include "spc/chart_test_util.h"

namespace kaizen::spc {
namespace {

using testing::kNaN;
using testing::NamedProfile;
using testing::TestSegment;

// x = {1, 3, 2, 6}: ranges {−, 2, 1, 4}, MR̄ = 7/3. UCL = 3.267·7/3 = 7.623;
// 2- and 1-sigma lines (k/3)·3.267·MR̄ = 5.082 and 2.541; every lower line 0.
TEST(MrChart, HandWorked) {
  TestSegment s({1, 3, 2, 6});
  ASSERT_TRUE(s.Run(ChartType::kMr, NamedProfile("mdc")).ok());
  EXPECT_TRUE(std::isnan(s.out_y[0]));
  EXPECT_DOUBLE_EQ(s.out_y[1], 2);
  EXPECT_DOUBLE_EQ(s.out_y[2], 1);
  EXPECT_DOUBLE_EQ(s.out_y[3], 4);
  EXPECT_NEAR(s.out.centre_value, 7.0 / 3, 1e-12);
  EXPECT_NEAR(s.out.mr_bar, 7.0 / 3, 1e-12);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_NEAR(s.centre[i], 7.0 / 3, 1e-12);
    EXPECT_LINES_NEAR(s, i, 1e-12, {0, 0, 0, 2.541, 5.082, 7.623});
  }
}

// A ghosted 100 and a missing point are stepped over: the range at point 3 is |2 − 3| = 1,
// so the ranges and MR̄ = 7/3 are as above; the ghosted and missing points plot no range.
TEST(MrChart, RangesSpanGhostedAndMissingPoints) {
  TestSegment s({1, 3, 100, kNaN, 2, 6});
  s.Ghost(2);
  ASSERT_TRUE(s.Run(ChartType::kMr, NamedProfile("mdc")).ok());
  EXPECT_TRUE(std::isnan(s.out_y[2]));
  EXPECT_TRUE(std::isnan(s.out_y[3]));
  EXPECT_DOUBLE_EQ(s.out_y[4], 1);
  EXPECT_NEAR(s.out.mr_bar, 7.0 / 3, 1e-12);
  EXPECT_NEAR(s.upper3[2], 7.623, 1e-12);
}

// Frozen after 3 points: ranges 2 and 1 estimate, MR̄ = 1.5, UCL = 4.9005.
TEST(MrChart, FrozenBaseline) {
  TestSegment s({1, 3, 2, 6});
  s.FreezeAfter(3);
  ASSERT_TRUE(s.Run(ChartType::kMr, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.mr_bar, 1.5);
  EXPECT_NEAR(s.upper3[3], 4.9005, 1e-12);
}

// Ranges {1, 1, 1, 1, 20}: MR̄ = 4.8. Screening (nhsr) would drop the 20 (≥ 3.267·4.8 = 15.7)
// from the X chart's sigma, but the mr chart's own centre is never screened.
TEST(MrChart, CentreIsNeverScreened) {
  TestSegment s({0, 1, 0, 1, 0, 20});
  ASSERT_TRUE(s.Run(ChartType::kMr, NamedProfile("nhsr")).ok());
  EXPECT_DOUBLE_EQ(s.out.mr_bar, 4.8);
}

TEST(MrChart, SinglePointHasNoRange) {
  TestSegment s({5, kNaN});
  EXPECT_EQ(s.Run(ChartType::kMr, NamedProfile("mdc")).code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(std::isnan(s.out_y[0]));
}

}  // namespace
}  // namespace kaizen::spc
