#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <span>
#include <string>
#include <vector>

#include "kaizen/model.h"
#include "kaizen/stats.h"
#include "stats/test_data.h"
#include "test_support.h"

namespace kaizen {
namespace {

// NIST StRD Longley (tests/data/nist/README.md): certified coefficients, residual sd and R².
// Longley's design is nearly collinear (condition number ~5e9 for the unscaled columns);
// normal equations lose most digits here, Householder QR on centred columns keeps them.
TEST(LinearModelTest, LongleyMatchesNistCertifiedValues) {
  const auto columns =
      stats::testing::ReadCsvColumns(testing::SourcePath("tests/data/nist/longley.csv"));
  ASSERT_EQ(columns.size(), 7u);
  std::vector<std::span<const double>> x;
  for (int j = 1; j <= 6; ++j) x.emplace_back(columns[j]);
  Result<LinearModel> m = FitLinearModel(
      columns[0], x, {"gnp_deflator", "gnp", "unemployed", "armed_forces", "population", "year"});
  ASSERT_TRUE(m.ok()) << m.status().message();
  const double certified[7] = {-3482258.63459582, 15.0618722713733,  -0.358191792925910E-01,
                               -2.02022980381683, -1.03322686717359, -0.511041056535807E-01,
                               1829.15146461355};
  ASSERT_EQ(m->coefficients.size(), 7u);
  EXPECT_EQ(m->coefficients[0].name, "(Intercept)");
  EXPECT_EQ(m->coefficients[6].name, "year");
  const auto digits = [](double got, double want) {
    return got == want ? 16.0 : -std::log10(std::fabs(got - want) / std::fabs(want));
  };
  for (int j = 0; j < 7; ++j) {
    const double lre = digits(m->coefficients[j].estimate, certified[j]);
    std::printf("Longley b%d: %.1f significant digits\n", j, lre);
    EXPECT_GE(lre, 11) << "coefficient " << j << " = " << m->coefficients[j].estimate;
  }
  std::printf("Longley residual sd: %.1f digits, R²: %.1f digits\n",
              digits(m->residual_sd, 304.854073561965), digits(m->r_squared, 0.995479004577296));
  EXPECT_GE(digits(m->residual_sd, 304.854073561965), 11);
  EXPECT_GE(digits(m->r_squared, 0.995479004577296), 11);
  EXPECT_EQ(m->n, 16u);
  EXPECT_EQ(m->df_residual, 9);
  // Residuals plus fitted values give back y, row by row.
  for (std::size_t i = 0; i < m->n; ++i) {
    EXPECT_NEAR(m->fitted[i] + m->residuals[i], columns[0][m->rows[i]], 1e-9);
  }
}

// With one predictor the model is the simple line: summary(lm(mpg ~ wt, mtcars)) gives
// se 1.8776 and 0.5591, R² 0.7528, adjusted R² 0.7446, F 91.38 on 1 and 30 DF, p 1.294e-10
// (RPubs 1162719).
TEST(LinearModelTest, OnePredictorMatchesR) {
  std::vector<std::span<const double>> x = {stats::testing::kMtcarsWt};
  Result<LinearModel> m = FitLinearModel(stats::testing::kMtcarsMpg, x);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->coefficients[1].name, "x1");
  EXPECT_NEAR(m->coefficients[0].estimate, 37.2851, 5e-5);
  EXPECT_NEAR(m->coefficients[0].se, 1.8776, 5e-5);
  EXPECT_NEAR(m->coefficients[0].t, 19.858, 5e-4);
  EXPECT_NEAR(m->coefficients[1].estimate, -5.3445, 5e-5);
  EXPECT_NEAR(m->coefficients[1].se, 0.5591, 5e-5);
  EXPECT_NEAR(m->coefficients[1].p_value, 1.29e-10, 5e-13);
  EXPECT_NEAR(m->residual_sd, 3.046, 5e-4);
  EXPECT_NEAR(m->r_squared, 0.7528, 5e-5);
  EXPECT_NEAR(m->adjusted_r_squared, 0.7446, 5e-5);
  EXPECT_NEAR(m->f_statistic, 91.38, 5e-3);
  EXPECT_NEAR(m->f_p_value, 1.294e-10, 5e-14);
}

// Exact fit by hand: y = 1 + 2 x1 - 3 x2 on five rows; the residuals are zero. Row 3 is missing
// and is skipped.
TEST(LinearModelTest, ExactPlaneAndMissingRows) {
  const std::vector<double> x1 = {0, 1, 2, kMissing, 4, 5};
  const std::vector<double> x2 = {1, 0, 3, 1, 2, 7};
  std::vector<double> y;
  for (std::size_t i = 0; i < x1.size(); ++i) y.push_back(1 + 2 * x1[i] - 3 * x2[i]);
  std::vector<std::span<const double>> x = {x1, x2};
  Result<LinearModel> m = FitLinearModel(y, x);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->n, 5u);
  EXPECT_EQ(m->rows, (std::vector<std::size_t>{0, 1, 2, 4, 5}));
  EXPECT_NEAR(m->coefficients[0].estimate, 1, 1e-12);
  EXPECT_NEAR(m->coefficients[1].estimate, 2, 1e-12);
  EXPECT_NEAR(m->coefficients[2].estimate, -3, 1e-12);
  EXPECT_NEAR(m->r_squared, 1, 1e-12);
}

