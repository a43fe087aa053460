// Confidence intervals of the summary: mean, median and standard deviation, as Minitab's
// Graphical Summary gives them (kaizen/stats.h, SummaryConfidenceIntervals). Formulas and their
// sources: docs/formulas.md, "Confidence intervals of the summary".
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "kaizen/stats.h"
#include "stats/distributions.h"
#include "stats/input.h"

namespace kaizen {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double Mean(const std::vector<double>& v) {
  double sum = 0;
  for (const double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

// Sample standard deviation (divisor n - 1) about `mean`, by the two-pass formula.
double SampleSd(const std::vector<double>& v, double mean) {
  double ss = 0;
  for (const double x : v) ss += (x - mean) * (x - mean);
  return std::sqrt(ss / static_cast<double>(v.size() - 1));
}

// Coverage of the order-statistic interval [x_(d), x_(n-d+1)] (1-based d) for the median:
// P(d <= B <= n - d) with B ~ Binomial(n, 1/2) (Hettmansperger & Sheather 1986, section 1).
double Coverage(double n, double d) {
  return stats::BinomialCdf(n - d, n, 0.5) - stats::BinomialCdf(d - 1, n, 0.5);
}

// Hettmansperger & Sheather (1986), "Confidence intervals based on interpolated order
// statistics", Statistics & Probability Letters 4, 75-79: take the widest order-statistic
// interval d whose coverage γ_d is at least the confidence and the next narrower one d + 1, and
// interpolate between them with λ = (n - d) I / (d + (n - 2d) I), I = (γ_d - γ) / (γ_d - γ_d+1).
// This is Minitab's "nonlinear interpolation" (Graphical Summary) and Wilcox's sint() in R.
// `sorted` holds n >= 2 values in ascending order.
void MedianInterval(const std::vector<double>& sorted, double confidence, SummaryIntervals* out) {
  const std::size_t n = sorted.size();
  const double nd = static_cast<double>(n);
  // The smallest d with P(B <= d) >= α/2, as R's qbinom(α/2, n, 0.5); then step back one when
  // that interval covers less than asked.
  double d = stats::BinomialQuantile((1 - confidence) / 2, nd, 0.5);
  if (Coverage(nd, d) < confidence) d -= 1;
  if (d < 1) {
    // Even the minimum to the maximum covers less than asked (n <= 5 at 95 %): report them
    // with the coverage they have rather than an interval that claims more.
    out->median = {sorted.front(), sorted.back()};
    out->median_achieved = Coverage(nd, 1);
    return;
  }
  const double gamma_d = Coverage(nd, d), gamma_next = Coverage(nd, d + 1);
  const double interpolation = (gamma_d - confidence) / (gamma_d - gamma_next);
  const double lambda = (nd - d) * interpolation / (d + (nd - 2 * d) * interpolation);
  const auto at = [&](double rank) { return sorted[static_cast<std::size_t>(rank) - 1]; };
  out->median = {lambda * at(d + 1) + (1 - lambda) * at(d),
                 lambda * at(nd - d) + (1 - lambda) * at(nd - d + 1)};
  out->median_achieved = confidence;
}

}  // namespace

Result<SummaryIntervals> SummaryConfidenceIntervals(std::span<const double> values,
                                                    double confidence) {
  if (!(confidence > 0 && confidence < 1)) {
    return Status::InvalidArgument("confidence must be between 0 and 1 (exclusive), got " +
                                   std::to_string(confidence));
  }
  std::vector<double> v;
  v.reserve(values.size());
  if (Status s = stats::CollectFinite(values, v); !s.ok()) return s;
  SummaryIntervals r;
  r.n = v.size();
  r.confidence = confidence;
  if (v.size() < 2) {
    r.se_mean = r.median_achieved = kNaN;
    r.mean = r.median = r.sd = {kNaN, kNaN};
    return r;
  }
  const double n = static_cast<double>(v.size());
  const double alpha = 1 - confidence;
  const double mean = Mean(v);
  const double sd = SampleSd(v, mean);
  r.se_mean = sd / std::sqrt(n);
  const double t = stats::StudentTQuantileUpper(alpha / 2, n - 1);
  r.mean = {mean - t * r.se_mean, mean + t * r.se_mean};
  // (n - 1) s² / σ² ~ χ²(n - 1) for normal data (Montgomery, Introduction to Statistical
  // Quality Control, 6th ed., eq. 4.40).
  const double ss = (n - 1) * sd * sd;
  r.sd = {std::sqrt(ss / stats::ChiSquaredQuantileUpper(alpha / 2, n - 1)),
          std::sqrt(ss / stats::ChiSquaredQuantile(alpha / 2, n - 1))};
  std::sort(v.begin(), v.end());
  MedianInterval(v, confidence, &r);
  return r;
}

}  // namespace kaizen
