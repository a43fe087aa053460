#include <gtest/gtest.h>

#include "spc/chart_test_util.h"

namespace kaizen::spc {
namespace {

using testing::kNaN;
using testing::NamedProfile;
using testing::TestSegment;

// {1, 2, 3, 10}: mean m = 4, median 2.5, σ = √(4·5) = √20 = 4.472136.
// Lines 4 ± 4.472136k = −9.416→0, −4.944→0, −0.472→0 | 8.472136, 12.944272, 17.416408.
// The centre drawn is the median, 2.5.
TEST(GChart, HandWorkedMedianCentreMeanLimits) {
  TestSegment s({1, 2, 3, 10});
  ASSERT_TRUE(s.Run(ChartType::kG, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 2.5);
  EXPECT_NEAR(s.out.sigma, std::sqrt(20.0), 1e-12);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_DOUBLE_EQ(s.centre[i], 2.5);
    EXPECT_LINES_NEAR(s, i, 1e-6, {0, 0, 0, 8.472136, 12.944272, 17.416408});
  }
}

// Ghosted 500, a missing point and a point after the frozen baseline weigh nothing.
TEST(GChart, GhostMissingAndFrozenBaseline) {
  TestSegment s({1, 500, 2, kNaN, 3, 10, 90});
  s.Ghost(1);
  s.FreezeAfter(4);
  ASSERT_TRUE(s.Run(ChartType::kG, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 2.5);
  EXPECT_NEAR(s.upper3[3], 17.416408, 1e-6);
  EXPECT_NEAR(s.upper3[6], 17.416408, 1e-6);
}

TEST(GChart, NegativeCountIsInvalid) {
  TestSegment s({1, -2});
  EXPECT_EQ(s.Run(ChartType::kG, NamedProfile("mdc")).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kaizen::spc
