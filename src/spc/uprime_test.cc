#include <gtest/gtest.h>

#include "spc/chart_test_util.h"

namespace kaizen::spc {
namespace {

using testing::kNaN;
using testing::NamedProfile;
using testing::TestSegment;

// {90, 110, 80, 120} events over 50 each: ū = 400/200 = 2, Poisson σᵢ = √(2/50) = 0.2.
// z = {−1, 1, −2, 2}, MR̄(z) = 3, σz (mdc) = (2.66/3)·3 = 2.66, σᵢ·σz = 0.532:
// lines 2 ± 0.532k = 0.404, 0.936, 1.468 | 2.532, 3.064, 3.596.
TEST(UPrimeChart, HandWorked) {
  TestSegment s = TestSegment::Ratio({90, 110, 80, 120}, {50, 50, 50, 50});
  ASSERT_TRUE(s.Run(ChartType::kUPrime, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 2.0);
  EXPECT_NEAR(s.out.mr_bar, 3.0, 1e-12);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_LINES_NEAR(s, i, 1e-12, {0.404, 0.936, 1.468, 2.532, 3.064, 3.596});
  }
}

// A missing point with exposure 2 (σᵢ = 1, σᵢ·σz = 2.66): lower lines 2 − 2.66k floor at 0.
TEST(UPrimeChart, LowerLinesFloorAtZero) {
  TestSegment s = TestSegment::Ratio({90, 110, 80, kNaN, 120}, {50, 50, 50, 2, 50});
  ASSERT_TRUE(s.Run(ChartType::kUPrime, NamedProfile("mdc")).ok());
  EXPECT_LINES_NEAR(s, 3, 1e-12, {0, 0, 0, 4.66, 7.32, 9.98});
}

// Screening follows the profile. Rates {10, 10, 10, 10, 10 + 10σ} with exposure 100
// (σ = √(10/100)): the z-scores are equal but for the last, so the moving ranges are
// {0, 0, 0, R} and MR̄(z) = R/4 without screening (mdc). With screening (nhsr) R ≥ 3.267·R/4
// is dropped and MR̄(z) = 0: the limits collapse onto ū.
TEST(UPrimeChart, ScreeningFollowsProfile) {
  const double sigma = std::sqrt(10.0 / 100.0);
  TestSegment s({10, 10, 10, 10, 10 + 10 * sigma});
  s.denominator = {100, 100, 100, 100, 100};
  // ū = (5·10 + 10σ)/5 = 10 + 2σ (from y·n, no numerator column); zᵢ = (yᵢ − ū)/√(ū/100).
  const double u_bar = 10 + 2 * sigma;
  const double sigma_i = std::sqrt(u_bar / 100);
  const double z_low = (10 - u_bar) / sigma_i;
  const double z_high = (10 + 10 * sigma - u_bar) / sigma_i;
  const double mr_bar = (z_high - z_low) / 4;  // ranges {0, 0, 0, z_high − z_low}
  ASSERT_TRUE(s.Run(ChartType::kUPrime, NamedProfile("mdc")).ok());
  EXPECT_NEAR(s.out.mr_bar, mr_bar, 1e-12);
  ASSERT_TRUE(s.Run(ChartType::kUPrime, NamedProfile("nhsr")).ok());
  EXPECT_NEAR(s.out.mr_bar, 0.0, 1e-12);  // the one large range is screened out
  EXPECT_NEAR(s.upper3[0], u_bar, 1e-12);
}

}  // namespace
}  // namespace kaizen::spc
