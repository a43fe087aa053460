// Funnel plots (include/kaizen/funnel.h). Formulas: docs/formulas.md, "Funnel plots".
#include "kaizen/funnel.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "kaizen/number_format.h"
#include "stats/distributions.h"

namespace kaizen {
namespace {

// Two-sided coverage 95 % and 99.8 %: the tail probabilities 0.025 and 0.001 (Spiegelhalter
// 2005, section 3; FunnelPlotR 0.6 poisson_limits()).
constexpr double kTail95 = 0.025;
constexpr double kTail998 = 0.001;

// The transformed scale of Spiegelhalter (2005, QSHC) section 2: y = g(value), its standard
// error s at the precision, and the target g(θ).
struct Scale {
  FunnelType type;
  FunnelScale scale;
  double Forward(double v) const {
    if (type == FunnelType::kProportion) return std::asin(std::sqrt(v));
    return scale == FunnelScale::kSqrt ? std::sqrt(v) : std::log(v);
  }
  double Back(double y) const {
    if (type == FunnelType::kProportion) {
      const double c = std::clamp(y, 0.0, M_PI / 2);
      return std::sin(c) * std::sin(c);
    }
    if (scale == FunnelScale::kSqrt) return y <= 0 ? 0.0 : y * y;
    return std::exp(y);
  }
  // Var(asin √p) ≈ 1/(4n); Var(√(O/E)) ≈ 1/(4E) for Poisson O; Var(log(O/E)) ≈ 1/(θE).
  double StandardError(double precision, double target) const {
    if (type == FunnelType::kProportion || scale == FunnelScale::kSqrt) {
      return 1.0 / (2.0 * std::sqrt(precision));
    }
    return 1.0 / std::sqrt(target * precision);
  }
};

// Spiegelhalter (2005, Stat Med) appendix A.1.1: the p-quantile r of Binomial(n, θ),
// interpolated so that the limit moves smoothly with n: (r − α)/n with
// α = (F(r) − p) / (F(r) − F(r − 1)).
//
// Where the binomial's variance nθ(1 − θ) exceeds kExactBinomialMaxVariance (or n is past 2^53,
// where a double no longer holds every count), the normal approximation θ + z_p √(θ(1 − θ)/n)
// is used instead (Spiegelhalter 2005, Stat Med, section 3.1.1; the de Moivre–Laplace theorem):
// the skewness term the exact quantile adds, (z² − 1)(1 − 2θ)/(6n), is then below 2·10⁻⁵ of
// one standard error, far inside a plotted line's width, while the exact search walks counts
// one at a time and at 10¹⁶ trials never ends (k + 1 == k). docs/formulas.md, "Funnel plots".
constexpr double kExactBinomialMaxVariance = 1e9;
constexpr double kMaxExactCount = 9007199254740992.0;  // 2^53

bool BinomialIsNormal(double n, double theta) {
  return n > kMaxExactCount || n * theta * (1 - theta) > kExactBinomialMaxVariance;
}

double BinomialLimit(double p, double n, double theta) {
  if (BinomialIsNormal(n, theta)) {
    return std::clamp(theta + stats::NormalQuantile(p) * std::sqrt(theta * (1 - theta) / n), 0.0,
                      1.0);
  }
  const double r = stats::BinomialQuantile(p, n, theta);
  const double f_r = stats::BinomialCdf(r, n, theta);
  const double f_below = r > 0 ? stats::BinomialCdf(r - 1, n, theta) : 0.0;
  const double alpha = f_r > f_below ? (f_r - p) / (f_r - f_below) : 0.0;
  return std::clamp((r - alpha) / n, 0.0, 1.0);
}

// Exact Poisson limits for O/E with E = precision and true ratio θ (Garwood 1936 via
// chi-square quantiles; FunnelPlotR 0.6: ll = qchisq(p_lo, 2E, lower = FALSE)/2/E,
// ul = qchisq(p_hi, 2(E + 1), lower = FALSE)/2/E). The expected count under the target is
// λ = θE, which is E itself at FunnelPlotR's target of 1.
//
// Past an expected count λ of kExactBinomialMaxVariance (10^9, as for proportions) the normal
// approximation θ ± z √(θ/E) is used: the chi-square quantiles lose their precision there (Boost's
// upper quantile at 2λ = 2·10^12 fails) and the exact limits differ from the normal ones by the
// skewness term (z² − 1)/(6E), below 10⁻⁵ of one standard error. docs/formulas.md.
double PoissonLower(double tail, double precision, double theta) {
  const double lambda = theta * precision;
  if (lambda > kExactBinomialMaxVariance) {
    return theta + stats::NormalQuantile(tail) * std::sqrt(theta / precision);
  }
  return stats::ChiSquaredQuantile(tail, 2 * lambda) / 2 / precision;
}
double PoissonUpper(double tail, double precision, double theta) {
  const double lambda = theta * precision;
  if (lambda > kExactBinomialMaxVariance) {
    return theta + stats::NormalQuantileUpper(tail) * std::sqrt(theta / precision);
  }
  return stats::ChiSquaredQuantileUpper(tail, 2 * (lambda + 1)) / 2 / precision;
}

Status CheckTarget(double target, FunnelType type) {
  if (!std::isfinite(target) || target < 0 || (type == FunnelType::kProportion && target > 1)) {
    return Status::InvalidArgument(
        "funnel: the target must be finite, ≥ 0 and, for a "
        "proportion, at most 1");
  }
  if (target == 0 || (type == FunnelType::kProportion && target == 1)) {
    return Status::FailedPrecondition(
        "funnel: a target of 0 (or a proportion of 1) has no variation, so no limits");
  }
  return Status::Ok();
}

FunnelFlag Classify(double v, const FunnelBand& b) {
  if (v > b.upper998) return FunnelFlag::kHigh998;
  if (v > b.upper95) return FunnelFlag::kHigh95;
  if (v < b.lower998) return FunnelFlag::kLow998;
  if (v < b.lower95) return FunnelFlag::kLow95;
  return FunnelFlag::kWithin;
}

// R's quantile(type = 7) of sorted values (Hyndman & Fan 1996, definition 7).
double QuantileType7(const std::vector<double>& sorted, double p) {
  const double h = (sorted.size() - 1) * p;
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

// Average ranks (1-based) with ties sharing the mean rank, as R's rank(ties = "average").
std::vector<double> AverageRanks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> rank(x.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
    const double r = (i + j) / 2.0 + 1;
    for (std::size_t k = i; k <= j; ++k) rank[order[k]] = r;
    i = j + 1;
  }
  return rank;
}

}  // namespace

Result<FunnelBand> FunnelLimitsAt(double precision, double target, FunnelType type,
                                  FunnelLimitMethod method, double tau2, FunnelScale scale) {
  if (!(std::isfinite(precision) && precision > 0)) {
    return Status::InvalidArgument(
        "funnel: the precision (denominator) must be positive and "
        "finite");
  }
  if (Status s = CheckTarget(target, type); !s.ok()) return s;
  if (!(std::isfinite(tau2) && tau2 >= 0)) {
    return Status::InvalidArgument("funnel: tau² must be finite and ≥ 0");
  }
  FunnelBand b;
  if (tau2 > 0) {
    // Spiegelhalter (2005, QSHC) eq. 5: g(θ) ± z·√(s² + τ²), transformed back.
    const Scale sc{type, scale};
    const double t = sc.Forward(target);
    const double se = std::sqrt(std::pow(sc.StandardError(precision, target), 2) + tau2);
    const double z95 = stats::NormalQuantileUpper(kTail95);
    const double z998 = stats::NormalQuantileUpper(kTail998);
    b.lower95 = sc.Back(t - z95 * se);
    b.upper95 = sc.Back(t + z95 * se);
    b.lower998 = sc.Back(t - z998 * se);
    b.upper998 = sc.Back(t + z998 * se);
    return b;
  }
  if (method == FunnelLimitMethod::kNormal) {
    const double sd = type == FunnelType::kProportion ? std::sqrt(target * (1 - target) / precision)
                                                      : std::sqrt(target / precision);
    const double z95 = stats::NormalQuantileUpper(kTail95);
    const double z998 = stats::NormalQuantileUpper(kTail998);
    b.lower95 = target - z95 * sd;
    b.upper95 = target + z95 * sd;
    b.lower998 = target - z998 * sd;
    b.upper998 = target + z998 * sd;
    if (type == FunnelType::kProportion) {
      b.upper95 = std::min(b.upper95, 1.0);
      b.upper998 = std::min(b.upper998, 1.0);
    }
    b.lower95 = std::max(b.lower95, 0.0);
    b.lower998 = std::max(b.lower998, 0.0);
    return b;
  }
  if (type == FunnelType::kProportion) {
    if (precision != std::floor(precision)) {
      return Status::InvalidArgument(
          "funnel: exact binomial limits need a whole-number denominator (got " +
          std::to_string(precision) + "); use the normal approximation");
    }
    b.lower95 = BinomialLimit(kTail95, precision, target);
    b.upper95 = BinomialLimit(1 - kTail95, precision, target);
    b.lower998 = BinomialLimit(kTail998, precision, target);
    b.upper998 = BinomialLimit(1 - kTail998, precision, target);
  } else {
    b.lower95 = PoissonLower(kTail95, precision, target);
    b.upper95 = PoissonUpper(kTail95, precision, target);
    b.lower998 = PoissonLower(kTail998, precision, target);
    b.upper998 = PoissonUpper(kTail998, precision, target);
  }
  if (std::isnan(b.lower95) || std::isnan(b.upper95) || std::isnan(b.lower998) ||
      std::isnan(b.upper998)) {
    return Status::Internal("funnel: a distribution quantile failed at precision " +
                            std::to_string(precision));
  }
  return b;
}

namespace {

// The providers with a numerator and a positive denominator go to out->points, in input order;
// rows with a gap are counted in out->rows_skipped. Fails on values no funnel can hold.
// Returns the totals Σ numerator and Σ denominator, for the pooled centre.
Result<std::pair<double, double>> CollectPoints(std::span<const std::string> providers,
                                                std::span<const double> numerators,
                                                std::span<const double> denominators,
                                                bool proportion, FunnelResult* out) {
  double sum_num = 0, sum_den = 0;
  for (std::size_t i = 0; i < providers.size(); ++i) {
    const double o = numerators[i], d = denominators[i];
    if (std::isinf(o) || std::isinf(d)) {
      return Status::InvalidArgument("funnel: " + providers[i] + " has an infinite value");
    }
    if (std::isnan(o) || std::isnan(d) || d <= 0) {
      ++out->rows_skipped;
      continue;
    }
    if (o < 0) {
      return Status::InvalidArgument("funnel: " + providers[i] + " has a negative numerator");
    }
    if (proportion && o > d) {
      return Status::InvalidArgument("funnel: " + providers[i] +
                                     " has a numerator above its denominator");
    }
    FunnelPoint p{.provider = providers[i], .numerator = o, .denominator = d, .value = o / d};
    out->points.push_back(std::move(p));
    sum_num += o;
    sum_den += d;
  }
  if (out->points.empty()) {
    return Status::FailedPrecondition(
        "funnel: no provider with a numerator and a positive "
        "denominator");
  }
  return std::pair{sum_num, sum_den};
}

// z-scores on the transformed scale (Spiegelhalter 2005, QSHC, section 2) into each point.
// Returns each point's standard error s; *finite_z gets the finite z-scores in point order.
std::vector<double> AddZScores(const Scale& sc, FunnelResult* out, std::vector<double>* finite_z) {
  const double t = sc.Forward(out->target);
  std::vector<double> s(out->points.size());
  for (std::size_t i = 0; i < out->points.size(); ++i) {
    FunnelPoint& p = out->points[i];
    s[i] = sc.StandardError(p.denominator, out->target);
    p.z = (sc.Forward(p.value) - t) / s[i];
    if (std::isfinite(p.z)) finite_z->push_back(p.z);
  }
  return s;
}

// The trimmed z-scores that estimate φ, NaN for a point left out (Spiegelhalter 2005, QSHC,
// section 3.1; FunnelPlotR 0.6 winsorisation() and truncation()). z = −inf (log of 0) takes
// no part.
std::vector<double> TrimZScores(const std::vector<FunnelPoint>& points,
                                const std::vector<double>& finite_z, const FunnelOptions& options) {
  std::vector<double> trimmed(points.size(), std::nan(""));
  if (finite_z.empty()) return trimmed;
  if (options.trim == FunnelTrim::kWinsorise) {
    std::vector<double> sorted = finite_z;
    std::sort(sorted.begin(), sorted.end());
    const double lz = QuantileType7(sorted, options.trim_by);
    const double uz = QuantileType7(sorted, 1 - options.trim_by);
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (std::isfinite(points[i].z)) trimmed[i] = std::clamp(points[i].z, lz, uz);
    }
    return trimmed;
  }
  // FunnelPlotR truncation(): k = 1/trim_by groups by rank, sp = floor(rank·k/(N + 1));
  // groups 0 and k − 1 (the extreme tenths) are dropped.
  const double k = options.trim_by > 0 ? std::round(1 / options.trim_by) : 0;
  const std::vector<double> ranks = AverageRanks(finite_z);
  const double big_n = static_cast<double>(finite_z.size());
  for (std::size_t i = 0, f = 0; i < points.size(); ++i) {
    if (!std::isfinite(points[i].z)) continue;
    const double sp = std::floor(ranks[f++] * k / (big_n + 1));
    if (k == 0 || (sp > 0 && sp < k - 1)) trimmed[i] = points[i].z;
  }
  return trimmed;
}

// φ, the mean squared trimmed z, and τ² from it into *out, marking the points used.
void EstimateOverdispersion(const std::vector<double>& trimmed, const std::vector<double>& s,
                            bool adjust, FunnelResult* out) {
  double n = 0, sum_z2 = 0, sum_w = 0, sum_w2 = 0;
  for (std::size_t i = 0; i < out->points.size(); ++i) {
    if (std::isnan(trimmed[i])) continue;
    out->points[i].used_for_dispersion = true;
    n += 1;
    sum_z2 += trimmed[i] * trimmed[i];
    const double w = 1 / (s[i] * s[i]);
    sum_w += w;
    sum_w2 += w * w;
  }
  out->phi = n > 0 ? sum_z2 / n : std::nan("");
  // τ² = max(0, (nφ − (n − 1)) / (Σw − Σw²/Σw)), w = 1/s² (DerSimonian–Laird form;
  // Spiegelhalter 2005, QSHC, eq. 4; FunnelPlotR 0.6 tau_func()).
  const double denom = sum_w - (sum_w > 0 ? sum_w2 / sum_w : 0);
  out->tau2 = (n > 1 && denom > 0) ? std::max(0.0, (n * out->phi - (n - 1)) / denom) : 0.0;
  out->adjusted = adjust && out->tau2 > 0;
}

// Each point's limits at its own precision, its z adjusted by τ² and its flag.
Status AddLimits(const std::vector<double>& s, double tau2, const FunnelOptions& options,
                 FunnelResult* out) {
  for (std::size_t i = 0; i < out->points.size(); ++i) {
    FunnelPoint& p = out->points[i];
    Result<FunnelBand> band = FunnelLimitsAt(p.denominator, out->target, options.type,
                                             options.method, tau2, options.scale);
    if (!band.ok()) return band.status();
    p.limits = *band;
    p.z_adjusted = p.z / std::sqrt(1 + tau2 / (s[i] * s[i]));
    p.flag = Classify(p.value, p.limits);
  }
  return Status::Ok();
}

// The providers outside the 95 % and the 99.8 % limits, the most extreme |adjusted z| first
// (ties in input order).
void ListOutliers(FunnelResult* out) {
  std::vector<std::size_t> order(out->points.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::fabs(out->points[a].z_adjusted) > std::fabs(out->points[b].z_adjusted);
  });
  for (std::size_t i : order) {
    const FunnelFlag f = out->points[i].flag;
    if (f != FunnelFlag::kWithin) out->outside95.push_back(out->points[i].provider);
    if (f == FunnelFlag::kHigh998 || f == FunnelFlag::kLow998) {
      out->outside998.push_back(out->points[i].provider);
    }
  }
}

