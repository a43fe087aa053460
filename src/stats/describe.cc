// Descriptive statistics of one column (kaizen/stats.h, Describe).
//
// Moments use the corrected two-pass algorithm (Chan, Golub & LeVeque 1983, "Algorithms for
// computing the sample variance", The American Statistician 37(3), 242-247, eq. 1.7): a
// compensated first pass for the mean, then sums of deviations from it. A one-pass sum of
// squares loses every digit on NIST's NumAcc4 (mean 1e7, sd 0.1); this keeps about 8 more.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "kaizen/number_format.h"
#include "kaizen/stats.h"
#include "stats/input.h"
#include "stats/quantile.h"

namespace kaizen {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string Format(double v) { return FormatAuto(v); }

// Neumaier's improved Kahan summation (Neumaier 1974, ZAMM 54, 39-51): the error term also
// catches the case where the next addend is larger than the running sum.
double CompensatedSum(std::span<const double> v) {
  double sum = 0, compensation = 0;
  for (const double x : v) {
    const double t = sum + x;
    compensation += std::fabs(sum) >= std::fabs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }
  return sum + compensation;
}

// Bulmer (1979), Principles of Statistics, p. 63: |skewness| above 1 is highly skewed, 0.5 to
// 1 moderately, below 0.5 approximately symmetric.
std::string ReadSkewness(double g1) {
  const std::string value = " (skewness " + Format(g1) + ")";
  const double a = std::fabs(g1);
  if (a < 0.5) return "approximately symmetric: the mean and median are close" + value;
  const std::string degree = a <= 1 ? "moderately " : "strongly ";
  if (g1 > 0) {
    return degree +
           "right-skewed: the mean is pulled above the median by a long tail of high values" +
           value;
  }
  return degree + "left-skewed: the mean is pulled below the median by a long tail of low values" +
         value;
}

// Excess kurtosis is 0 for a normal distribution. The ±1 band for "close to normal" is kaizen's
// convention, on the same scale as Bulmer's skewness bands; it is a description, not a test.
std::string ReadKurtosis(double g2) {
  const std::string value = " (excess kurtosis " + Format(g2) + ")";
  if (g2 > 1) {
    return "heavy-tailed: more extreme values than a normal distribution would give" + value;
  }
  if (g2 < -1) {
    return "light-tailed: fewer extreme values than a normal distribution, flatter in the "
           "middle" +
           value;
  }
  return "tails close to a normal distribution's" + value;
}

// Modes of sorted values: the values with the longest run.
void FindModes(std::span<const double> sorted, Descriptive& d) {
  std::size_t best = 0;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    const std::size_t run = j - i;
    if (run > best) {
      best = run;
      d.modes.clear();
    }
    if (run == best) d.modes.push_back(sorted[i]);
    i = j;
  }
  if (best <= 1) {
    d.modes.clear();
    d.mode_count = 0;
    d.mode_reading = sorted.empty() ? "no mode: no values" : "no mode: every value occurs once";
    return;
  }
  d.mode_count = best;
  const std::string times = " occurring " + std::to_string(best) + " times";
  if (d.modes.size() == 1) {
    d.mode_reading = "one mode, " + Format(d.modes[0]) + times;
  } else {
    d.mode_reading = std::to_string(d.modes.size()) + " modes tied," + times + " each";
  }
}

// A power of two that brings `largest` (the largest |value|) near 1, or 1 when the fourth
// powers of deviations cannot overflow (|value| below 2^250, about 1.8e75).
double MomentScale(double largest) {
  if (!(largest > 0x1p250)) return 1;
  return std::ldexp(1.0, -std::ilogb(largest));
}

// hi - lo, or NaN with a note when it is beyond a double (values of both signs near 1.8e308).
double Difference(double hi, double lo, const std::string& what, Descriptive& d) {
  const double diff = hi - lo;
  if (std::isfinite(diff)) return diff;
  d.notes.push_back("the " + what +
                    " is beyond the largest number a double holds (1.8e308): "
                    "not shown");
  return kNaN;
}

void SetAllUndefined(Descriptive& d) {
  d.mean = d.median = d.sd = d.variance = d.min = d.max = d.range = kNaN;
  d.q1 = d.q3 = d.iqr = d.cv = d.skewness = d.excess_kurtosis = kNaN;
  for (Percentile& p : d.percentiles) p.value = kNaN;
}

