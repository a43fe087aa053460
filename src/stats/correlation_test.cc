#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kaizen/model.h"
#include "kaizen/stats.h"
#include "stats/test_data.h"

namespace kaizen {
namespace {

using stats::testing::kMtcarsDisp;
using stats::testing::kMtcarsMpg;
using stats::testing::kMtcarsWt;

// cor.test(mtcars$mpg, mtcars$disp): t = -8.7472, df = 30, p-value = 9.38e-10, 95% CI
// -0.9233594 -0.7081376, cor -0.8475514 (RPubs 1343880).
TEST(PearsonTest, MtcarsMatchesR) {
  Result<Correlation> c = Pearson(kMtcarsMpg, kMtcarsDisp);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->n, 32u);
  EXPECT_NEAR(c->r, -0.8475514, 5e-8);
  EXPECT_NEAR(c->t, -8.7472, 5e-5);
  EXPECT_NEAR(c->p_value, 9.38e-10, 5e-13);
  EXPECT_NEAR(c->ci_lower, -0.9233594, 5e-8);
  EXPECT_NEAR(c->ci_upper, -0.7081376, 5e-8);
  EXPECT_NE(c->reading.find("very strong negative correlation"), std::string::npos) << c->reading;
}

// cor.test(x, y) on the ten pairs below: t = -3.0109, df = 8, p-value = 0.01679, 95% CI
// -0.9311631 -0.1833776, cor -0.7288512 (Statology, "How to find the p-value of a correlation
// coefficient in R").
TEST(PearsonTest, SmallSampleMatchesR) {
  const std::vector<double> x = {710, 718, 920, 187, 884, 486, 491, 174, 283, 585};
  const std::vector<double> y = {590, 494, 679, 886, 484, 853, 808, 992, 756, 975};
  Result<Correlation> c = Pearson(x, y);
  ASSERT_TRUE(c.ok());
  EXPECT_NEAR(c->r, -0.7288512, 5e-8);
  EXPECT_NEAR(c->t, -3.0109, 5e-5);
  EXPECT_NEAR(c->p_value, 0.01679, 5e-6);
  EXPECT_NEAR(c->ci_lower, -0.9311631, 5e-8);
  EXPECT_NEAR(c->ci_upper, -0.1833776, 5e-8);
}

// cor.test(mtcars$wt, mtcars$mpg), R 4.x: t = -9.559, df = 30, p-value = 1.294e-10,
// cor -0.8676594 (the example of R's own ?cor.test help and many tutorials). The p-value that
// `kaizen scatter` prints is this one.
TEST(PearsonTest, MtcarsWeightAndMileageMatchR) {
  Result<Correlation> c = Pearson(kMtcarsWt, kMtcarsMpg);
  ASSERT_TRUE(c.ok());
  EXPECT_NEAR(c->r, -0.8676594, 5e-8);
  EXPECT_NEAR(c->t, -9.559, 5e-4);
  EXPECT_NEAR(c->p_value, 1.294e-10, 5e-14);
}

// Three pairs: r = 0.5 by hand (centred x = (-1, 0, 1), y = (-1, 1, 0): sxy 1, sxx 2, syy 2),
// t = 0.5 sqrt(1 / 0.75) = 1/sqrt(3) on 1 df. Student's t on 1 df is the Cauchy distribution,
// so p = 1 - (2/π) atan(1/sqrt(3)) = 1 - (2/π)(π/6) = 2/3.
TEST(PearsonTest, ThreePairsCauchyByHand) {
  Result<Correlation> c =
      Pearson(std::vector<double>{1, 2, 3}, std::vector<double>{1, 3, 2});
  ASSERT_TRUE(c.ok());
  EXPECT_NEAR(c->r, 0.5, 1e-15);
  EXPECT_NEAR(c->t, 1 / std::sqrt(3.0), 1e-14);
  EXPECT_NEAR(c->p_value, 2.0 / 3, 1e-12);
  // A perfect negative line: r = -1, t = -infinity, p = 0 (R: p < 2.2e-16).
  Result<Correlation> down =
      Pearson(std::vector<double>{1, 2, 3, 4}, std::vector<double>{8, 6, 4, 2});
  ASSERT_TRUE(down.ok());
  EXPECT_EQ(down->r, -1);
  EXPECT_EQ(down->t, -INFINITY);
  EXPECT_EQ(down->p_value, 0);
}

TEST(PearsonTest, EdgeCases) {
  const std::vector<double> x = {1, 2, 3, 4};
  EXPECT_EQ(Pearson(x, std::vector<double>{1, 2, 3}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Pearson(x, std::vector<double>{5, 5, 5, 5}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Pearson(std::vector<double>{1, 2}, std::vector<double>{1, 2}).status().code(),
            StatusCode::kFailedPrecondition);
  Result<Correlation> inf = Pearson(x, std::vector<double>{1, 2, INFINITY, 4});
  EXPECT_NE(inf.status().message().find("value 3 of y is +infinity"), std::string::npos);
  // Pairs with a missing value are dropped; a perfect line has r = 1 and p = 0.
  Result<Correlation> perfect =
      Pearson(std::vector<double>{1, 2, kMissing, 4, 5}, std::vector<double>{3, 5, 6, 9, 11});
  ASSERT_TRUE(perfect.ok());
  EXPECT_EQ(perfect->n, 4u);
  EXPECT_NEAR(perfect->r, 1, 1e-15);
  EXPECT_EQ(perfect->p_value, 0);
  EXPECT_EQ(Pearson(x, x, 1.5).status().code(), StatusCode::kInvalidArgument);
}

// Without ties rho = 1 - 6 Σd² / (n (n² - 1)): ranks differ by (1, 1, 1, 1, 0), so
// rho = 1 - 24 / 120 = 0.8.
TEST(SpearmanTest, NoTiesByHand) {
  Result<Correlation> c =
      Spearman(std::vector<double>{1, 2, 3, 4, 5}, std::vector<double>{20, 10, 40, 30, 50});
  ASSERT_TRUE(c.ok());
  EXPECT_NEAR(c->r, 0.8, 1e-15);
  EXPECT_TRUE(std::isnan(c->ci_lower));
}

// Ties: x = {1, 2, 2, 3} ranks {1, 2.5, 2.5, 4}; Pearson on the ranks gives
// Sxy = 4.5, Sxx = 4.5, Syy = 5, rho = 4.5 / sqrt(22.5) = 0.9486833. t = rho sqrt(2 / (1 - rho²))
// = 3 sqrt(2) on 2 df, and for 2 df P(|T| > t) = 1 - t / sqrt(t² + 2) = 1 - sqrt(18/20).
TEST(SpearmanTest, TiesGetAverageRanks) {
  Result<Correlation> c =
      Spearman(std::vector<double>{1, 2, 2, 3}, std::vector<double>{1, 2, 3, 4});
  ASSERT_TRUE(c.ok());
  EXPECT_NEAR(c->r, 4.5 / std::sqrt(22.5), 1e-15);
  EXPECT_NEAR(c->t, 3 * std::sqrt(2.0), 1e-13);
  EXPECT_NEAR(c->p_value, 1 - std::sqrt(18.0 / 20), 1e-13);
}

TEST(SpearmanTest, EdgeCases) {
  EXPECT_EQ(Spearman(std::vector<double>{1, 2, 3}, std::vector<double>{4, 4, 4}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Spearman(std::vector<double>{1, 2}, std::vector<double>{1, 2}).status().code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace kaizen
