#include "spc/subgroup_constants.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kaizen::spc {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

double C4(double n) {
  if (!(n >= 2.0) || !std::isfinite(n)) return kNaN;
  // Through lgamma so that large subgroups (n in the thousands) do not overflow Γ
  // (qicharts2 0.8.1 c4() does the same).
  return std::sqrt(2.0 / (n - 1.0)) * std::exp(std::lgamma(n / 2.0) - std::lgamma((n - 1.0) / 2.0));
}

double A3(double n) { return 3.0 / (C4(n) * std::sqrt(n)); }

double SigmaOfSOverMean(double n) {
  const double c4 = C4(n);
  return std::sqrt(1.0 - c4 * c4) / c4;
}

double B3(double n) {
  const double r = SigmaOfSOverMean(n);
  return std::isnan(r) ? kNaN : std::max(0.0, 1.0 - 3.0 * r);
}

double B4(double n) { return 1.0 + 3.0 * SigmaOfSOverMean(n); }

}  // namespace kaizen::spc