// Which limits were drawn, in words, for the method sentence.
std::string LimitsInWords(const FunnelResult& out, const FunnelOptions& options) {
  if (out.adjusted) {
    return "random-effects limits widened for overdispersion (Spiegelhalter 2005, tau² = " +
           FormatAuto(out.tau2) + ")";
  }
  if (options.method == FunnelLimitMethod::kNormal) return "normal-approximation limits";
  const bool proportion = options.type == FunnelType::kProportion;
  std::string limits = proportion ? "exact binomial limits (Spiegelhalter 2005 interpolation)"
                                  : "exact Poisson limits (chi-square quantiles)";
  // Say so where the exact limits gave way to the normal approximation (BinomialLimit).
  const bool approximated =
      std::any_of(out.points.begin(), out.points.end(), [&](const FunnelPoint& p) {
        return proportion ? BinomialIsNormal(p.denominator, out.target)
                          : out.target * p.denominator > kExactBinomialMaxVariance;
      });
  if (approximated) {
    limits += proportion ? ", with the normal approximation where n·θ(1 − θ) exceeds 10^9,"
                         : ", with the normal approximation where the expected count exceeds "
                           "10^9,";
  }
  return limits;
}

// The one-sentence method: limits, centre (on the display scale) and φ.
std::string MethodSentence(const FunnelResult& out, const FunnelOptions& options) {
  return "95 % and 99.8 % " + LimitsInWords(out, options) + " around " +
         (out.centre == FunnelCentre::kPooledMean ? "the pooled mean, " : "a target of ") +
         FormatAuto(out.target *
                    (std::isfinite(options.display_multiplier) && options.display_multiplier > 0
                         ? options.display_multiplier
                         : 1)) +
         (options.display_unit.empty()  ? ""
          : options.display_unit == "%" ? "%"
                                        : " " + options.display_unit) +
         "; dispersion ratio phi = " + FormatAuto(out.phi) + ".";
}

}  // namespace

