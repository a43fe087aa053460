#include <gtest/gtest.h>

#include "spc/chart_test_util.h"

namespace kaizen::spc {
namespace {

using testing::kNaN;
using testing::NamedProfile;
using testing::TestSegment;

// Events {2, 18} over exposures {1, 4}: ū = 20/5 = 4.
// Point 0 (n = 1): σ = √(4/1) = 2, lines 4 ± 2k = −2→0, 0, 2 | 6, 8, 10.
// Point 1 (n = 4): σ = √(4/4) = 1, lines 1, 2, 3 | 5, 6, 7.
// Point 2 is missing (n = 16): σ = √(4/16) = 0.5, lines 2.5, 3, 3.5 | 4.5, 5, 5.5.
// Point 3 is ghosted (100 events over 1): no weight in ū.
TEST(UChart, HandWorkedVaryingExposure) {
  TestSegment s = TestSegment::Ratio({2, 18, kNaN, 100}, {1, 4, 16, 1});
  s.Ghost(3);
  ASSERT_TRUE(s.Run(ChartType::kU, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 4.0);
  EXPECT_DOUBLE_EQ(s.out.sigma, 2.0);  // at n = 1
  EXPECT_LINES_NEAR(s, 0, 1e-12, {0, 0, 2, 6, 8, 10});
  EXPECT_LINES_NEAR(s, 1, 1e-12, {1, 2, 3, 5, 6, 7});
  EXPECT_LINES_NEAR(s, 2, 1e-12, {2.5, 3, 3.5, 4.5, 5, 5.5});
  EXPECT_LINES_NEAR(s, 3, 1e-12, {0, 0, 2, 6, 8, 10});
  EXPECT_DOUBLE_EQ(s.out_y[1], 4.5);
}

// Without a numerator column the counts come from y·n: the same ū = 4.
TEST(UChart, CountsFromRateTimesExposure) {
  TestSegment s = TestSegment::Ratio({2, 18}, {1, 4});
  s.numerator.clear();
  ASSERT_TRUE(s.Run(ChartType::kU, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 4.0);
}

// Frozen after the first point: ū = 2/1 = 2, point 1 (n = 4): σ = √(2/4) = 0.7071.
TEST(UChart, FrozenBaseline) {
  TestSegment s = TestSegment::Ratio({2, 18}, {1, 4});
  s.FreezeAfter(1);
  ASSERT_TRUE(s.Run(ChartType::kU, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 2.0);
  EXPECT_NEAR(s.upper3[1], 2 + 3 * std::sqrt(0.5), 1e-12);
}

TEST(UChart, NonPositiveExposureIsInvalid) {
  TestSegment s = TestSegment::Ratio({2, 18}, {1, 0});
  s.y[1] = 5;  // a value the engine should never have let through with n = 0
  EXPECT_EQ(s.Run(ChartType::kU, NamedProfile("mdc")).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kaizen::spc
