#include "kaizen/hypothesis.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace kaizen {
namespace {

// R's `sleep` data (extra hours of sleep, groups 1 and 2), from ?t.test and ?wilcox.test.
const std::vector<double> kSleep1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
const std::vector<double> kSleep2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

// R 4.x: t.test(extra ~ group, data = sleep) prints t = -1.8608, df = 17.776,
// p-value = 0.07939, 95 percent confidence interval -3.3654832 0.2054832.
// Effect sizes by hand (python3): pooled sd 1.898625, d = -0.832181, J = 1 − 3/71,
// g = -0.797019, SE = √(20/100 + g²/40), 95 % interval -1.707676 to 0.113639.
TEST(Hypothesis, WelchSleep) {
  Result<WelchTest> r = WelchTTest(kSleep1, kSleep2);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NEAR(r->t, -1.8608, 5e-5);
  EXPECT_NEAR(r->df, 17.776, 5e-4);
  EXPECT_NEAR(r->p_value, 0.07939, 5e-6);
  EXPECT_NEAR(r->ci_lower, -3.3654832, 1e-7);
  EXPECT_NEAR(r->ci_upper, 0.2054832, 1e-7);
  EXPECT_NEAR(r->mean_difference, -1.58, 1e-12);
  EXPECT_NEAR(r->cohens_d, -0.8321810813, 1e-9);
  EXPECT_NEAR(r->hedges_g, -0.7970185004, 1e-9);
  EXPECT_NEAR(r->g_lower, -1.7076764091, 1e-8);
  EXPECT_NEAR(r->g_upper, 0.1136394082, 1e-8);
  EXPECT_NE(r->sentence.find("does not say the change caused it"), std::string::npos);
}

// R 4.x: wilcox.test(extra ~ group, data = sleep, exact = FALSE) prints W = 25.5,
// p-value = 0.06933 (continuity correction; ties present). r = z/√20 with z = -1.816279 (by
// hand). Hodges–Lehmann: median of the 100 differences = -1.35; C = round(50 − 1.96 ×
// √(100 × 21/12)) = 24, so the interval is D(24), D(77) = -3.6, 0.1 (python3 by hand).
TEST(Hypothesis, MannWhitneySleep) {
  Result<MannWhitneyTest> r = MannWhitney(kSleep1, kSleep2);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_DOUBLE_EQ(r->w, 25.5);
  EXPECT_NEAR(r->p_value, 0.06933, 5e-6);
  EXPECT_NEAR(r->z, -1.8162790619, 1e-9);
  EXPECT_NEAR(r->effect_r, -0.4061323449, 1e-9);
  EXPECT_NEAR(r->hl_shift, -1.35, 1e-12);
  EXPECT_NEAR(r->hl_lower, -3.6, 1e-12);
  EXPECT_NEAR(r->hl_upper, 0.1, 1e-12);
}

// R 4.x ?fisher.test, TeaTasting = matrix(c(3, 1, 1, 3), nrow = 2): two-sided
// p-value = 0.4857, odds ratio 6.408309, 95 percent CI 0.2117329 621.9337505; with
// alternative = "greater" the lower bound (one tail of 5 %, i.e. our 90 % interval) is
// 0.3135693. R finds these with uniroot at its default tolerance (≈1.2e-4 on ψ or on 1/ψ), so
// the upper bound 621.93, found on the 1/ψ scale near 0.0016, is only good to about 1 %; the
// others are compared to 1e-4 relative. chisq.test by hand:
// expected 2 in every cell, X² = 4 × 1²/2 = 2 (p = 0.1572992); Yates: 4 × 0.5²/2 = 0.5
// (p = 0.4795001). Sample odds ratio 9.
TEST(Hypothesis, FisherTeaTasting) {
  Result<ProportionComparison> r = CompareProportions(3, 4, 1, 4);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NEAR(r->fisher_p, 0.4857, 5e-5);
  EXPECT_NEAR(r->conditional_or, 6.408309, 6.408309 * 1e-4);
  EXPECT_NEAR(r->conditional_or_lower, 0.2117329, 0.2117329 * 1e-4);
  EXPECT_NEAR(r->conditional_or_upper, 621.9337505, 621.9337505 * 1e-2);
  Result<ProportionComparison> one_tail = CompareProportions(3, 4, 1, 4, 0.90);
  ASSERT_TRUE(one_tail.ok());
  EXPECT_NEAR(one_tail->conditional_or_lower, 0.3135693, 0.3135693 * 1e-4);
  EXPECT_NEAR(r->chi_square, 2, 1e-12);
  EXPECT_NEAR(r->chi_square_p, 0.1572992071, 1e-9);
  EXPECT_NEAR(r->chi_square_yates, 0.5, 1e-12);
  EXPECT_NEAR(r->chi_square_yates_p, 0.4795001222, 1e-9);
  EXPECT_NEAR(r->odds_ratio, 9, 1e-12);
  EXPECT_NE(r->sentence.find("Fisher"), std::string::npos);  // expected counts below 5
}

// Newcombe (1998), Stat Med 17:873–890, table II: 56/70 − 48/80 = 0.2, method 10 interval
// 0.0524 to 0.3339.
TEST(Hypothesis, NewcombeRiskDifference) {
  Result<ProportionComparison> r = CompareProportions(56, 70, 48, 80);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->risk_difference, 0.2, 1e-12);
  EXPECT_NEAR(r->rd_lower, 0.0524, 5e-5);
  EXPECT_NEAR(r->rd_upper, 0.3339, 5e-5);
}

TEST(Hypothesis, EdgeCases) {
  const std::vector<double> one = {1};
  const std::vector<double> two = {1, 2};
  EXPECT_EQ(WelchTTest(one, two).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(WelchTTest({}, two).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(WelchTTest(std::vector<double>{3, 3}, std::vector<double>{3, 3}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(WelchTTest(std::vector<double>{1, INFINITY}, two).status().code(),
            StatusCode::kInvalidArgument);
  // Missing values are skipped: {1, NaN, 2} is {1, 2}.
  Result<WelchTest> nan =
      WelchTTest(std::vector<double>{1, std::nan(""), 2, 3}, std::vector<double>{2, 3, 4});
  ASSERT_TRUE(nan.ok());
  EXPECT_EQ(nan->n1, 3);
  EXPECT_EQ(MannWhitney({}, two).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(MannWhitney(std::vector<double>{5, 5}, std::vector<double>{5}).status().code(),
            StatusCode::kFailedPrecondition);
  Result<MannWhitneyTest> single = MannWhitney(one, two);  // tiny: no interval at 95 %
  ASSERT_TRUE(single.ok());
  EXPECT_TRUE(std::isinf(single->hl_lower));
  EXPECT_EQ(CompareProportions(1, 0, 1, 2).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CompareProportions(0, 0, 1, 2).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(CompareProportions(2, 2, 3, 3).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(CompareProportions(1.5, 2, 1, 2).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CompareProportions(INFINITY, 2, 1, 2).status().code(), StatusCode::kInvalidArgument);
  // A zero cell: the sample odds ratio is 0 with no Woolf interval; the conditional MLE is 0.
  Result<ProportionComparison> zero = CompareProportions(0, 5, 3, 5);
  ASSERT_TRUE(zero.ok());
  EXPECT_DOUBLE_EQ(zero->odds_ratio, 0);
  EXPECT_TRUE(std::isnan(zero->or_lower));
  EXPECT_DOUBLE_EQ(zero->conditional_or, 0);
}

}  // namespace
}  // namespace kaizen
