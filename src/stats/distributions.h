// Probability distributions for kaizen's statistics: a thin facade over Boost.Math.
//
// This header is the only way kaizen code reaches a probability distribution; Boost.Math is
// included by distributions.cc alone (architecture.md: each third-party library lives in one
// file), so swapping the library touches one file and no Boost header leaks into the rest of
// the build.
//
// Contract, for every function below:
//   - Pure and thread-safe: no state, no I/O, no allocation that outlives the call.
//   - Never throws. An argument outside the distribution's domain (a NaN, a probability
//     outside [0, 1], a non-positive degrees of freedom or scale, a negative count, ...)
//     returns NaN (kMissing). Boost's exceptions are caught inside distributions.cc.
//   - Cdf(x) = P(X <= x). Sf(x) = P(X > x), the upper tail, computed directly rather than as
//     1 - Cdf(x) so that tiny p-values (1e-300) keep their digits.
//   - Quantile(p) is the inverse of Cdf; QuantileUpper(q) the inverse of Sf (= Quantile(1-q)
//     without the cancellation). p = 0 and p = 1 return the support's ends (possibly ±inf).
//   - Discrete quantiles (binomial, Poisson) return the smallest integer k with
//     Cdf(k) >= p, the definition used by R's qbinom/qpois, so results match R.
//   - Counts (k, n) are doubles that must hold whole numbers; a fractional count returns NaN.
#ifndef KAIZEN_STATS_DISTRIBUTIONS_H_
#define KAIZEN_STATS_DISTRIBUTIONS_H_

namespace kaizen::stats {

// ---- Normal(mean, sd), sd > 0 -------------------------------------------------------------
double NormalPdf(double x, double mean = 0.0, double sd = 1.0);
double NormalCdf(double x, double mean = 0.0, double sd = 1.0);
double NormalSf(double x, double mean = 0.0, double sd = 1.0);
double NormalQuantile(double p, double mean = 0.0, double sd = 1.0);
double NormalQuantileUpper(double q, double mean = 0.0, double sd = 1.0);

// ---- Student's t with df > 0 degrees of freedom (df may be fractional, e.g. Welch) ---------
double StudentTPdf(double t, double df);
double StudentTCdf(double t, double df);
double StudentTSf(double t, double df);
// P(|T| >= |t|): the two-sided p-value of a t statistic.
double StudentTTwoSidedP(double t, double df);
double StudentTQuantile(double p, double df);
double StudentTQuantileUpper(double q, double df);

// ---- Chi-square with df > 0 -------------------------------------------------------------
double ChiSquaredPdf(double x, double df);
double ChiSquaredCdf(double x, double df);
double ChiSquaredSf(double x, double df);
double ChiSquaredQuantile(double p, double df);
double ChiSquaredQuantileUpper(double q, double df);

// ---- Fisher's F with df1, df2 > 0 -----------------------------------------------------------
double FPdf(double x, double df1, double df2);
double FCdf(double x, double df1, double df2);
double FSf(double x, double df1, double df2);
double FQuantile(double p, double df1, double df2);
double FQuantileUpper(double q, double df1, double df2);

// ---- Gamma(shape, scale), shape > 0, scale > 0 (mean = shape * scale) ----------------------
double GammaPdf(double x, double shape, double scale = 1.0);
double GammaCdf(double x, double shape, double scale = 1.0);
double GammaSf(double x, double shape, double scale = 1.0);
double GammaQuantile(double p, double shape, double scale = 1.0);
double GammaQuantileUpper(double q, double shape, double scale = 1.0);

// ---- Beta(a, b), a > 0, b > 0 (Clopper–Pearson intervals are beta quantiles) ----------------
double BetaPdf(double x, double a, double b);
double BetaCdf(double x, double a, double b);
double BetaSf(double x, double a, double b);
double BetaQuantile(double p, double a, double b);
double BetaQuantileUpper(double q, double a, double b);

// ---- Binomial(n trials, success probability prob), n >= 0 whole, 0 <= prob <= 1 -------------
double BinomialPmf(double k, double n, double prob);
double BinomialCdf(double k, double n, double prob);       // P(X <= k)
double BinomialSf(double k, double n, double prob);        // P(X > k)
double BinomialQuantile(double p, double n, double prob);  // smallest k with Cdf(k) >= p

// ---- Poisson(mean), mean > 0 ----------------------------------------------------------------
double PoissonPmf(double k, double mean);
double PoissonCdf(double k, double mean);       // P(X <= k)
double PoissonSf(double k, double mean);        // P(X > k)
double PoissonQuantile(double p, double mean);  // smallest k with Cdf(k) >= p

// ---- Special functions ----------------------------------------------------------------------
// Regularised lower incomplete gamma P(a, x) and its complement Q(a, x), a > 0, x >= 0.
double RegularizedGammaP(double a, double x);
double RegularizedGammaQ(double a, double x);
// Regularised incomplete beta I_x(a, b), a > 0, b > 0, 0 <= x <= 1.
double RegularizedBeta(double x, double a, double b);

}  // namespace kaizen::stats

#endif  // KAIZEN_STATS_DISTRIBUTIONS_H_