// The options' quantile method and percentiles into d, or why they are invalid.
Status StartDescription(const DescribeOptions& options, Descriptive& d) {
  const int type = static_cast<int>(options.quantile_method);
  if (type < 1 || type > 9) return Status::InvalidArgument("quantile type must be 1 to 9");
  d.quantile_method = options.quantile_method;
  d.quantile_method_name = QuantileMethodName(options.quantile_method);
  for (const double p : options.percentiles) {
    if (!(p >= 0 && p <= 100)) {
      return Status::InvalidArgument("percentiles must be between 0 and 100, got " + Format(p));
    }
    d.percentiles.push_back({p, kNaN});
  }
  return Status::Ok();
}

// The mean and the central sums s_r = Σ (x - mean)^r, in units of `scale`.
struct CentralSums {
  double scale = 1;
  double mean = 0;
  double s1 = 0, s2 = 0, s3 = 0, s4 = 0;
  bool constant = false;  // every value equal
};

// Pass 1: min, max and range into d, and the compensated mean; pass 2: the central sums.
CentralSums SumMoments(const std::vector<double>& v, Descriptive& d) {
  const std::size_t n = v.size();
  const double nd = static_cast<double>(n);
  const auto [min_it, max_it] = std::minmax_element(v.begin(), v.end());
  d.min = *min_it;
  d.max = *max_it;
  d.range = Difference(d.max, d.min, "range", d);
  CentralSums m;
  // The moments are summed in units of a power of two near the largest |value| (exact, and
  // undone by the caller), so that sums, squares and fourth powers of values up to 1.8e308 stay
  // finite.
  m.scale = MomentScale(std::max(std::fabs(d.min), std::fabs(d.max)));
  std::vector<double> scaled;
  if (m.scale != 1) {
    scaled.resize(n);
    for (std::size_t i = 0; i < n; ++i) scaled[i] = v[i] * m.scale;
  }
  const std::span<const double> u = m.scale != 1 ? std::span<const double>(scaled) : v;
  m.mean = CompensatedSum(u) / nd;
  // Pass 2: central sums. s1 (the sum of deviations, 0 in exact arithmetic) measures the
  // rounding left in the mean and corrects both it and s2 (Chan, Golub & LeVeque, eq. 1.7).
  for (const double x : u) {
    const double dev = x - m.mean;
    const double dev2 = dev * dev;
    m.s1 += dev;
    m.s2 += dev2;
    m.s3 += dev2 * dev;
    m.s4 += dev2 * dev2;
  }
  m.constant = d.min == d.max;
  if (m.constant) {
    // Every value equal: the answers are exact, whatever rounding the sums saw.
    m.mean = u[0];
    m.s1 = m.s2 = m.s3 = m.s4 = 0;
  }
  return m;
}

// The mean, variance, sd and coefficient of variation into d, with notes where undefined.
// m2_sum is the corrected Σ (x - mean)², in scaled units.
void SetLocationAndSpread(const CentralSums& m, double m2_sum, std::size_t n, Descriptive& d) {
  const double nd = static_cast<double>(n);
  d.mean = (m.mean + m.s1 / nd) / m.scale;
  if (n >= 2) {
    const double variance = m2_sum / (nd - 1);  // in scaled units
    d.sd = std::sqrt(variance) / m.scale;
    d.variance = variance / m.scale / m.scale;
    if (std::isinf(d.variance)) {
      d.variance = kNaN;
      d.notes.push_back(
          "the variance (sd squared) is beyond the largest number a double holds "
          "(1.8e308): not shown");
    }
  } else {
    d.variance = d.sd = kNaN;
    d.notes.push_back("one value: the standard deviation needs at least two values");
  }

  if (n >= 2 && d.mean != 0) {
    d.cv = d.sd / d.mean;
    if (d.min < 0 && d.max > 0) {
      d.notes.push_back("values of both signs: the coefficient of variation is not meaningful");
    }
  } else {
    d.cv = kNaN;
    if (n >= 2) d.notes.push_back("mean is 0: the coefficient of variation is undefined");
  }
}

