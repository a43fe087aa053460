// The Boost.Math facade (see distributions.h). This file is the only one in kaizen that
// includes Boost.Math (architecture.md, "Each third-party library is used inside one folder").
#include "stats/distributions.h"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <exception>
#include <limits>

namespace kaizen::stats {
namespace {

namespace bm = boost::math;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Domain, pole and evaluation errors throw (and are caught below, becoming NaN); an overflow
// is the honest answer ±inf (e.g. the normal quantile at p = 1); underflow is 0.
using Policy =
    bm::policies::policy<bm::policies::overflow_error<bm::policies::ignore_error>,
                         bm::policies::underflow_error<bm::policies::ignore_error>,
                         bm::policies::discrete_quantile<bm::policies::integer_round_up>>;

using Normal = bm::normal_distribution<double, Policy>;
using StudentT = bm::students_t_distribution<double, Policy>;
using ChiSquared = bm::chi_squared_distribution<double, Policy>;
using FisherF = bm::fisher_f_distribution<double, Policy>;
using Gamma = bm::gamma_distribution<double, Policy>;
using Beta = bm::beta_distribution<double, Policy>;
using Binomial = bm::binomial_distribution<double, Policy>;
using Poisson = bm::poisson_distribution<double, Policy>;

// Runs a Boost evaluation; any exception (Boost reports bad arguments by throwing) becomes NaN,
// so no exception leaves this file.
template <typename F>
double Guard(F&& f) {
  try {
    return f();
  } catch (const std::exception&) {
    return kNaN;
  }
}

bool IsWhole(double k) { return std::isfinite(k) && k == std::floor(k); }

// Boost accepts a fractional k in the discrete cdfs (it evaluates the continuous extension);
// kaizen's contract is whole counts only, checked here.
template <typename Dist>
double DiscreteCdf(const Dist& d, double k, bool upper) {
  if (!IsWhole(k)) return kNaN;
  if (k < 0) return upper ? 1.0 : 0.0;
  return upper ? bm::cdf(bm::complement(d, k)) : bm::cdf(d, k);
}

// The smallest whole k with Cdf(k) >= p (R's qbinom/qpois definition). Boost's integer_round_up
// result is a good start; the walk below makes the definition exact where Boost's root finder
// lands one step off. R fuzzes p by (1 - 64 eps) for the same reason (R 4.x src/nmath/qpois.c).
template <typename Dist>
double DiscreteQuantile(const Dist& d, double p, double upper_bound) {
  if (!(p >= 0.0 && p <= 1.0)) return kNaN;
  if (p == 0.0) return 0.0;
  if (p == 1.0) return upper_bound;
  const double target = p * (1.0 - 64 * std::numeric_limits<double>::epsilon());
  double k = std::floor(bm::quantile(d, p));
  if (!std::isfinite(k) || k < 0) k = 0;
  // Boost lands within a step or two. The walk is bounded: past 2^53 a double has no k + 1,
  // and a walk that has not settled in kMaxSteps means no exact answer here: NaN, not a hang.
  constexpr int kMaxSteps = 1000;
  if (k > 9007199254740992.0) return kNaN;
  int steps = 0;
  while (k > 0 && bm::cdf(d, k - 1) >= target) {
    if (++steps > kMaxSteps) return kNaN;
    k -= 1;
  }
  while (k < upper_bound && bm::cdf(d, k) < target) {
    if (++steps > kMaxSteps) return kNaN;
    k += 1;
  }
  return k;
}

}  // namespace

// ---- Normal ----
double NormalPdf(double x, double mean, double sd) {
  return Guard([&] { return bm::pdf(Normal(mean, sd), x); });
}
double NormalCdf(double x, double mean, double sd) {
  return Guard([&] { return bm::cdf(Normal(mean, sd), x); });
}
double NormalSf(double x, double mean, double sd) {
  return Guard([&] { return bm::cdf(bm::complement(Normal(mean, sd), x)); });
}
double NormalQuantile(double p, double mean, double sd) {
  return Guard([&] { return bm::quantile(Normal(mean, sd), p); });
}
double NormalQuantileUpper(double q, double mean, double sd) {
  return Guard([&] { return bm::quantile(bm::complement(Normal(mean, sd), q)); });
}

// ---- Student's t ----
double StudentTPdf(double t, double df) {
  return Guard([&] { return bm::pdf(StudentT(df), t); });
}
double StudentTCdf(double t, double df) {
  return Guard([&] { return bm::cdf(StudentT(df), t); });
}
double StudentTSf(double t, double df) {
  return Guard([&] { return bm::cdf(bm::complement(StudentT(df), t)); });
}
double StudentTTwoSidedP(double t, double df) {
  if (std::isnan(t)) return kNaN;
  // 2 P(T > |t|), from the upper tail so that a huge |t| keeps a tiny, non-zero p.
  return Guard(
      [&] { return std::min(1.0, 2.0 * bm::cdf(bm::complement(StudentT(df), std::fabs(t)))); });
}
double StudentTQuantile(double p, double df) {
  return Guard([&] { return bm::quantile(StudentT(df), p); });
}
double StudentTQuantileUpper(double q, double df) {
  return Guard([&] { return bm::quantile(bm::complement(StudentT(df), q)); });
}

// ---- Chi-square ----
double ChiSquaredPdf(double x, double df) {
  return Guard([&] { return bm::pdf(ChiSquared(df), x); });
}
double ChiSquaredCdf(double x, double df) {
  return Guard([&] { return bm::cdf(ChiSquared(df), x); });
}
double ChiSquaredSf(double x, double df) {
  return Guard([&] { return bm::cdf(bm::complement(ChiSquared(df), x)); });
}
double ChiSquaredQuantile(double p, double df) {
  return Guard([&] { return bm::quantile(ChiSquared(df), p); });
}
double ChiSquaredQuantileUpper(double q, double df) {
  return Guard([&] { return bm::quantile(bm::complement(ChiSquared(df), q)); });
}

// ---- F ----
double FPdf(double x, double df1, double df2) {
  return Guard([&] { return bm::pdf(FisherF(df1, df2), x); });
}
double FCdf(double x, double df1, double df2) {
  return Guard([&] { return bm::cdf(FisherF(df1, df2), x); });
}
double FSf(double x, double df1, double df2) {
  return Guard([&] { return bm::cdf(bm::complement(FisherF(df1, df2), x)); });
}
double FQuantile(double p, double df1, double df2) {
  return Guard([&] { return bm::quantile(FisherF(df1, df2), p); });
}
double FQuantileUpper(double q, double df1, double df2) {
  return Guard([&] { return bm::quantile(bm::complement(FisherF(df1, df2), q)); });
}

// ---- Gamma ----
double GammaPdf(double x, double shape, double scale) {
  return Guard([&] {
    const Gamma d(shape, scale);
    // Boost 1.74 returns 0 at x = 0 for every shape; the density there is 1/scale for shape 1
    // (the exponential) and unbounded below 1, as R's dgamma gives.
    if (x == 0 && shape <= 1) {
      return shape == 1 ? 1 / scale : std::numeric_limits<double>::infinity();
    }
    return bm::pdf(d, x);
  });
}
double GammaCdf(double x, double shape, double scale) {
  return Guard([&] { return bm::cdf(Gamma(shape, scale), x); });
}
double GammaSf(double x, double shape, double scale) {
  return Guard([&] { return bm::cdf(bm::complement(Gamma(shape, scale), x)); });
}
double GammaQuantile(double p, double shape, double scale) {
  return Guard([&] { return bm::quantile(Gamma(shape, scale), p); });
}
double GammaQuantileUpper(double q, double shape, double scale) {
  return Guard([&] { return bm::quantile(bm::complement(Gamma(shape, scale), q)); });
}

// ---- Beta ----
double BetaPdf(double x, double a, double b) {
  return Guard([&] { return bm::pdf(Beta(a, b), x); });
}
double BetaCdf(double x, double a, double b) {
  return Guard([&] { return bm::cdf(Beta(a, b), x); });
}
double BetaSf(double x, double a, double b) {
  return Guard([&] { return bm::cdf(bm::complement(Beta(a, b), x)); });
}
double BetaQuantile(double p, double a, double b) {
  return Guard([&] { return bm::quantile(Beta(a, b), p); });
}
double BetaQuantileUpper(double q, double a, double b) {
  return Guard([&] { return bm::quantile(bm::complement(Beta(a, b), q)); });
}

// ---- Binomial ----
double BinomialPmf(double k, double n, double prob) {
  if (!IsWhole(k) || !IsWhole(n)) return kNaN;
  return Guard([&] { return k < 0 || k > n ? 0.0 : bm::pdf(Binomial(n, prob), k); });
}
double BinomialCdf(double k, double n, double prob) {
  if (!IsWhole(n)) return kNaN;
  return Guard([&] { return DiscreteCdf(Binomial(n, prob), std::min(k, n), false); });
}
double BinomialSf(double k, double n, double prob) {
  if (!IsWhole(n)) return kNaN;
  return Guard([&] { return DiscreteCdf(Binomial(n, prob), std::min(k, n), true); });
}
double BinomialQuantile(double p, double n, double prob) {
  if (!IsWhole(n)) return kNaN;
  return Guard([&] { return DiscreteQuantile(Binomial(n, prob), p, n); });
}

// ---- Poisson ----
double PoissonPmf(double k, double mean) {
  if (!IsWhole(k)) return kNaN;
  return Guard([&] { return k < 0 ? 0.0 : bm::pdf(Poisson(mean), k); });
}
double PoissonCdf(double k, double mean) {
  return Guard([&] { return DiscreteCdf(Poisson(mean), k, false); });
}
double PoissonSf(double k, double mean) {
  return Guard([&] { return DiscreteCdf(Poisson(mean), k, true); });
}
double PoissonQuantile(double p, double mean) {
  return Guard(
      [&] { return DiscreteQuantile(Poisson(mean), p, std::numeric_limits<double>::infinity()); });
}

// ---- Special functions ----
double RegularizedGammaP(double a, double x) {
  return Guard([&] { return bm::gamma_p(a, x, Policy()); });
}
double RegularizedGammaQ(double a, double x) {
  return Guard([&] { return bm::gamma_q(a, x, Policy()); });
}
double RegularizedBeta(double x, double a, double b) {
  return Guard([&] { return bm::ibeta(a, b, x, Policy()); });
}

}  // namespace kaizen::stats
