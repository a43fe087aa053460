// Pearson and Spearman correlation with p-values (kaizen/stats.h), as R's cor.test.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "kaizen/number_format.h"
#include "kaizen/stats.h"
#include "stats/distributions.h"
#include "stats/input.h"

namespace kaizen {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Sums {
  double sxx = 0, syy = 0, sxy = 0;
};

// Two-pass centred sums of squares and products: means first, then deviations (no
// Σx² - n x̄² cancellation).
Sums CentredSums(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  Sums s;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double dx = x[i] - mx, dy = y[i] - my;
    s.sxx += dx * dx;
    s.syy += dy * dy;
    s.sxy += dx * dy;
  }
  return s;
}

// Strength words after Evans (1996), Straightforward Statistics for the Behavioral Sciences:
// |r| < 0.2 very weak, < 0.4 weak, < 0.6 moderate, < 0.8 strong, otherwise very strong.
std::string ReadCorrelation(const char* symbol, double r, double p) {
  const double a = std::fabs(r);
  const char* strength = a < 0.2   ? "very weak"
                         : a < 0.4 ? "weak"
                         : a < 0.6 ? "moderate"
                         : a < 0.8 ? "strong"
                                   : "very strong";
  // Six decimals cut to three (std::to_string's form, truncated: 0.0456 reads "0.045").
  const std::string p_text = p < 0.001 ? "p < 0.001" : "p = " + FormatFixed(p, 6).substr(0, 5);
  return std::string(strength) + (r >= 0 ? " positive" : " negative") + " correlation (" + symbol +
         " = " + FormatFixed(r, 2) + ", " + p_text + ")" + (p < 0.05 ? "" : ": could be chance");
}

Status CheckPairs(std::size_t n, const Sums& s) {
  if (n < 3) {
    return Status::FailedPrecondition("correlation needs at least 3 complete pairs, got " +
                                      std::to_string(n));
  }
  if (s.sxx == 0) return Status::FailedPrecondition("every x value is the same: no correlation");
  if (s.syy == 0) return Status::FailedPrecondition("every y value is the same: no correlation");
  return Status::Ok();
}

// Correlation r on n pairs: t = r sqrt((n - 2) / (1 - r²)) on n - 2 df (Fisher 1915).
void TestR(Correlation& c) {
  const double df = static_cast<double>(c.n) - 2;
  const double one_minus = std::max(0.0, 1 - c.r * c.r);
  c.t = one_minus == 0 ? std::copysign(INFINITY, c.r) : c.r * std::sqrt(df / one_minus);
  c.p_value = one_minus == 0 ? 0.0 : stats::StudentTTwoSidedP(c.t, df);
}

// Average ranks (1-based), ties sharing the mean of the ranks they span.
std::vector<double> AverageRanks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> ranks(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && v[order[j]] == v[order[i]]) ++j;
    const double rank = (static_cast<double>(i) + static_cast<double>(j) + 1) / 2;
    for (std::size_t k = i; k < j; ++k) ranks[order[k]] = rank;
    i = j;
  }
  return ranks;
}

}  // namespace

Result<Correlation> Pearson(std::span<const double> x, std::span<const double> y,
                            double confidence) {
  if (!(confidence > 0 && confidence < 1)) {
    return Status::InvalidArgument("confidence must be between 0 and 1, e.g. 0.95");
  }
  std::vector<double> xs, ys;
  if (Status s = stats::CollectPairs(x, y, xs, ys); !s.ok()) return s;
  const Sums s = xs.size() >= 2 ? CentredSums(xs, ys) : Sums{};
  if (Status st = CheckPairs(xs.size(), s); !st.ok()) return st;
  Correlation c;
  c.n = xs.size();
  c.confidence = confidence;
  c.r = std::clamp(s.sxy / std::sqrt(s.sxx * s.syy), -1.0, 1.0);
  TestR(c);
  // Fisher z interval: atanh(r) ± z_(1+conf)/2 / sqrt(n - 3), mapped back by tanh (Fisher 1921;
  // as R's cor.test, which needs n > 3).
  if (c.n > 3) {
    const double z = std::atanh(c.r);
    const double half =
        stats::NormalQuantile((1 + confidence) / 2) / std::sqrt(static_cast<double>(c.n) - 3);
    c.ci_lower = std::tanh(z - half);
    c.ci_upper = std::tanh(z + half);
  } else {
    c.ci_lower = c.ci_upper = kNaN;
  }
  c.reading = ReadCorrelation("r", c.r, c.p_value);
  return c;
}

Result<Correlation> Spearman(std::span<const double> x, std::span<const double> y) {
  std::vector<double> xs, ys;
  if (Status s = stats::CollectPairs(x, y, xs, ys); !s.ok()) return s;
  if (xs.size() < 3) {
    return Status::FailedPrecondition("correlation needs at least 3 complete pairs, got " +
                                      std::to_string(xs.size()));
  }
  // Spearman's rho is Pearson's r on the ranks (Spearman 1904), which handles ties exactly
  // when they share average ranks.
  const std::vector<double> rx = AverageRanks(xs), ry = AverageRanks(ys);
  const Sums s = CentredSums(rx, ry);
  if (Status st = CheckPairs(xs.size(), s); !st.ok()) return st;
  Correlation c;
  c.n = xs.size();
  c.r = std::clamp(s.sxy / std::sqrt(s.sxx * s.syy), -1.0, 1.0);
  // p from the t approximation on n - 2 df, as R's cor.test(method = "spearman", exact = FALSE).
  TestR(c);
  c.ci_lower = c.ci_upper = kNaN;
  c.reading = ReadCorrelation("rho", c.r, c.p_value);
  return c;
}

}  // namespace kaizen
