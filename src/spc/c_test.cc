#include <gtest/gtest.h>

#include "spc/chart_test_util.h"

namespace kaizen::spc {
namespace {

using testing::kNaN;
using testing::NamedProfile;
using testing::TestSegment;

// c̄ = (2 + 4 + 6)/3 = 4, σ = √4 = 2: lines 4 ± 2k = −2, 0, 2 | 6, 8, 10; −2 floors at 0.
TEST(CChart, HandWorkedWithFloorAtZero) {
  TestSegment s({2, 4, 6});
  ASSERT_TRUE(s.Run(ChartType::kC, NamedProfile("mdc")).ok());
  EXPECT_TRUE(s.out.has_limits);
  EXPECT_DOUBLE_EQ(s.out.centre_value, 4.0);
  EXPECT_DOUBLE_EQ(s.out.sigma, 2.0);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_DOUBLE_EQ(s.centre[i], 4.0);
    EXPECT_LINES_NEAR(s, i, 1e-12, {0, 0, 2, 6, 8, 10});
    EXPECT_DOUBLE_EQ(s.out_y[i], s.y[i]);
  }
}

// The ghosted 100 and the missing point feed nothing (c̄ = 4 as above) but still get lines.
TEST(CChart, GhostedAndMissingPointsGetLinesButNoWeight) {
  TestSegment s({2, 100, 4, kNaN, 6});
  s.Ghost(1);
  ASSERT_TRUE(s.Run(ChartType::kC, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 4.0);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_LINES_NEAR(s, i, 1e-12, {0, 0, 2, 6, 8, 10});
  EXPECT_DOUBLE_EQ(s.out_y[1], 100.0);
  EXPECT_TRUE(std::isnan(s.out_y[3]));
}

// Frozen after 3 points: c̄ = 4 from {2, 4, 6}; the later 9 and 16 are judged, not used.
TEST(CChart, FrozenBaseline) {
  TestSegment s({2, 4, 6, 9, 16});
  s.FreezeAfter(3);
  ASSERT_TRUE(s.Run(ChartType::kC, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 4.0);
  EXPECT_LINES_NEAR(s, 4, 1e-12, {0, 0, 2, 6, 8, 10});
}

// All zero counts: c̄ = 0 and σ = 0, so every line sits on the centre.
TEST(CChart, AllZero) {
  TestSegment s({0, 0, 0});
  ASSERT_TRUE(s.Run(ChartType::kC, NamedProfile("mdc")).ok());
  EXPECT_LINES_NEAR(s, 0, 0.0, {0, 0, 0, 0, 0, 0});
}

TEST(CChart, NegativeCountIsInvalid) {
  TestSegment s({2, -1, 6});
  EXPECT_EQ(s.Run(ChartType::kC, NamedProfile("mdc")).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(std::isnan(s.upper3[0]));
}

TEST(CChart, NoEstimatingPointIsFailedPrecondition) {
  TestSegment s({kNaN, kNaN});
  EXPECT_EQ(s.Run(ChartType::kC, NamedProfile("mdc")).code(), StatusCode::kFailedPrecondition);
  EXPECT_FALSE(s.out.has_limits);
  EXPECT_TRUE(std::isnan(s.centre[0]));
}

}  // namespace
}  // namespace kaizen::spc
