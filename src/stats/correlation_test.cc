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
