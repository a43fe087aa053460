#include <gtest/gtest.h>

#include <cmath>

#include "spc/chart_test_util.h"

namespace kaizen::spc {
namespace {

using testing::kNaN;
using testing::NamedProfile;
using testing::TestSegment;

// y = {1, 2^3.6, 1, 2^3.6}: transformed {1, 2, 1, 2}, mean 1.5, every moving range 1, MR̄ = 1.
// Under mdc σ = 2.66/3 = 0.886667 on the transformed scale: lines 1.5 ± 0.886667k =
// −1.16, −0.273333, 0.613333 | 2.386667, 3.273333, 4.16. Back-transformed with ^3.6, the two
// negative ones become 0: 0, 0, 0.613333^3.6 = 0.172071 | 22.911333, 71.443848, 169.330812;
// centre 1.5^3.6 = 4.304558.
TEST(TChart, HandWorkedBackTransform) {
  const double two = std::pow(2.0, 3.6);
  TestSegment s({1, two, 1, two});
  ASSERT_TRUE(s.Run(ChartType::kT, NamedProfile("mdc")).ok());
  EXPECT_TRUE(s.out.has_limits);
  EXPECT_NEAR(s.out.centre_value, 4.304558, 1e-6);
  EXPECT_NEAR(s.out.mr_bar, 1.0, 1e-12);  // on the transformed scale
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_NEAR(s.centre[i], 4.304558, 1e-6);
    EXPECT_LINES_NEAR(s, i, 1e-5, {0, 0, 0.172071, 22.911333, 71.443848, 169.330812});
    EXPECT_DOUBLE_EQ(s.out_y[i], s.y[i]);  // the plotted value is the time, not its root
  }
}

// Ghosted and missing points are stepped over and still get lines; the frozen baseline
// keeps the later 5000 out of the estimates.
TEST(TChart, GhostMissingAndFrozenBaseline) {
  const double two = std::pow(2.0, 3.6);
  TestSegment s({1, 800, two, kNaN, 1, two, 5000});
  s.Ghost(1);
  s.FreezeAfter(4);
  ASSERT_TRUE(s.Run(ChartType::kT, NamedProfile("mdc")).ok());
  EXPECT_NEAR(s.out.centre_value, 4.304558, 1e-6);
  EXPECT_NEAR(s.upper3[1], 169.330812, 1e-5);
  EXPECT_NEAR(s.upper3[3], 169.330812, 1e-5);
  EXPECT_DOUBLE_EQ(s.out_y[6], 5000);
}

// spc-spec.md, "Edge cases": non-positive times. 0 is accepted (0^(1/3.6) = 0); a negative
// time is a data error.
TEST(TChart, ZeroAcceptedNegativeInvalid) {
  TestSegment zero({0, 1, 0, 1});
  ASSERT_TRUE(zero.Run(ChartType::kT, NamedProfile("mdc")).ok());
  EXPECT_NEAR(zero.out.centre_value, std::pow(0.5, 3.6), 1e-12);
  TestSegment negative({1, -1, 2});
  EXPECT_EQ(negative.Run(ChartType::kT, NamedProfile("mdc")).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kaizen::spc
