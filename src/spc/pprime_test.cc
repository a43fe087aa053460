#include <gtest/gtest.h>

#include "spc/chart_test_util.h"

namespace kaizen::spc {
namespace {

using testing::kNaN;
using testing::NamedProfile;
using testing::TestSegment;

// {45, 55, 40, 60} of 100 each: p̄ = 200/400 = 0.5, binomial σᵢ = √(0.25/100) = 0.05.
// z = {−1, 1, −2, 2}, moving ranges {2, 3, 4}, MR̄(z) = 3. Under mdc (2.66 for 3 sigma)
// σz = (2.66/3)·3 = 2.66, so σᵢ·σz = 0.133 and the lines are 0.5 ± 0.133k =
// 0.101, 0.234, 0.367 | 0.633, 0.766, 0.899.
TEST(PPrimeChart, HandWorked) {
  TestSegment s = TestSegment::Ratio({45, 55, 40, 60}, {100, 100, 100, 100});
  ASSERT_TRUE(s.Run(ChartType::kPPrime, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 0.5);
  EXPECT_NEAR(s.out.mr_bar, 3.0, 1e-12);
  EXPECT_NEAR(s.out.sigma, 0.5 * 2.66, 1e-12);  // at n = 1
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_LINES_NEAR(s, i, 1e-12, {0.101, 0.234, 0.367, 0.633, 0.766, 0.899});
  }
}

// The same under qicharts2 (3/1.128): σz = 3/1.128 = 2.659574, UCL = 0.5 + 3·0.05·2.659574.
TEST(PPrimeChart, SigmaConstantFollowsProfile) {
  TestSegment s = TestSegment::Ratio({45, 55, 40, 60}, {100, 100, 100, 100});
  ASSERT_TRUE(s.Run(ChartType::kPPrime, NamedProfile("qicharts2")).ok());
  EXPECT_NEAR(s.upper3[0], 0.5 + 0.15 * 3 / 1.128, 1e-12);
}

// A ghosted and a missing point between them change nothing: the z ranges span them.
// The missing point (n = 25: σᵢ = 0.1) still gets lines 0.5 ± 0.266k: 0.766 at 1 sigma,
// 1.298 at 3 sigma, clipped to 1.
TEST(PPrimeChart, GhostAndMissingAreSteppedOver) {
  TestSegment s = TestSegment::Ratio({45, 55, 99, kNaN, 40, 60}, {100, 100, 100, 25, 100, 100});
  s.Ghost(2);
  ASSERT_TRUE(s.Run(ChartType::kPPrime, NamedProfile("mdc")).ok());
  EXPECT_NEAR(s.out.mr_bar, 3.0, 1e-12);
  EXPECT_NEAR(s.upper1[3], 0.766, 1e-12);
  EXPECT_DOUBLE_EQ(s.upper3[3], 1.0);
}

// Frozen after 3 points: p̄ = 140/300, and the fourth point's 60 of 100 weighs nothing.
TEST(PPrimeChart, FrozenBaseline) {
  TestSegment s = TestSegment::Ratio({45, 55, 40, 60}, {100, 100, 100, 100});
  s.FreezeAfter(3);
  ASSERT_TRUE(s.Run(ChartType::kPPrime, NamedProfile("mdc")).ok());
  EXPECT_NEAR(s.out.centre_value, 140.0 / 300.0, 1e-15);
}

// {0, 2, 0, 2} of 4: p̄ = 0.25, σᵢ = √(0.1875/4) = 0.216506, z = −0.25/σᵢ and 0.25/σᵢ
// (±1.154701), every moving range 0.5/σᵢ = 2.309401, σz (mdc) = (2.66/3)·2.309401 = 2.047669,
// σᵢ·σz = (2.66/3)·0.5 = 0.443333: 0.25 − 1.33 < 0 and 0.25 + 1.33 > 1, so the 3-sigma lines
// clip to 0 and 1.
TEST(PPrimeChart, ClipsToZeroAndOne) {
  TestSegment s = TestSegment::Ratio({0, 2, 0, 2}, {4, 4, 4, 4});
  ASSERT_TRUE(s.Run(ChartType::kPPrime, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.lower3[0], 0.0);
  EXPECT_DOUBLE_EQ(s.upper3[0], 1.0);
  EXPECT_NEAR(s.upper1[0], 0.25 + 0.443333, 1e-6);
}

// p̄ = 0: the binomial sigma is 0, every z is 0 and the lines collapse onto the centre.
TEST(PPrimeChart, AllZeroProportions) {
  TestSegment s = TestSegment::Ratio({0, 0, 0}, {10, 20, 30});
  ASSERT_TRUE(s.Run(ChartType::kPPrime, NamedProfile("mdc")).ok());
  EXPECT_LINES_NEAR(s, 1, 0, {0, 0, 0, 0, 0, 0});
}

// One point: a centre, no moving range, no limits.
TEST(PPrimeChart, SinglePointHasCentreOnly) {
  TestSegment s = TestSegment::Ratio({3}, {10});
  ASSERT_TRUE(s.Run(ChartType::kPPrime, NamedProfile("mdc")).ok());
  EXPECT_FALSE(s.out.has_limits);
  EXPECT_DOUBLE_EQ(s.centre[0], 0.3);
  EXPECT_TRUE(std::isnan(s.upper3[0]));
}

}  // namespace
}  // namespace kaizen::spc
