// Normality tests (kaizen/stats.h): Anderson–Darling as R's nortest::ad.test, and Shapiro–Wilk
// as R's shapiro.test (Royston 1995, algorithm AS R94).
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include "kaizen/number_format.h"
#include "kaizen/stats.h"
#include "stats/distributions.h"
#include "stats/input.h"

namespace kaizen {
namespace {

std::string FormatP(double p) {
  if (p < 0.001) return "p < 0.001";
  return "p = " + FormatGeneral(p, 2);
}

// Conventional evidence bands for a p-value (e.g. Bland 2015, An Introduction to Medical
// Statistics, 4th ed., section 9.4).
std::string ReadNormalityP(double p) {
  const std::string tail = " (" + FormatP(p) + ")";
  if (p < 0.01) return "strong evidence the data are not normally distributed" + tail;
  if (p < 0.05) return "evidence the data are not normally distributed" + tail;
  if (p < 0.10) return "weak evidence against normality" + tail;
  return "no evidence against normality" + tail;
}

// Sorted non-missing values, or the Status saying why the test cannot run.
Status SortedSample(std::span<const double> values, std::vector<double>& x) {
  x.reserve(values.size());
  if (Status s = stats::CollectFinite(values, x); !s.ok()) return s;
  std::sort(x.begin(), x.end());
  return Status::Ok();
}

// log Φ(z). For z below about -37 Φ(z) underflows, so the log comes from the asymptotic
// (Mills ratio) series log Φ(z) = -z²/2 - log(-z sqrt(2π)) + log(1 - 1/z² + 3/z⁴ - 15/z⁶)
// (Abramowitz & Stegun 26.2.12), accurate to 1e-9 there.
double LogNormalCdf(double z) {
  if (z > -37) return std::log(stats::NormalCdf(z));
  const double z2 = z * z;
  return -z2 / 2 - std::log(-z * std::sqrt(2 * std::numbers::pi)) +
         std::log1p(-1 / z2 + 3 / (z2 * z2) - 15 / (z2 * z2 * z2));
}

// Royston's polynomial: cc[0] + cc[1] x + ... + cc[nord-1] x^(nord-1) (R swilk.c, poly()).
double Poly(const double* cc, int nord, double x) {
  double result = cc[0];
  if (nord > 1) {
    double p = x * cc[nord - 1];
    for (int j = nord - 2; j > 0; --j) p = (p + cc[j]) * x;
    result += p;
  }
  return result;
}

}  // namespace

Result<NormalityTest> AndersonDarling(std::span<const double> values) {
  std::vector<double> x;
  if (Status s = SortedSample(values, x); !s.ok()) return s;
  const std::size_t n = x.size();
  if (n < 8) {
    return Status::FailedPrecondition("the Anderson-Darling test needs at least 8 values, got " +
                                      std::to_string(n));
  }
  if (x.front() == x.back()) {
    return Status::FailedPrecondition("every value is the same: normality cannot be tested");
  }
  const double nd = static_cast<double>(n);
  double mean = 0;
  for (const double v : x) mean += v;
  mean /= nd;
  double ss = 0;
  for (const double v : x) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / (nd - 1));

  // A² = -n - (1/n) Σ (2i - 1) [ln Φ(z_(i)) + ln(1 - Φ(z_(n+1-i)))], z = (x - x̄)/s
  // (Anderson & Darling 1954; Stephens 1974, JASA 69, 730-737). ln(1 - Φ(z)) = ln Φ(-z) keeps
  // the upper tail's digits.
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double z_lo = (x[i] - mean) / sd;
    const double z_hi = (x[n - 1 - i] - mean) / sd;
    sum += (2.0 * static_cast<double>(i) + 1) * (LogNormalCdf(z_lo) + LogNormalCdf(-z_hi));
  }
  const double a2 = -nd - sum / nd;
  // Small-sample adjustment for estimated mean and variance (Stephens 1986, in D'Agostino &
  // Stephens, Goodness-of-Fit Techniques, Table 4.7).
  const double aa = a2 * (1 + 0.75 / nd + 2.25 / (nd * nd));
  // p-value: D'Agostino & Stephens (1986) Table 4.9, as coded in nortest 1.0-4 ad.test.
  double p;
  if (aa < 0.2) {
    p = 1 - std::exp(-13.436 + 101.14 * aa - 223.73 * aa * aa);
  } else if (aa < 0.34) {
    p = 1 - std::exp(-8.318 + 42.796 * aa - 59.938 * aa * aa);
  } else if (aa < 0.6) {
    p = std::exp(0.9177 - 4.279 * aa - 1.38 * aa * aa);
  } else if (aa < 10) {
    p = std::exp(1.2937 - 5.709 * aa + 0.0186 * aa * aa);
  } else {
    p = 3.7e-24;
  }
  NormalityTest result;
  result.method = "Anderson-Darling";
  result.n = n;
  result.statistic = a2;
  result.adjusted = aa;
  result.p_value = p;
  result.reading = ReadNormalityP(p);
  return result;
}