// Skewness and kurtosis from the population moments m_r = s_r / n (Joanes & Gill 1998,
// "Comparing measures of sample skewness and kurtosis", The Statistician 47(1), 183-189):
//   g1 = m3 / m2^(3/2),  G1 = g1 sqrt(n (n - 1)) / (n - 2)                        (n >= 3)
//   g2 = m4 / m2² - 3,   G2 = (n - 1) / ((n - 2)(n - 3)) ((n + 1) g2 + 6)          (n >= 4)
void SetShape(const CentralSums& s, double m2_sum, std::size_t n, Descriptive& d) {
  const double nd = static_cast<double>(n);
  const double m2 = m2_sum / nd, m3 = s.s3 / nd, m4 = s.s4 / nd;
  if (s.constant && n == 2) d.notes.push_back("both values are the same: sd is 0");
  if (s.constant && n >= 3) {
    d.skewness = d.excess_kurtosis = kNaN;
    d.skewness_reading = d.kurtosis_reading = "undefined: every value is the same";
    d.notes.push_back("every value is the same: sd is 0 and the shape is undefined");
    return;
  }
  if (n >= 3) {
    const double g1 = m3 / std::pow(m2, 1.5);
    d.skewness = g1 * std::sqrt(nd * (nd - 1)) / (nd - 2);
    d.skewness_reading = ReadSkewness(d.skewness);
  } else {
    d.skewness = kNaN;
    d.skewness_reading = "undefined: skewness needs at least 3 values";
  }
  if (n >= 4) {
    const double g2 = m4 / (m2 * m2) - 3;
    d.excess_kurtosis = (nd - 1) / ((nd - 2) * (nd - 3)) * ((nd + 1) * g2 + 6);
    d.kurtosis_reading = ReadKurtosis(d.excess_kurtosis);
  } else {
    d.excess_kurtosis = kNaN;
    d.kurtosis_reading = "undefined: kurtosis needs at least 4 values";
  }
}

// Order statistics: one plan per quantile, then a sort (when modes are wanted) or selection,
// which reorders v.
void SetOrderStatistics(std::vector<double>& v, const DescribeOptions& options, Descriptive& d) {
  const std::size_t n = v.size();
  std::vector<stats::QuantilePlan> plans;
  plans.push_back(stats::PlanQuantile(n, 0.5, options.quantile_method));
  plans.push_back(stats::PlanQuantile(n, 0.25, options.quantile_method));
  plans.push_back(stats::PlanQuantile(n, 0.75, options.quantile_method));
  for (const Percentile& p : d.percentiles) {
    plans.push_back(stats::PlanQuantile(n, p.percent / 100, options.quantile_method));
  }
  if (options.find_modes) {
    std::sort(v.begin(), v.end());
    FindModes(v, d);
  } else {
    std::vector<std::size_t> indices;
    for (const stats::QuantilePlan& plan : plans) {
      indices.push_back(plan.lo);
      indices.push_back(plan.hi);
    }
    stats::SelectOrderStatistics(v, std::move(indices));
    d.mode_reading = "modes not computed";
  }
  d.median = stats::BlendQuantile(v, plans[0]);
  d.q1 = stats::BlendQuantile(v, plans[1]);
  d.q3 = stats::BlendQuantile(v, plans[2]);
  d.iqr = Difference(d.q3, d.q1, "interquartile range", d);
  for (std::size_t i = 0; i < d.percentiles.size(); ++i) {
    d.percentiles[i].value = stats::BlendQuantile(v, plans[3 + i]);
  }
}

}  // namespace

Result<Descriptive> Describe(std::span<const double> values, const DescribeOptions& options) {
  Descriptive d;
  if (Status s = StartDescription(options, d); !s.ok()) return s;
  std::vector<double> v;
  v.reserve(values.size());
  if (Status s = stats::CollectFinite(values, v); !s.ok()) return s;
  const std::size_t n = v.size();
  d.n = n;
  d.missing = values.size() - n;
  if (d.missing > 0) {
    d.notes.push_back(std::to_string(d.missing) + " missing value" + (d.missing == 1 ? "" : "s") +
                      " left out");
  }
  if (n == 0) {
    SetAllUndefined(d);
    d.mode_reading = "no mode: no values";
    d.skewness_reading = d.kurtosis_reading = "undefined: no values";
    d.notes.push_back("no values to describe: every statistic is undefined");
    return d;
  }
  const CentralSums sums = SumMoments(v, d);
  const double m2_sum = std::max(0.0, sums.s2 - sums.s1 * sums.s1 / static_cast<double>(n));
  SetLocationAndSpread(sums, m2_sum, n, d);
  SetShape(sums, m2_sum, n, d);
  SetOrderStatistics(v, options, d);
  return d;
}

}  // namespace kaizen
