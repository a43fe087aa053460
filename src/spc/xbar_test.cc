#include <gtest/gtest.h>

#include "spc/chart_test_util.h"

namespace kaizen::spc {
namespace {

using testing::kNaN;
using testing::NamedProfile;
using testing::TestSegment;

// Subgroups of 4 with means {10, 12, 14} and SDs {1, 2, 3}: x̄̄ = 12.
// qicharts2 (equal sizes): s̄ = mean SD = 2. c4(4) = √(2/3)·Γ(2)/Γ(3/2) = 0.816497/0.886227
// = 0.921318, so σ of a mean = 2/(0.921318·√4) = 1.085402 and the lines are
// 12 ± 1.085402k = 8.743794, 9.829196, 10.914598 | 13.085402, 14.170804, 15.256206.
TEST(XbarChart, EqualSizesUseMeanSdUnderQicharts2) {
  TestSegment s = TestSegment::Subgroups({10, 12, 14}, {4, 4, 4}, {1, 2, 3});
  ASSERT_TRUE(s.Run(ChartType::kXbar, NamedProfile("qicharts2")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 12.0);
  EXPECT_DOUBLE_EQ(s.out.sigma, 2.0);
  EXPECT_LINES_NEAR(s, 1, 1e-6, {8.743794, 9.829196, 10.914598, 13.085402, 14.170804, 15.256206});
}

// PowerBI-SPC always pools: √((3·1 + 3·4 + 3·9)/9) = √(42/9) = 2.160247.
TEST(XbarChart, PbiSpcAlwaysPools) {
  TestSegment s = TestSegment::Subgroups({10, 12, 14}, {4, 4, 4}, {1, 2, 3});
  ASSERT_TRUE(s.Run(ChartType::kXbar, NamedProfile("pbi-spc")).ok());
  EXPECT_NEAR(s.out.sigma, std::sqrt(42.0 / 9.0), 1e-12);
}

// Sizes {2, 4}, means {10, 16}, SDs {3, 1}: x̄̄ = (2·10 + 4·16)/6 = 14; sizes vary so pooled:
// √((1·9 + 3·1)/4) = √3 = 1.732051. At n = 2: c4 = 0.797885, σ = √3/(0.797885·√2) = 1.534990,
// UCL = 18.604970. At n = 4: σ = √3/(0.921318·2) = 0.939986, UCL = 16.819957.
TEST(XbarChart, VaryingSizesPool) {
  TestSegment s = TestSegment::Subgroups({10, 16}, {2, 4}, {3, 1});
  ASSERT_TRUE(s.Run(ChartType::kXbar, NamedProfile("qicharts2")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 14.0);
  EXPECT_NEAR(s.out.sigma, std::sqrt(3.0), 1e-12);
  EXPECT_NEAR(s.upper3[0], 18.604970, 1e-6);
  EXPECT_NEAR(s.upper3[1], 16.819957, 1e-6);
  EXPECT_NEAR(s.lower1[1], 14 - 0.939986, 1e-6);
}

// An all-missing subgroup (size 0) between two subgroups of 4 with SDs {1, 3}:
// qicharts2 0.8.1 counts it in the pooled degrees of freedom as 0 − 1 and so pools:
// √((3·1 + 3·9)/(3 + 3 − 1)) = √6. Every other profile ignores it: mdc (equal sizes) takes
// the mean SD, 2; pbi-spc pools over 6 degrees of freedom, √5.
TEST(XbarChart, EmptySubgroupQuirkOnlyUnderQicharts2) {
  TestSegment s = TestSegment::Subgroups({10, kNaN, 14}, {4, 0, 4}, {1, kNaN, 3});
  ASSERT_TRUE(s.Run(ChartType::kXbar, NamedProfile("qicharts2")).ok());
  EXPECT_NEAR(s.out.sigma, std::sqrt(6.0), 1e-12);
  ASSERT_TRUE(s.Run(ChartType::kXbar, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.sigma, 2.0);
  ASSERT_TRUE(s.Run(ChartType::kXbar, NamedProfile("pbi-spc")).ok());
  EXPECT_NEAR(s.out.sigma, std::sqrt(5.0), 1e-12);
  EXPECT_LINES_NEAR(s, 1, 0, {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN});  // size 0: no c4
}

// A ghosted subgroup and one after a frozen baseline add nothing: x̄̄ = 12, s̄ = 2 as above.
TEST(XbarChart, GhostAndFrozenBaseline) {
  TestSegment s = TestSegment::Subgroups({10, 50, 12, 14, 30}, {4, 4, 4, 4, 4}, {1, 9, 2, 3, 9});
  s.Ghost(1);
  s.FreezeAfter(3);
  ASSERT_TRUE(s.Run(ChartType::kXbar, NamedProfile("qicharts2")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 12.0);
  EXPECT_DOUBLE_EQ(s.out.sigma, 2.0);
  EXPECT_NEAR(s.upper3[4], 15.256206, 1e-6);
}

// A subgroup of one has a mean but no SD and no c4: it weighs in x̄̄ ((4·10 + 1·13 + 4·14)/9
// = 109/9) and gets a centre but no lines.
TEST(XbarChart, SubgroupOfOne) {
  TestSegment s = TestSegment::Subgroups({10, 13, 14}, {4, 1, 4}, {1, kNaN, 3});
  ASSERT_TRUE(s.Run(ChartType::kXbar, NamedProfile("pbi-spc")).ok());
  EXPECT_NEAR(s.out.centre_value, 109.0 / 9.0, 1e-12);
  EXPECT_NEAR(s.out.sigma, std::sqrt(5.0), 1e-12);  // (3·1 + 0 + 3·9)/(3 + 0 + 3) = 5
  EXPECT_TRUE(std::isnan(s.upper3[1]));
  EXPECT_NEAR(s.centre[1], 109.0 / 9.0, 1e-12);
}

}  // namespace
}  // namespace kaizen::spc
