#include <gtest/gtest.h>

#include "spc/chart_test_util.h"

namespace kaizen::spc {
namespace {

using testing::kNaN;
using testing::NamedProfile;
using testing::TestSegment;

// {1, 3} of {4, 4}: p̄ = 4/8 = 0.5, σ = √(0.5·0.5/4) = 0.25.
// Lines 0.5 ± 0.25k = −0.25, 0, 0.25 | 0.75, 1, 1.25, clipped to [0, 1]: 0, 0, 0.25 | 0.75, 1, 1.
// Point 2 is missing with n = 100: σ = 0.5/10 = 0.05, lines 0.35, 0.4, 0.45 | 0.55, 0.6, 0.65.
TEST(PChart, HandWorkedWithClippingBothEnds) {
  TestSegment s = TestSegment::Ratio({1, 3, kNaN}, {4, 4, 100});
  ASSERT_TRUE(s.Run(ChartType::kP, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 0.5);
  EXPECT_DOUBLE_EQ(s.out.sigma, 0.5);  // √(p̄(1 − p̄)) at n = 1
  EXPECT_LINES_NEAR(s, 0, 1e-12, {0, 0, 0.25, 0.75, 1, 1});
  EXPECT_LINES_NEAR(s, 1, 1e-12, {0, 0, 0.25, 0.75, 1, 1});
  EXPECT_LINES_NEAR(s, 2, 1e-12, {0.35, 0.4, 0.45, 0.55, 0.6, 0.65});
  EXPECT_DOUBLE_EQ(s.centre[2], 0.5);
}

// A frozen baseline and a ghost: 4 of 4 after the freeze and the ghosted 0 of 4 add nothing,
// p̄ stays 0.5.
TEST(PChart, FrozenBaselineAndGhost) {
  TestSegment s = TestSegment::Ratio({1, 0, 3, 4}, {4, 4, 4, 4});
  s.Ghost(1);
  s.FreezeAfter(2);
  ASSERT_TRUE(s.Run(ChartType::kP, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 0.5);
  EXPECT_LINES_NEAR(s, 3, 1e-12, {0, 0, 0.25, 0.75, 1, 1});
}

// A point without a usable n gets a centre but no lines.
TEST(PChart, UnknownDenominatorHasNoLines) {
  TestSegment s = TestSegment::Ratio({1, 3, kNaN}, {4, 4, kNaN});
  ASSERT_TRUE(s.Run(ChartType::kP, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.centre[2], 0.5);
  EXPECT_LINES_NEAR(s, 2, 0, {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN});
}

// spc-spec.md, "Edge cases": denominators ≤ 0 or smaller than the numerator.
TEST(PChart, NumeratorAboveDenominatorIsInvalid) {
  TestSegment s = TestSegment::Ratio({1, 5}, {4, 4});
  EXPECT_EQ(s.Run(ChartType::kP, NamedProfile("mdc")).code(), StatusCode::kInvalidArgument);
}

TEST(PChart, ZeroDenominatorIsInvalid) {
  TestSegment s = TestSegment::Ratio({1, 0}, {4, 0});
  s.y[1] = 0.0;
  s.kept[1] = s.estimate[1] = 1;
  EXPECT_EQ(s.Run(ChartType::kP, NamedProfile("mdc")).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kaizen::spc