namespace {

// A port of R's src/library/stats/src/swilk.c (Royston 1995, AS R94) in its three steps:
// the coefficients, W, and W's p-value. Indices are kept as there (a[] is 1-based) so the two
// can be read side by side.
constexpr double kSwilkSmall = 1e-19;

// The coefficients a[1..n/2] (a[0] unused) from normal scores m_i = Φ⁻¹((i - 3/8) / (n + 1/4))
// (Blom), with Royston's polynomial corrections for the two extreme ones.
std::vector<double> SwilkCoefficients(int n) {
  static constexpr double c1[6] = {0., .221157, -.147981, -2.07119, 4.434685, -2.706056};
  static constexpr double c2[6] = {0., .042981, -.293762, -1.752461, 5.682633, -3.582633};
  const int nn2 = n / 2;
  std::vector<double> a(nn2 + 1);
  const double an = n;
  if (n == 3) {
    a[1] = std::sqrt(0.5);
    return a;
  }
  const double an25 = an + .25;
  double summ2 = 0;
  for (int i = 1; i <= nn2; ++i) {
    a[i] = stats::NormalQuantile((i - .375) / an25);
    summ2 += a[i] * a[i];
  }
  summ2 *= 2;
  const double ssumm2 = std::sqrt(summ2);
  const double rsn = 1 / std::sqrt(an);
  const double a1 = Poly(c1, 6, rsn) - a[1] / ssumm2;
  int i1;
  double fac;
  if (n > 5) {
    i1 = 3;
    const double a2 = -a[2] / ssumm2 + Poly(c2, 6, rsn);
    fac = std::sqrt((summ2 - 2 * (a[1] * a[1]) - 2 * (a[2] * a[2])) /
                    (1 - 2 * (a1 * a1) - 2 * (a2 * a2)));
    a[2] = a2;
  } else {
    i1 = 2;
    fac = std::sqrt((summ2 - 2 * (a[1] * a[1])) / (1 - 2 * (a1 * a1)));
  }
  a[1] = a1;
  for (int i = i1; i <= nn2; ++i) a[i] /= -fac;
  return a;
}

struct SwilkStatistic {
  double w;
  double w1;  // 1 - W
};

// W as the squared correlation between the sorted data (divided by `range`) and the
// coefficients; w1 = 1 - W computed directly to avoid rounding when W is near 1 (Royston 1995).
SwilkStatistic SwilkW(const std::vector<double>& x, const std::vector<double>& a, double range) {
  const int n = static_cast<int>(x.size());
  const auto sign = [](int v) { return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0); };
  double sx = x[0] / range;
  double sa = -a[1];
  for (int i = 1, j = n - 1; i < n; --j) {
    const double xi = x[i] / range;
    sx += xi;
    ++i;
    if (i != j) sa += sign(i - j) * a[std::min(i, j)];
  }
  sa /= n;
  sx /= n;
  double ssa = 0, ssx = 0, sax = 0;
  for (int i = 0, j = n - 1; i < n; ++i, --j) {
    const double asa = i != j ? sign(i - j) * a[1 + std::min(i, j)] - sa : -sa;
    const double xsx = x[i] / range - sx;
    ssa += asa * asa;
    ssx += xsx * xsx;
    sax += asa * xsx;
  }
  const double ssassx = std::sqrt(ssa * ssx);
  const double w1 = (ssassx - sax) * (ssassx + sax) / (ssa * ssx);
  return {1 - w1, w1};
}

double SwilkPValue(int n, SwilkStatistic s) {
  static constexpr double g[2] = {-2.273, .459};
  static constexpr double c3[4] = {.544, -.39978, .025054, -6.714e-4};
  static constexpr double c4[4] = {1.3822, -.77857, .062767, -.0020322};
  static constexpr double c5[4] = {-1.5861, -.31082, -.083751, .0038915};
  static constexpr double c6[3] = {-.4803, -.082676, .0030302};
  const double an = n;
  if (n == 3) {
    // Exact for n = 3: p = (6/π)(asin(sqrt(W)) - asin(sqrt(3/4))).
    constexpr double kPi6 = 1.90985931710274, kStqr = 1.04719755119660;
    return std::max(0.0, kPi6 * (std::asin(std::sqrt(s.w)) - kStqr));
  }
  // Royston (1995): log(1 - W) is close to normal, with mean and sd polynomial in n
  // (n <= 11, after a further log transform) or in log n (n >= 12).
  const double y = std::log(s.w1);
  if (n <= 11) {
    const double gamma = Poly(g, 2, an);
    if (y >= gamma) return 1e-99;  // R's "obvious" value: W is far below any normal sample's
    return stats::NormalSf(-std::log(gamma - y), Poly(c3, 4, an), std::exp(Poly(c4, 4, an)));
  }
  const double log_n = std::log(an);
  return stats::NormalSf(y, Poly(c5, 4, log_n), std::exp(Poly(c6, 3, log_n)));
}

}  // namespace

Result<NormalityTest> ShapiroWilk(std::span<const double> values) {
  std::vector<double> x;
  if (Status s = SortedSample(values, x); !s.ok()) return s;
  const int n = static_cast<int>(x.size());
  if (n < 3 || n > 5000) {
    return Status::FailedPrecondition("the Shapiro-Wilk test needs 3 to 5000 values, got " +
                                      std::to_string(n));
  }
  // R shapiro.test: identical values cannot be tested; a range below 1 is rescaled so that the
  // algorithm's zero-range guard (1e-19) never fires on small-scale data.
  double range = x[n - 1] - x[0];
  if (range < 1e-10) {
    return Status::FailedPrecondition("every value is the same: normality cannot be tested");
  }
  if (range < 1) {
    for (double& v : x) v /= range;
    range = x[n - 1] - x[0];
  }
  const std::vector<double> a = SwilkCoefficients(n);
  if (range < kSwilkSmall) return Status::Internal("Shapiro-Wilk: zero range after rescaling");
  const SwilkStatistic w = SwilkW(x, a, range);
  const double pw = SwilkPValue(n, w);

  NormalityTest result;
  result.method = "Shapiro-Wilk";
  result.n = static_cast<std::size_t>(n);
  result.statistic = w.w;
  result.adjusted = std::numeric_limits<double>::quiet_NaN();
  result.p_value = pw;
  result.reading = ReadNormalityP(pw);
  return result;
}

}  // namespace kaizen
