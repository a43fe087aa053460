#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "kaizen/stats.h"
#include "stats/test_data.h"

namespace kaizen {
namespace {

// summary(lm(mpg ~ wt, data = mtcars)) (RPubs 1162719; riptutorial "Linear regression on the
// mtcars dataset"): (Intercept) 37.2851 se 1.8776; wt -5.3445 se 0.5591 t -9.559 p 1.29e-10;
// residual standard error 3.046 on 30 df; R² 0.7528.
TEST(FitLineTest, MtcarsMatchesR) {
  Result<SimpleRegression> r = FitLine(stats::testing::kMtcarsWt, stats::testing::kMtcarsMpg);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NEAR(r->intercept, 37.2851, 5e-5);
  EXPECT_NEAR(r->intercept_se, 1.8776, 5e-5);
  EXPECT_NEAR(r->slope, -5.3445, 5e-5);
  EXPECT_NEAR(r->slope_se, 0.5591, 5e-5);
  EXPECT_NEAR(r->slope_t, -9.559, 5e-4);
  EXPECT_NEAR(r->slope_p, 1.294e-10, 5e-14);
  EXPECT_NEAR(r->residual_sd, 3.046, 5e-4);
  EXPECT_NEAR(r->r_squared, 0.7528, 5e-5);
}

// By hand for x = {1, 2, 3, 4}, y = {2, 4, 5, 8}: x̄ = 2.5, ȳ = 4.75, Sxx = 5, Sxy = 9.5, so
// b = 1.9, a = 0; residuals 0.1, 0.2, -0.7, 0.4, RSS = 0.7, s² = 0.35; Syy = 18.75,
// R² = 1 - 0.7/18.75. t_0.975,2 = 0.95 sqrt(2 / (1 - 0.95²)) (closed form for 2 df), so the band
// at x̄ is 4.75 ± t s / 2, and at x = 4 it is 7.6 ± t s sqrt(1/4 + 2.25/5).
TEST(FitLineTest, ConfidenceBandByHand) {
  const std::vector<double> band_x = {2.5, 4};
  Result<SimpleRegression> r =
      FitLine(std::vector<double>{1, 2, 3, 4}, std::vector<double>{2, 4, 5, 8}, band_x);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->slope, 1.9, 1e-14);
  EXPECT_NEAR(r->intercept, 0, 1e-14);
  EXPECT_NEAR(r->residual_sd, std::sqrt(0.35), 1e-14);
  EXPECT_NEAR(r->r_squared, 1 - 0.7 / 18.75, 1e-14);
  const double t = 0.95 * std::sqrt(2 / (1 - 0.95 * 0.95));
  ASSERT_EQ(r->band.size(), 2u);
  EXPECT_NEAR(r->band[0].fit, 4.75, 1e-14);
  EXPECT_NEAR(r->band[0].lower, 4.75 - t * std::sqrt(0.35) / 2, 1e-10);
  EXPECT_NEAR(r->band[0].upper, 4.75 + t * std::sqrt(0.35) / 2, 1e-10);
  const double half = t * std::sqrt(0.35) * std::sqrt(0.25 + 2.25 / 5);
  EXPECT_NEAR(r->band[1].lower, 7.6 - half, 1e-10);
  EXPECT_NEAR(r->band[1].upper, 7.6 + half, 1e-10);
}

TEST(FitLineTest, EdgeCases) {
  EXPECT_EQ(FitLine(std::vector<double>{2, 2, 2}, std::vector<double>{1, 2, 3}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(FitLine(std::vector<double>{1, 2}, std::vector<double>{1, 2}).status().code(),
            StatusCode::kFailedPrecondition);
  const std::vector<double> bad_band = {NAN};
  EXPECT_EQ(
      FitLine(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 4}, bad_band).status().code(),
      StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kaizen
