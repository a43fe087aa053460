// The least-squares line with the confidence band of the mean response (kaizen/stats.h).
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "kaizen/stats.h"
#include "stats/distributions.h"
#include "stats/input.h"

namespace kaizen {

Result<SimpleRegression> FitLine(std::span<const double> x, std::span<const double> y,
                                 std::span<const double> band_x, double confidence) {
  if (!(confidence > 0 && confidence < 1)) {
    return Status::InvalidArgument("confidence must be between 0 and 1, e.g. 0.95");
  }
  for (std::size_t i = 0; i < band_x.size(); ++i) {
    if (!std::isfinite(band_x[i])) {
      return Status::InvalidArgument("band x value " + std::to_string(i + 1) + " is not finite");
    }
  }
  std::vector<double> xs, ys;
  if (Status s = stats::CollectPairs(x, y, xs, ys); !s.ok()) return s;
  const std::size_t n = xs.size();
  if (n < 3) {
    return Status::FailedPrecondition("a fitted line needs at least 3 complete pairs, got " +
                                      std::to_string(n));
  }
  const double nd = static_cast<double>(n);
  const double mx = std::accumulate(xs.begin(), xs.end(), 0.0) / nd;
  const double my = std::accumulate(ys.begin(), ys.end(), 0.0) / nd;
  double sxx = 0, sxy = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxx += (xs[i] - mx) * (xs[i] - mx);
    sxy += (xs[i] - mx) * (ys[i] - my);
    syy += (ys[i] - my) * (ys[i] - my);
  }
  if (sxx == 0) {
    return Status::FailedPrecondition("every x value is the same: no line can be fitted");
  }
  // Least squares (e.g. Montgomery, Peck & Vining, Introduction to Linear Regression Analysis,
  // 5th ed., 2.2-2.4): b = Sxy / Sxx, a = ȳ - b x̄, s² = RSS / (n - 2),
  // se(b) = s / sqrt(Sxx), se(a) = s sqrt(1/n + x̄² / Sxx).
  SimpleRegression r;
  r.n = n;
  r.confidence = confidence;
  r.slope = sxy / sxx;
  r.intercept = my - r.slope * mx;
  double rss = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double e = (ys[i] - my) - r.slope * (xs[i] - mx);
    rss += e * e;
  }
  const double df = nd - 2;
  r.residual_sd = std::sqrt(rss / df);
  r.slope_se = r.residual_sd / std::sqrt(sxx);
  r.intercept_se = r.residual_sd * std::sqrt(1 / nd + mx * mx / sxx);
  r.slope_t = r.slope_se == 0 ? std::copysign(INFINITY, r.slope) : r.slope / r.slope_se;
  r.slope_p = r.slope_se == 0 ? 0.0 : stats::StudentTTwoSidedP(r.slope_t, df);
  r.r_squared = syy == 0 ? std::numeric_limits<double>::quiet_NaN() : 1 - rss / syy;
  // Confidence band of the mean response (Montgomery, Peck & Vining 2.4.2):
  // ŷ(x0) ± t_(1-α/2, n-2) s sqrt(1/n + (x0 - x̄)² / Sxx).
  const double t = stats::StudentTQuantile((1 + confidence) / 2, df);
  for (const double x0 : band_x) {
    const double fit = r.intercept + r.slope * x0;
    const double half = t * r.residual_sd * std::sqrt(1 / nd + (x0 - mx) * (x0 - mx) / sxx);
    r.band.push_back({x0, fit, fit - half, fit + half});
  }
  return r;
}

}  // namespace kaizen
