#include "spc/subgroup_constants.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kaizen::spc {
namespace {

// Montgomery, Introduction to SQC, appendix VI (4 decimals; A3 and B3/B4 to 3).
TEST(SubgroupConstants, MatchMontgomeryAppendixVI) {
  EXPECT_NEAR(C4(2), 0.7979, 5e-5);
  EXPECT_NEAR(C4(4), 0.9213, 5e-5);
  EXPECT_NEAR(C4(5), 0.9400, 5e-5);
  EXPECT_NEAR(C4(10), 0.9727, 5e-5);
  EXPECT_NEAR(C4(25), 0.9896, 5e-5);
  EXPECT_NEAR(A3(2), 2.659, 5e-4);
  EXPECT_NEAR(A3(5), 1.427, 5e-4);
  EXPECT_NEAR(A3(25), 0.606, 5e-4);
  EXPECT_DOUBLE_EQ(B3(5), 0.0);
  EXPECT_NEAR(B4(5), 2.089, 5e-4);
  EXPECT_NEAR(B3(6), 0.030, 5e-4);
  EXPECT_NEAR(B4(6), 1.970, 5e-4);
  EXPECT_NEAR(B3(10), 0.284, 5e-4);
  EXPECT_NEAR(B4(10), 1.716, 5e-4);
}

// c4(2) = √2·Γ(1)/Γ(1/2) = √2/√π exactly.
TEST(SubgroupConstants, ClosedFormAtTwo) { EXPECT_NEAR(C4(2), std::sqrt(2.0 / M_PI), 1e-15); }

// c4 → 1 and large n does not overflow Γ.
TEST(SubgroupConstants, LargeSubgroups) {
  EXPECT_NEAR(C4(100000), 1.0, 1e-5);
  EXPECT_TRUE(std::isfinite(A3(100000)));
}

TEST(SubgroupConstants, UndefinedBelowTwo) {
  EXPECT_TRUE(std::isnan(C4(1)));
  EXPECT_TRUE(std::isnan(A3(1)));
  EXPECT_TRUE(std::isnan(B3(0)));
  EXPECT_TRUE(std::isnan(B4(std::nan(""))));
}

}  // namespace
}  // namespace kaizen::spc
