#include "stats/distributions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace kaizen::stats {
namespace {

// Reference values: closed forms worked by hand where they exist; otherwise R 4.x (qnorm,
// qt, qchisq, pnorm) as printed in its documentation and in every statistics table
// (e.g. z_0.975 = 1.959964, t_0.975,10 = 2.228139).
TEST(DistributionsTest, Normal) {
  EXPECT_NEAR(NormalQuantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(NormalCdf(1.959963984540054), 0.975, 1e-15);
  EXPECT_NEAR(NormalQuantileUpper(0.025), 1.959963984540054, 1e-14);
  EXPECT_NEAR(NormalPdf(0), 1 / std::sqrt(2 * M_PI), 1e-16);
  EXPECT_DOUBLE_EQ(NormalCdf(5, 5, 2), 0.5);
  EXPECT_NEAR(NormalQuantile(0.5, 10, 3), 10, 1e-14);
  // pnorm(10, lower.tail = FALSE) = 7.619853e-24: the upper tail keeps its digits.
  EXPECT_NEAR(NormalSf(10) / 7.619853024160527e-24, 1, 1e-12);
  EXPECT_EQ(NormalQuantile(1), std::numeric_limits<double>::infinity());
  EXPECT_EQ(NormalQuantile(0), -std::numeric_limits<double>::infinity());
}

TEST(DistributionsTest, StudentT) {
  EXPECT_NEAR(StudentTQuantile(0.975, 10), 2.228138851986274, 1e-12);
  // df = 2 has a closed form: P(|T| > t) = 1 - t / sqrt(t² + 2).
  EXPECT_NEAR(StudentTTwoSidedP(3, 2), 1 - 3 / std::sqrt(11.0), 1e-14);
  EXPECT_NEAR(StudentTTwoSidedP(-3, 2), 1 - 3 / std::sqrt(11.0), 1e-14);
  // df = 1 is Cauchy: F(t) = 1/2 + atan(t)/π.
  EXPECT_NEAR(StudentTCdf(1, 1), 0.75, 1e-15);
  EXPECT_NEAR(StudentTSf(1, 1), 0.25, 1e-15);
  EXPECT_NEAR(StudentTQuantileUpper(0.25, 1), 1, 1e-13);
  EXPECT_NEAR(StudentTPdf(0, 1), 1 / M_PI, 1e-15);
}

TEST(DistributionsTest, ChiSquaredAndF) {
  // chi-square(1) is Z², so its 0.95 quantile is 1.959964².
  EXPECT_NEAR(ChiSquaredQuantile(0.95, 1), 1.959963984540054 * 1.959963984540054, 1e-12);
  // chi-square(2) is exponential with mean 2: F(x) = 1 - exp(-x/2).
  EXPECT_NEAR(ChiSquaredCdf(3, 2), 1 - std::exp(-1.5), 1e-15);
  EXPECT_NEAR(ChiSquaredSf(3, 2), std::exp(-1.5), 1e-15);
  EXPECT_NEAR(ChiSquaredQuantileUpper(std::exp(-1.5), 2), 3, 1e-12);
  EXPECT_NEAR(ChiSquaredPdf(2, 2), 0.5 * std::exp(-1.0), 1e-15);
  // F(1, n) is T²(n): its 0.95 quantile is t_0.975,10².
  EXPECT_NEAR(FQuantile(0.95, 1, 10), 2.228138851986274 * 2.228138851986274, 1e-10);
  EXPECT_NEAR(FSf(2.228138851986274 * 2.228138851986274, 1, 10), 0.05, 1e-13);
  EXPECT_NEAR(FCdf(1, 5, 5), 0.5, 1e-15);  // symmetric in log for equal df
  EXPECT_NEAR(FQuantileUpper(0.5, 7, 7), 1, 1e-13);
  EXPECT_GT(FPdf(1, 5, 5), 0);
}

TEST(DistributionsTest, GammaAndBeta) {
  // Gamma(1, scale 2) is exponential with mean 2.
  EXPECT_NEAR(GammaCdf(3, 1, 2), 1 - std::exp(-1.5), 1e-15);
  EXPECT_NEAR(GammaSf(3, 1, 2), std::exp(-1.5), 1e-15);
  EXPECT_NEAR(GammaQuantile(1 - std::exp(-1.5), 1, 2), 3, 1e-12);
  EXPECT_NEAR(GammaQuantileUpper(std::exp(-1.5), 1, 2), 3, 1e-12);
  EXPECT_NEAR(GammaPdf(0, 1, 2), 0.5, 1e-15);  // dgamma(0, 1, scale = 2) = 1/2
  EXPECT_EQ(GammaPdf(0, 0.5), std::numeric_limits<double>::infinity());
  EXPECT_EQ(GammaPdf(0, 2), 0);
  // Beta(1, 1) is uniform; Beta(2, 2) is symmetric about 1/2 with F(x) = 3x² - 2x³.
  EXPECT_NEAR(BetaCdf(0.3, 1, 1), 0.3, 1e-15);
  EXPECT_NEAR(BetaCdf(0.3, 2, 2), 3 * 0.09 - 2 * 0.027, 1e-15);
  EXPECT_NEAR(BetaSf(0.3, 2, 2), 1 - (3 * 0.09 - 2 * 0.027), 1e-15);
  EXPECT_NEAR(BetaQuantile(0.5, 2, 2), 0.5, 1e-14);
  EXPECT_NEAR(BetaQuantileUpper(0.5, 2, 2), 0.5, 1e-14);
  EXPECT_NEAR(BetaPdf(0.5, 2, 2), 1.5, 1e-14);
  EXPECT_NEAR(RegularizedBeta(0.3, 2, 2), 3 * 0.09 - 2 * 0.027, 1e-15);
  EXPECT_NEAR(RegularizedGammaP(1, 2), 1 - std::exp(-2.0), 1e-15);
  EXPECT_NEAR(RegularizedGammaQ(1, 2), std::exp(-2.0), 1e-15);
}

// Discrete cdfs by direct summation of the pmf; quantiles by searching that sum.
TEST(DistributionsTest, BinomialAndPoisson) {
  // P(X <= 3), X ~ Bin(10, 1/2) = (1 + 10 + 45 + 120) / 1024.
  EXPECT_NEAR(BinomialCdf(3, 10, 0.5), 176.0 / 1024, 1e-15);
  EXPECT_NEAR(BinomialSf(3, 10, 0.5), 1 - 176.0 / 1024, 1e-15);
  EXPECT_NEAR(BinomialPmf(3, 10, 0.5), 120.0 / 1024, 1e-15);
  EXPECT_EQ(BinomialCdf(-1, 10, 0.5), 0);
  EXPECT_EQ(BinomialCdf(10, 10, 0.5), 1);
  EXPECT_EQ(BinomialQuantile(0.5, 10, 0.5), 5);           // Cdf(4) = 386/1024 < 0.5 <= Cdf(5)
  EXPECT_EQ(BinomialQuantile(176.0 / 1024, 10, 0.5), 3);  // exactly at a step: the step itself
  EXPECT_EQ(BinomialQuantile(1, 10, 0.5), 10);
  // P(X <= 2), X ~ Poisson(1) = e⁻¹ (1 + 1 + 1/2).
  EXPECT_NEAR(PoissonCdf(2, 1), 2.5 * std::exp(-1.0), 1e-15);
  EXPECT_NEAR(PoissonSf(2, 1), 1 - 2.5 * std::exp(-1.0), 1e-15);
  EXPECT_NEAR(PoissonPmf(2, 1), 0.5 * std::exp(-1.0), 1e-15);
  for (const double mean : {0.5, 3.5, 10.0, 250.0}) {
    for (const double p : {0.025, 0.5, 0.975}) {
      double cdf = 0, pmf = std::exp(-mean);
      int k = 0;
      for (cdf = pmf; cdf < p; ++k, pmf *= mean / k, cdf += pmf) {
      }
      EXPECT_EQ(PoissonQuantile(p, mean), k) << "mean " << mean << " p " << p;
    }
  }
  EXPECT_EQ(PoissonQuantile(1, 3), std::numeric_limits<double>::infinity());
  EXPECT_EQ(PoissonQuantile(0, 3), 0);
}

TEST(DistributionsTest, OutOfDomainIsNaNNotAnException) {
  EXPECT_TRUE(std::isnan(NormalCdf(0, 0, -1)));
  EXPECT_TRUE(std::isnan(NormalQuantile(1.5)));
  EXPECT_TRUE(std::isnan(NormalQuantile(std::nan(""))));
  EXPECT_TRUE(std::isnan(StudentTCdf(1, 0)));
  EXPECT_TRUE(std::isnan(StudentTTwoSidedP(std::nan(""), 3)));
  EXPECT_TRUE(std::isnan(ChiSquaredQuantile(0.5, -2)));
  EXPECT_TRUE(std::isnan(FCdf(1, 0, 3)));
  EXPECT_TRUE(std::isnan(GammaCdf(1, -1)));
  EXPECT_TRUE(std::isnan(BetaQuantile(2, 1, 1)));
  EXPECT_TRUE(std::isnan(BinomialCdf(2.5, 10, 0.5)));
  EXPECT_TRUE(std::isnan(BinomialCdf(2, 10.5, 0.5)));
  EXPECT_TRUE(std::isnan(BinomialQuantile(0.5, 10, 1.5)));
  EXPECT_TRUE(std::isnan(PoissonCdf(1, -1)));
  EXPECT_TRUE(std::isnan(PoissonQuantile(0.5, -1)));
  EXPECT_TRUE(std::isnan(PoissonPmf(0.5, 1)));
  EXPECT_TRUE(std::isnan(RegularizedGammaP(-1, 1)));
}

}  // namespace
}  // namespace kaizen::stats