Result<FunnelResult> AnalyseFunnel(std::span<const std::string> providers,
                                   std::span<const double> numerators,
                                   std::span<const double> denominators,
                                   const FunnelOptions& options) {
  if (providers.size() != numerators.size() || providers.size() != denominators.size()) {
    return Status::InvalidArgument(
        "funnel: providers, numerators and denominators differ in "
        "length");
  }
  if (!(options.trim_by >= 0 && options.trim_by < 0.5)) {
    return Status::InvalidArgument("funnel: trim_by must be in [0, 0.5)");
  }
  FunnelResult out;
  out.type = options.type;
  const Result<std::pair<double, double>> totals = CollectPoints(
      providers, numerators, denominators, options.type == FunnelType::kProportion, &out);
  if (!totals.ok()) return totals.status();
  const auto [sum_num, sum_den] = *totals;
  // FunnelPlotR 0.6: target 1 for SR, the pooled value for proportions and ratios of counts.
  out.target = options.target ? *options.target
                              : (options.type == FunnelType::kRatio ? 1.0 : sum_num / sum_den);
  out.centre = options.target                       ? FunnelCentre::kTarget
               : options.type == FunnelType::kRatio ? FunnelCentre::kExpected
                                                    : FunnelCentre::kPooledMean;
  if (Status s = CheckTarget(out.target, options.type); !s.ok()) return s;

  std::vector<double> finite_z;
  const std::vector<double> s = AddZScores(Scale{options.type, options.scale}, &out, &finite_z);
  EstimateOverdispersion(TrimZScores(out.points, finite_z, options), s,
                         options.adjust_overdispersion, &out);
  if (Status st = AddLimits(s, out.adjusted ? out.tau2 : 0.0, options, &out); !st.ok()) return st;
  ListOutliers(&out);
  out.method = MethodSentence(out, options);
  return out;
}

}  // namespace kaizen
