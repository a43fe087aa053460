#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kaizen/model.h"
#include "kaizen/stats.h"
#include "stats/test_data.h"

namespace kaizen {
namespace {

using stats::testing::kMtcarsMpg;
using stats::testing::kMtcarsWt;

// nortest::ad.test(mtcars$mpg) prints "A = 0.57968, p-value = 0.1207" (finnstats, "Anderson-
// Darling Test in R", 2021-11-09). The p-value by hand from Stephens' table 4.9 formula:
// A* = 0.57968 (1 + 0.75/32 + 2.25/32²) = 0.594540; 0.34 <= A* < 0.6, so
// p = exp(0.9177 - 4.279 A* - 1.38 A*²) = exp(-2.11414) = 0.12074.
TEST(AndersonDarlingTest, MtcarsMpgMatchesR) {
  Result<NormalityTest> r = AndersonDarling(kMtcarsMpg);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->method, "Anderson-Darling");
  EXPECT_EQ(r->n, 32u);
  EXPECT_NEAR(r->statistic, 0.57968, 5e-6);
  EXPECT_NEAR(r->adjusted, r->statistic * (1 + 0.75 / 32 + 2.25 / 1024), 1e-15);
  EXPECT_NEAR(r->p_value, 0.1207, 5e-5);
  EXPECT_NE(r->reading.find("no evidence against normality"), std::string::npos) << r->reading;
}

// Strongly non-normal data (powers of two) land in the steepest p-value branch.
TEST(AndersonDarlingTest, SkewedDataIsRejected) {
  std::vector<double> x;
  for (int i = 0; i < 20; ++i) x.push_back(std::pow(2.0, i));
  Result<NormalityTest> r = AndersonDarling(x);
  ASSERT_TRUE(r.ok());
  EXPECT_GT(r->adjusted, 0.6);
  EXPECT_LT(r->p_value, 0.001);
  EXPECT_NE(r->reading.find("strong evidence"), std::string::npos);
}

TEST(AndersonDarlingTest, EdgeCases) {
  EXPECT_EQ(AndersonDarling(std::vector<double>{1, 2, 3, 4, 5, 6, 7}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(AndersonDarling(std::vector<double>(10, 3.0)).status().code(),
            StatusCode::kFailedPrecondition);
  std::vector<double> with_inf = kMtcarsMpg;
  with_inf[4] = -INFINITY;
  EXPECT_EQ(AndersonDarling(with_inf).status().code(), StatusCode::kInvalidArgument);
  // Missing values are dropped, as ad.test does with complete.cases.
  std::vector<double> with_missing = kMtcarsMpg;
  with_missing.push_back(kMissing);
  EXPECT_EQ(AndersonDarling(with_missing)->n, 32u);
  EXPECT_DOUBLE_EQ(AndersonDarling(with_missing)->statistic,
                   AndersonDarling(kMtcarsMpg)->statistic);
}

// shapiro.test(mtcars$wt) prints "W = 0.94326, p-value = 0.09265" (RPubs 222982, "mtcars").
TEST(ShapiroWilkTest, MtcarsWtMatchesR) {
  Result<NormalityTest> r = ShapiroWilk(kMtcarsWt);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->method, "Shapiro-Wilk");
  EXPECT_NEAR(r->statistic, 0.94326, 5e-6);
  EXPECT_NEAR(r->p_value, 0.09265, 5e-6);
  EXPECT_TRUE(std::isnan(r->adjusted));
  EXPECT_NE(r->reading.find("weak evidence"), std::string::npos) << r->reading;
}

// n = 3 is exact (Shapiro & Wilk 1965): a = (-1/√2, 0, 1/√2), so for {1, 2, 4}
// W = (4 - 1)² / 2 / Σ(x - 7/3)² = 4.5 / (42/9) = 27/28, and
// p = (6/π)(asin √W - π/3) = 0.6368868.
TEST(ShapiroWilkTest, ExactForThreeValues) {
  Result<NormalityTest> r = ShapiroWilk(std::vector<double>{4, 1, 2});
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->statistic, 27.0 / 28, 1e-12);
  EXPECT_NEAR(r->p_value, 0.6368868450289701, 1e-9);
}

// Shapiro & Wilk (1965), Biometrika 52, 591-611, section 4 example: weights of 11 men,
// W = 0.79, significant at the 1% level. (Royston's approximate coefficients agree to 2 digits.)
TEST(ShapiroWilkTest, ShapiroWilk1965Example) {
  Result<NormalityTest> r =
      ShapiroWilk(std::vector<double>{148, 154, 158, 160, 161, 162, 166, 170, 182, 195, 236});
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->statistic, 0.79, 0.005);
  EXPECT_LT(r->p_value, 0.01);
}

// W is invariant under location and scale; small-range data are rescaled as R does.
TEST(ShapiroWilkTest, AffineInvariant) {
  std::vector<double> scaled;
  for (const double v : kMtcarsWt) scaled.push_back(1e-6 * v + 40);
  const double w = ShapiroWilk(kMtcarsWt)->statistic;
  EXPECT_NEAR(ShapiroWilk(scaled)->statistic, w, 1e-9);
}

TEST(ShapiroWilkTest, EdgeCases) {
  EXPECT_EQ(ShapiroWilk(std::vector<double>{1, 2}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ShapiroWilk(std::vector<double>(5001, 1.0)).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ShapiroWilk(std::vector<double>{2, 2, 2, 2}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ShapiroWilk(std::vector<double>{1, INFINITY, 2}).status().code(),
            StatusCode::kInvalidArgument);
  std::vector<double> big;
  for (int i = 0; i < 5000; ++i) big.push_back(std::sin(i * 1.7) + i % 7);
  EXPECT_TRUE(ShapiroWilk(big).ok());
}

}  // namespace
}  // namespace kaizen
