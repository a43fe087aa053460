// Sample quantiles, Hyndman & Fan (1996) types 1-9, and the public Quantile().
#include "stats/quantile.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "stats/input.h"

namespace kaizen::stats {

QuantilePlan PlanQuantile(std::size_t n, double p, QuantileMethod method) {
  const double nd = static_cast<double>(n);
  const int type = static_cast<int>(method);
  // R quantile.default: fuzz <- 4 * .Machine$double.eps guards floor() against p * n landing a
  // rounding error below a whole number.
  const double fuzz = 4 * std::numeric_limits<double>::epsilon();
  double j = 0;  // 1-based order statistic index, as in R
  double h = 0;
  if (type <= 3) {
    // Discontinuous types: nppm = n p (type 3: n p - 1/2), j = floor(nppm + fuzz).
    const double nppm = type == 3 ? nd * p - 0.5 : nd * p;
    j = std::floor(nppm + fuzz);
    switch (type) {
      case 1:
        h = nppm > j ? 1.0 : 0.0;
        break;
      case 2:
        h = ((nppm > j ? 1.0 : 0.0) + 1.0) / 2.0;
        break;
      default:  // type 3: round half to even order statistic
        h = (nppm != j || std::fmod(j, 2.0) == 1.0) ? 1.0 : 0.0;
        break;
    }
  } else {
    // Continuous types: p(k) = (k - a) / (n + 1 - a - b), Hyndman & Fan Table 1.
    double a = 0, b = 0;
    switch (type) {
      case 4:
        a = 0;
        b = 1;
        break;
      case 5:
        a = b = 0.5;
        break;
      case 6:
        a = b = 0;
        break;
      case 7:
        a = b = 1;
        break;
      case 8:
        a = b = 1.0 / 3.0;
        break;
      default:
        a = b = 3.0 / 8.0;
        break;
    }
    const double nppm = a + p * (nd + 1 - a - b);
    j = std::floor(nppm + fuzz);
    h = nppm - j;
    if (std::fabs(h) < fuzz) h = 0;
  }
  // R pads x with x_(1) twice before and x_(n) twice after, i.e. clamps the order statistic
  // index to [1, n].
  const auto clamp = [&](double k) { return static_cast<std::size_t>(std::clamp(k, 1.0, nd)) - 1; };
  return QuantilePlan{clamp(j), clamp(j + 1), h};
}

void SelectOrderStatistics(std::vector<double>& values, std::vector<std::size_t> indices) {
  std::sort(indices.begin(), indices.end());
  indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
  // After placing index k, everything right of k is >= it, so the next (larger) index is found
  // by selecting within [k + 1, end) only.
  auto first = values.begin();
  for (const std::size_t k : indices) {
    if (k >= values.size()) break;
    const auto nth = values.begin() + static_cast<std::ptrdiff_t>(k);
    if (nth == first) {
      // The next order statistic after one already placed (a quantile's upper neighbour) is
      // the minimum of the rest: a plain scan, several times cheaper than another selection.
      std::iter_swap(first, std::min_element(first, values.end()));
    } else {
      std::nth_element(first, nth, values.end());
    }
    first = nth + 1;
  }
}

double BlendQuantile(std::span<const double> arranged, const QuantilePlan& plan) {
  const double lo = arranged[plan.lo];
  if (plan.h == 0) return lo;
  const double hi = arranged[plan.hi];
  if (plan.h == 1) return hi;
  // R only blends when the two order statistics differ, so equal neighbours return exactly.
  if (lo == hi) return lo;
  return (1 - plan.h) * lo + plan.h * hi;
}

}  // namespace kaizen::stats

namespace kaizen {

std::string QuantileMethodName(QuantileMethod method) {
  switch (method) {
    case QuantileMethod::kType1:
      return "Hyndman & Fan type 1 (inverse of the empirical cdf)";
    case QuantileMethod::kType2:
      return "Hyndman & Fan type 2 (averaged inverse cdf, SAS default)";
    case QuantileMethod::kType3:
      return "Hyndman & Fan type 3 (nearest even order statistic)";
    case QuantileMethod::kType4:
      return "Hyndman & Fan type 4 (p(k) = k/n)";
    case QuantileMethod::kType5:
      return "Hyndman & Fan type 5 (p(k) = (k - 1/2)/n)";
    case QuantileMethod::kType6:
      return "Hyndman & Fan type 6 (p(k) = k/(n + 1), Minitab, SPSS)";
    case QuantileMethod::kType7:
      return "Hyndman & Fan type 7 (p(k) = (k - 1)/(n - 1), R default, Excel PERCENTILE.INC)";
    case QuantileMethod::kType8:
      return "Hyndman & Fan type 8 (p(k) = (k - 1/3)/(n + 1/3), median-unbiased)";
    case QuantileMethod::kType9:
      return "Hyndman & Fan type 9 (p(k) = (k - 3/8)/(n + 1/4), normal-unbiased)";
  }
  return "unknown quantile method";
}

Result<double> Quantile(std::span<const double> values, double p, QuantileMethod method) {
  if (!(p >= 0 && p <= 1)) {
    return Status::InvalidArgument("quantile probability must be between 0 and 1, got " +
                                   std::to_string(p));
  }
  const int type = static_cast<int>(method);
  if (type < 1 || type > 9) return Status::InvalidArgument("quantile type must be 1 to 9");
  std::vector<double> copy;
  copy.reserve(values.size());
  if (Status s = stats::CollectFinite(values, copy); !s.ok()) return s;
  if (copy.empty()) return Status::FailedPrecondition("no values: every value is missing");
  const stats::QuantilePlan plan = stats::PlanQuantile(copy.size(), p, method);
  stats::SelectOrderStatistics(copy, {plan.lo, plan.hi});
  return stats::BlendQuantile(copy, plan);
}

}  // namespace kaizen