TEST(LinearModelTest, RankDeficientAndTooFewRowsAreClear) {
  const std::vector<double> y = {1, 3, 2, 5, 4};
  const std::vector<double> a = {1, 2, 3, 4, 5};
  const std::vector<double> b = {2, 1, 4, 3, 6};
  std::vector<double> sum;
  for (int i = 0; i < 5; ++i) sum.push_back(a[i] + 2 * b[i]);
  std::vector<std::span<const double>> collinear = {a, b, sum};
  Result<LinearModel> m = FitLinearModel(y, collinear, {"a", "b", "a_plus_2b"});
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(m.status().message().find("'a_plus_2b'"), std::string::npos) << m.status().message();

  const std::vector<double> constant = {3, 3, 3, 3, 3};
  std::vector<std::span<const double>> with_constant = {a, constant};
  EXPECT_NE(FitLinearModel(y, with_constant).status().message().find("column 2 is constant"),
            std::string::npos);

  std::vector<std::span<const double>> too_many = {a, b, a};
  const std::vector<double> y3 = {1, 2, 3};
  std::vector<std::span<const double>> three_rows = {std::span<const double>(a).first(3),
                                                     std::span<const double>(b).first(3)};
  EXPECT_EQ(FitLinearModel(y3, three_rows).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(FitLinearModel(std::span<const double>(y).first(4), too_many).status().code(),
            StatusCode::kInvalidArgument);  // lengths differ
  const std::vector<double> with_inf = {1, 2, INFINITY, 4, 5};
  std::vector<std::span<const double>> inf_column = {with_inf};
  EXPECT_NE(FitLinearModel(y, inf_column).status().message().find("value 3 of column 1"),
            std::string::npos);
}

}  // namespace
}  // namespace kaizen

namespace kaizen {
namespace {

// Issue 8 item 17. Expected values from an independent script (Python mpmath, 40 digits) that
// builds X with its intercept column and uses (XᵀX)⁻¹ directly: CI = b ± t(0.975, 29) se with t
// by root-finding on the regularised incomplete beta; VIF_j = TSS_j / RSS_j of x_j regressed on
// the other x; hat values from the diagonal of X (XᵀX)⁻¹ Xᵀ; r_i = e_i / sqrt(s²(1 - h_ii)).
// The rows flagged R (|r| > 2) are Chrysler Imperial, Fiat 128 and Toyota Corolla; none has
// leverage above 3p/n = 9/32.
TEST(LinearModelTest, IntervalsVifsAnovaAndUnusualRowsOfMpgOnWeightAndDisplacement) {
  std::vector<std::span<const double>> x = {stats::testing::kMtcarsWt, stats::testing::kMtcarsDisp};
  Result<LinearModel> m = FitLinearModel(stats::testing::kMtcarsMpg, x, {"wt", "disp"});
  ASSERT_TRUE(m.ok()) << m.status().message();
  const double lower[3] = {30.533573680471107, -5.7317345877212757, -0.036521282375720398};
  const double upper[3] = {39.387534392003441, -0.96991607897535237, 0.0010717938300641981};
  for (int j = 0; j < 3; ++j) {
    EXPECT_NEAR(m->coefficients[j].ci_lower, lower[j], 1e-9 * std::fabs(lower[j]) + 1e-12);
    EXPECT_NEAR(m->coefficients[j].ci_upper, upper[j], 1e-9 * std::fabs(upper[j]) + 1e-12);
  }
  EXPECT_TRUE(std::isnan(m->coefficients[0].vif));
  EXPECT_NEAR(m->coefficients[1].vif, 4.7283188819568428, 1e-10);
  EXPECT_NEAR(m->coefficients[2].vif, 4.7283188819568428, 1e-10);

  ASSERT_EQ(m->anova.size(), 3u);
  EXPECT_EQ(m->anova[0].source, "Regression");
  EXPECT_EQ(m->anova[0].df, 2);
  EXPECT_NEAR(m->anova[0].ss, 879.36468511018495, 1e-9);
  EXPECT_NEAR(m->anova[0].ms, 879.36468511018495 / 2, 1e-9);
  EXPECT_NEAR(m->anova[0].f, (879.36468511018495 / 2) / (246.6825023898149 / 29), 1e-9);
  EXPECT_EQ(m->anova[1].df, 29);
  EXPECT_NEAR(m->anova[1].ss, 246.6825023898149, 1e-9);
  EXPECT_EQ(m->anova[2].df, 31);
  EXPECT_NEAR(m->anova[2].ss, 1126.0471875, 1e-9);
  EXPECT_TRUE(std::isnan(m->anova[2].ms));

  ASSERT_EQ(m->unusual.size(), 3u);
  const std::size_t rows[3] = {16, 17, 19};
  const double fit[3] = {9.2515051494461721, 26.193800928599411, 27.55156023174504};
  const double std_resid[3] = {2.0792406432359943, 2.2187007997297758, 2.2890958069079615};
  const double leverage[3] = {0.19275896506913165, 0.080157277440889986, 0.095797465780271261};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(m->unusual[i].row, rows[i]);
    EXPECT_NEAR(m->unusual[i].fit, fit[i], 1e-10);
    EXPECT_NEAR(m->unusual[i].standardized_residual, std_resid[i], 1e-10);
    EXPECT_NEAR(m->unusual[i].leverage, leverage[i], 1e-10);
    EXPECT_TRUE(m->unusual[i].large_residual);
    EXPECT_FALSE(m->unusual[i].high_leverage);
  }
  double leverage_sum = 0;  // trace of the hat matrix = p = 3
  for (const double h : m->leverage) leverage_sum += h;
  EXPECT_NEAR(leverage_sum, 3, 1e-12);
}

// The VIFs of Longley's design as R's car::vif(lm(Employed ~ ., longley)) prints them, and as
// the script above gives them: 135.532, 1788.513, 33.619, 3.589, 399.151, 758.981. NIST
// certifies the regression SS 184172401.944494 and residual SS 836424.055505915.
TEST(LinearModelTest, LongleyVifsAndAnovaSums) {
  const auto columns =
      stats::testing::ReadCsvColumns(testing::SourcePath("tests/data/nist/longley.csv"));
  std::vector<std::span<const double>> x;
  for (int j = 1; j <= 6; ++j) x.emplace_back(columns[j]);
  Result<LinearModel> m = FitLinearModel(columns[0], x);
  ASSERT_TRUE(m.ok());
  const double vif[6] = {135.53243828000319, 1788.5134827181773, 33.618890596049879,
                         3.5889301934455432, 399.15102231263956, 758.98059740689449};
  for (int j = 0; j < 6; ++j) EXPECT_NEAR(m->coefficients[j + 1].vif, vif[j], 1e-6 * vif[j]);
  EXPECT_NEAR(m->anova[0].ss, 184172401.944494, 1e-5);
  EXPECT_NEAR(m->anova[1].ss, 836424.055505915, 1e-6);
}

TEST(LinearModelTest, RejectsAConfidenceOutsideZeroToOne) {
  std::vector<std::span<const double>> x = {stats::testing::kMtcarsWt};
  EXPECT_FALSE(FitLinearModel(stats::testing::kMtcarsMpg, x, {}, 1.5).ok());
}

}  // namespace
}  // namespace kaizen
