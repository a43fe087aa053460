// Before/after comparisons (include/kaizen/hypothesis.h). Formulas: docs/formulas.md,
// "Hypothesis tests".
#include "kaizen/hypothesis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <vector>

#include "kaizen/number_format.h"
#include "stats/distributions.h"

namespace kaizen {
namespace {

// Above this many pairwise differences the Hodges–Lehmann estimate is not computed (80 MB).
constexpr double kMaxDifferences = 1e7;
// R's fisher.test: table probabilities within this relative tolerance of the observed one
// count as "as or less likely" (R 4.x, src/library/stats/R/fisher.test.R, relErr).
constexpr double kFisherRelErr = 1 + 1e-7;

// Statistics in sentences through the one number formatter (kaizen/number_format.h): never
// "2.8e+04". Effect sizes (`decimals` 2) are read on a fixed scale, so they keep two decimals.
std::string Num(double v, int decimals = -1) {
  if (std::isnan(v)) return "undefined";
  return decimals < 0 ? FormatAuto(v) : FormatDecimals(v, decimals);
}

std::string PText(double p) { return p < 0.001 ? "below 0.001" : FormatDecimals(p, 3); }

// The sentence every test carries: what its p-value means and what it cannot say.
std::string PSentence(double p, const std::string& what) {
  return "A p-value of " + PText(p) + " means " + what + " this large would be " +
         (p < 0.05 ? "unusual" : "quite possible") +
         " if nothing had changed; it does not say the change caused it, nor how large the "
         "effect is in practice.";
}

Status Collect(std::span<const double> in, const char* name, std::vector<double>* out) {
  out->clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (std::isinf(in[i])) {
      return Status::InvalidArgument(std::string(name) + ": value " + std::to_string(i + 1) +
                                     " is infinite");
    }
    if (!std::isnan(in[i])) out->push_back(in[i]);
  }
  return Status::Ok();
}

Status CheckConfidence(double c) {
  if (!(c > 0 && c < 1)) return Status::InvalidArgument("confidence must be in (0, 1)");
  return Status::Ok();
}

void MeanVar(const std::vector<double>& v, double* mean, double* var) {
  double m = 0, m2 = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {  // Welford (1962)
    const double d = v[i] - m;
    m += d / static_cast<double>(i + 1);
    m2 += d * (v[i] - m);
  }
  *mean = m;
  *var = v.size() > 1 ? m2 / static_cast<double>(v.size() - 1) : std::nan("");
}

// log of the central hypergeometric probability of a: C(m, a) C(n, k − a) / C(m + n, k).
double LogDhyper(double a, double m, double n, double k) {
  auto lchoose = [](double N, double r) {
    return std::lgamma(N + 1) - std::lgamma(r + 1) - std::lgamma(N - r + 1);
  };
  return lchoose(m, a) + lchoose(n, k - a) - lchoose(m + n, k);
}

// Fisher's noncentral hypergeometric distribution of the (1,1) cell given the margins, as
// R's fisher.test (dnhyper, mnhyper, pnhyper): weights ∝ dhyper(i) ψ^i, i = lo..hi.
struct NonCentral {
  double lo, hi;
  std::vector<double> logd;  // central log probabilities

  std::vector<double> Density(double log_psi) const {
    std::vector<double> d(logd.size());
    double mx = -INFINITY;
    for (std::size_t i = 0; i < d.size(); ++i) {
      d[i] = logd[i] + log_psi * (lo + static_cast<double>(i));
      mx = std::max(mx, d[i]);
    }
    double sum = 0;
    for (double& v : d) sum += (v = std::exp(v - mx));
    for (double& v : d) v /= sum;
    return d;
  }
  double Mean(double log_psi) const {
    const std::vector<double> d = Density(log_psi);
    double m = 0;
    for (std::size_t i = 0; i < d.size(); ++i) m += (lo + static_cast<double>(i)) * d[i];
    return m;
  }
  // P(X ≤ x) (upper = false) or P(X ≥ x) (upper = true).
  double Tail(double x, double log_psi, bool upper) const {
    const std::vector<double> d = Density(log_psi);
    double s = 0;
    for (std::size_t i = 0; i < d.size(); ++i) {
      const double v = lo + static_cast<double>(i);
      if (upper ? v >= x : v <= x) s += d[i];
    }
    return s;
  }
};

// Root of an increasing (sign = +1) or decreasing (sign = −1) function f(log ψ) − target by
// bisection over log ψ ∈ [−60, 60]; R uses uniroot over ψ with the same monotone functions.
template <typename F>
double SolveLogPsi(F f, double target, int sign) {
  double lo = -60, hi = 60;
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    if (sign * (f(mid) - target) < 0) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return std::exp((lo + hi) / 2);
}

// Wilson (1927) score interval for x/n (Newcombe 1998, method 3).
void Wilson(double x, double n, double z, double* lower, double* upper) {
  const double p = x / n;
  const double z2 = z * z;
  const double centre = p + z2 / (2 * n);
  const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  *lower = (centre - half) / (1 + z2 / n);
  *upper = (centre + half) / (1 + z2 / n);
}

Status CheckCount(double v, const char* name) {
  if (!std::isfinite(v) || v < 0 || v != std::floor(v)) {
    return Status::InvalidArgument(std::string("proportions: ") + name +
                                   " must be a whole number ≥ 0");
  }
  return Status::Ok();
}

}  // namespace

Result<WelchTest> WelchTTest(std::span<const double> x_in, std::span<const double> y_in,
                             double confidence) {
  if (Status s = CheckConfidence(confidence); !s.ok()) return s;
  std::vector<double> x, y;
  if (Status s = Collect(x_in, "t-test (first group)", &x); !s.ok()) return s;
  if (Status s = Collect(y_in, "t-test (second group)", &y); !s.ok()) return s;
  if (x.size() < 2 || y.size() < 2) {
    return Status::FailedPrecondition("t-test: each group needs at least 2 values (got " +
                                      std::to_string(x.size()) + " and " +
                                      std::to_string(y.size()) + ")");
  }
  WelchTest r;
  r.confidence = confidence;
  r.n1 = static_cast<int64_t>(x.size());
  r.n2 = static_cast<int64_t>(y.size());
  double v1, v2;
  MeanVar(x, &r.mean1, &v1);
  MeanVar(y, &r.mean2, &v2);
  r.sd1 = std::sqrt(v1);
  r.sd2 = std::sqrt(v2);
  const double n1 = static_cast<double>(r.n1), n2 = static_cast<double>(r.n2);
  const double a = v1 / n1, b = v2 / n2;
  const double se = std::sqrt(a + b);
  if (!(se > 0)) {
    return Status::FailedPrecondition(
        "t-test: both groups are constant, so there is no "
        "variation to judge the difference against");
  }
  r.mean_difference = r.mean1 - r.mean2;
  // Welch (1947); Satterthwaite (1946) degrees of freedom; R's t.test(var.equal = FALSE).
  r.t = r.mean_difference / se;
  r.df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
  r.p_value = stats::StudentTTwoSidedP(r.t, r.df);
  const double q = stats::StudentTQuantileUpper((1 - confidence) / 2, r.df);
  r.ci_lower = r.mean_difference - q * se;
  r.ci_upper = r.mean_difference + q * se;
  // Cohen (1988) d with the pooled sd; Hedges (1981) g = J d, J = 1 − 3/(4(n1 + n2) − 9);
  // SE(g) = √((n1 + n2)/(n1 n2) + g²/(2(n1 + n2))) (Hedges & Olkin 1985, eq. 5.14).
  const double sp = std::sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2));
  r.cohens_d = sp > 0 ? r.mean_difference / sp : std::nan("");
  const double j = 1 - 3 / (4 * (n1 + n2) - 9);
  r.hedges_g = j * r.cohens_d;
  const double se_g = std::sqrt((n1 + n2) / (n1 * n2) + r.hedges_g * r.hedges_g / (2 * (n1 + n2)));
  const double z = stats::NormalQuantileUpper((1 - confidence) / 2);
  r.g_lower = r.hedges_g - z * se_g;
  r.g_upper = r.hedges_g + z * se_g;
  r.sentence = "The means differ by " + Num(r.mean_difference) + " (" + Num(confidence * 100) +
               " % interval " + Num(r.ci_lower) + " to " + Num(r.ci_upper) + "; Hedges' g " +
               Num(r.hedges_g, 2) + "). " + PSentence(r.p_value, "a difference in means");
  return r;
}

namespace {

struct RankSums {
  double first_group = 0;  // R₁, the sum of the first group's ranks
  double ties = 0;         // Σ(t³ − t) over tied runs, for the tie correction
};

// Ranks both groups together, ties sharing their average rank.
RankSums RankBothGroups(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t big_n = x.size() + y.size();
  std::vector<std::pair<double, int>> all;
  all.reserve(big_n);
  for (double v : x) all.push_back({v, 0});
  for (double v : y) all.push_back({v, 1});
  std::sort(all.begin(), all.end());
  RankSums sums;
  for (std::size_t i = 0; i < big_n;) {
    std::size_t j = i;
    while (j + 1 < big_n && all[j + 1].first == all[i].first) ++j;
    const double rank = (static_cast<double>(i + j) / 2) + 1;
    const double t = static_cast<double>(j - i + 1);
    sums.ties += t * t * t - t;
    for (std::size_t k = i; k <= j; ++k) {
      if (all[k].second == 0) sums.first_group += rank;
    }
    i = j + 1;
  }
  return sums;
}

// Hodges & Lehmann (1963): the median of the n1·n2 differences xᵢ − yⱼ; the interval is
// the pair of order statistics D(C) and D(n1n2 + 1 − C), C = round(n1n2/2 − z σ₀),
// σ₀ = √(n1n2(N + 1)/12) (Hollander & Wolfe, Nonparametric Statistical Methods, 2nd ed.,
// section 4.3, large-sample approximation, no tie correction). NaN past kMaxDifferences pairs.
void AddHodgesLehmann(const std::vector<double>& x, const std::vector<double>& y,
                      MannWhitneyTest* r) {
  const double pairs = static_cast<double>(x.size()) * static_cast<double>(y.size());
  const double dn = static_cast<double>(x.size()) + static_cast<double>(y.size());
  if (!(pairs <= kMaxDifferences)) {
    r->hl_shift = r->hl_lower = r->hl_upper = std::nan("");
    return;
  }
  std::vector<double> d;
  d.reserve(static_cast<std::size_t>(pairs));
  for (double a : x) {
    for (double b : y) d.push_back(a - b);
  }
  std::sort(d.begin(), d.end());
  const std::size_t m = d.size();
  r->hl_shift = m % 2 == 1 ? d[m / 2] : (d[m / 2 - 1] + d[m / 2]) / 2;
  const double zq = stats::NormalQuantileUpper((1 - r->confidence) / 2);
  const double c = std::round(pairs / 2 - zq * std::sqrt(pairs * (dn + 1) / 12));
  if (c >= 1) {
    r->hl_lower = d[static_cast<std::size_t>(c) - 1];
    r->hl_upper = d[m - static_cast<std::size_t>(c)];
  } else {
    // Too few values for an interval at this confidence.
    r->hl_lower = -INFINITY;
    r->hl_upper = INFINITY;
  }
}

}  // namespace

Result<MannWhitneyTest> MannWhitney(std::span<const double> x_in, std::span<const double> y_in,
                                    double confidence) {
  if (Status s = CheckConfidence(confidence); !s.ok()) return s;
  std::vector<double> x, y;
  if (Status s = Collect(x_in, "Mann-Whitney (first group)", &x); !s.ok()) return s;
  if (Status s = Collect(y_in, "Mann-Whitney (second group)", &y); !s.ok()) return s;
  if (x.empty() || y.empty()) {
    return Status::FailedPrecondition("Mann-Whitney: each group needs at least 1 value");
  }
  const RankSums ranks = RankBothGroups(x, y);
  MannWhitneyTest r;
  r.confidence = confidence;
  r.n1 = static_cast<int64_t>(x.size());
  r.n2 = static_cast<int64_t>(y.size());
  const double dn1 = static_cast<double>(x.size()), dn2 = static_cast<double>(y.size());
  const double dn = dn1 + dn2;
  // R's wilcox.test (exact = FALSE, correct = TRUE): W = R₁ − n1(n1 + 1)/2,
  // z = (W − n1n2/2 − sign·0.5) / σ, σ² = n1n2/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))).
  r.w = ranks.first_group - dn1 * (dn1 + 1) / 2;
  const double centred = r.w - dn1 * dn2 / 2;
  const double sigma =
      std::sqrt(dn1 * dn2 / 12 * ((dn + 1) - (dn > 1 ? ranks.ties / (dn * (dn - 1)) : 0)));
  if (!(sigma > 0)) {
    return Status::FailedPrecondition(
        "Mann-Whitney: every value is equal, so there are no "
        "ranks to compare");
  }
  const double correction = centred > 0 ? 0.5 : (centred < 0 ? -0.5 : 0.0);
  r.z = (centred - correction) / sigma;
  r.p_value = std::min(1.0, 2 * std::min(stats::NormalCdf(r.z), stats::NormalSf(r.z)));
  // Rosenthal (1991) r = Z/√N.
  r.effect_r = r.z / std::sqrt(dn);
  AddHodgesLehmann(x, y, &r);
  r.sentence = "Values in the first group tend to be " +
               std::string(r.w > dn1 * dn2 / 2 ? "higher"
                                               : (r.w < dn1 * dn2 / 2 ? "lower" : "no different")) +
               " (typical shift " + Num(r.hl_shift) + ", effect size r = " + Num(r.effect_r, 2) +
               "). " + PSentence(r.p_value, "a difference in ranks");
  return r;
}

namespace {

// The table [a b; c d] = [x1, n1 − x1; x2, n2 − x2] and its column totals.
struct TwoByTwo {
  double a, b, c, d;
  double col1, col2;
};

// Each proportion with its Wilson interval, and their difference with Newcombe's (1998),
// Stat Med 17:873–890, method 10 (hybrid score) interval.
void AddRiskDifference(double z, ProportionComparison* r) {
  r->p1 = r->x1 / r->n1;
  r->p2 = r->x2 / r->n2;
  r->risk_difference = r->p1 - r->p2;
  Wilson(r->x1, r->n1, z, &r->p1_lower, &r->p1_upper);
  Wilson(r->x2, r->n2, z, &r->p2_lower, &r->p2_upper);
  r->rd_lower = r->risk_difference -
                std::sqrt(std::pow(r->p1 - r->p1_lower, 2) + std::pow(r->p2_upper - r->p2, 2));
  r->rd_upper = r->risk_difference +
                std::sqrt(std::pow(r->p1_upper - r->p1, 2) + std::pow(r->p2 - r->p2_lower, 2));
}

// Sample odds ratio with Woolf's (1955) interval exp(log OR ± z√(1/a + 1/b + 1/c + 1/d)),
// which needs every cell above 0.
void AddOddsRatio(const TwoByTwo& t, double z, ProportionComparison* r) {
  r->odds_ratio = (t.a * t.d) / (t.b * t.c);
  if (t.a > 0 && t.b > 0 && t.c > 0 && t.d > 0) {
    const double se = std::sqrt(1 / t.a + 1 / t.b + 1 / t.c + 1 / t.d);
    r->or_lower = std::exp(std::log(r->odds_ratio) - z * se);
    r->or_upper = std::exp(std::log(r->odds_ratio) + z * se);
  } else {
    r->or_lower = r->or_upper = std::nan("");
  }
}

// Pearson's chi-square on expected counts Eᵢⱼ = rowᵢ colⱼ / N; Yates: |O − E| reduced by
// min(0.5, |O − E|), as R's chisq.test(correct = TRUE).
void AddChiSquare(const TwoByTwo& t, ProportionComparison* r) {
  const double n1 = r->n1, n2 = r->n2, total = n1 + n2;
  const double obs[4] = {t.a, t.b, t.c, t.d};
  const double exp_[4] = {n1 * t.col1 / total, n1 * t.col2 / total, n2 * t.col1 / total,
                          n2 * t.col2 / total};
  r->min_expected = *std::min_element(exp_, exp_ + 4);
  for (int i = 0; i < 4; ++i) {
    const double dev = std::fabs(obs[i] - exp_[i]);
    r->chi_square += dev * dev / exp_[i];
    const double yates = dev - std::min(0.5, dev);
    r->chi_square_yates += yates * yates / exp_[i];
  }
  r->chi_square_p = stats::ChiSquaredSf(r->chi_square, 1);
  r->chi_square_yates_p = stats::ChiSquaredSf(r->chi_square_yates, 1);
}

// Fisher's exact test as R's fisher.test: a given the margins is hypergeometric; the
// two-sided p sums the probabilities of tables no more likely than the observed one. Also
// the conditional odds ratio and its exact interval.
void AddFisher(const TwoByTwo& t, ProportionComparison* r) {
  const double a = t.a, n1 = r->n1;
  NonCentral nc;
  nc.lo = std::max(0.0, n1 - t.col2);
  nc.hi = std::min(n1, t.col1);
  for (double i = nc.lo; i <= nc.hi; i += 1) nc.logd.push_back(LogDhyper(i, t.col1, t.col2, n1));
  const std::vector<double> d0 = nc.Density(0);
  const double observed = d0[static_cast<std::size_t>(a - nc.lo)];
  double p = 0;
  for (double v : d0) {
    if (v <= observed * kFisherRelErr) p += v;
  }
  r->fisher_p = std::min(1.0, p);
  // Conditional MLE: E[a; ψ] = a (R's fisher.test mle()); 0 or ∞ at the support's ends.
  if (a == nc.lo) {
    r->conditional_or = 0;
  } else if (a == nc.hi) {
    r->conditional_or = INFINITY;
  } else {
    r->conditional_or = SolveLogPsi([&](double lp) { return nc.Mean(lp); }, a, +1);
  }
  // Exact conditional interval (Cornfield 1956; R's ncp.L and ncp.U): P(X ≥ a; ψ_L) = α/2,
  // P(X ≤ a; ψ_U) = α/2.
  const double alpha = (1 - r->confidence) / 2;
  r->conditional_or_lower =
      a == nc.lo ? 0.0 : SolveLogPsi([&](double lp) { return nc.Tail(a, lp, true); }, alpha, +1);
  r->conditional_or_upper =
      a == nc.hi ? INFINITY
                 : SolveLogPsi([&](double lp) { return nc.Tail(a, lp, false); }, alpha, -1);
}

}  // namespace

Result<ProportionComparison> CompareProportions(double x1, double n1, double x2, double n2,
                                                double confidence) {
  if (Status s = CheckConfidence(confidence); !s.ok()) return s;
  for (auto [v, name] : {std::pair{x1, "x1"}, {n1, "n1"}, {x2, "x2"}, {n2, "n2"}}) {
    if (Status s = CheckCount(v, name); !s.ok()) return s;
  }
  if (x1 > n1 || x2 > n2) {
    return Status::InvalidArgument("proportions: successes cannot exceed the group size");
  }
  if (n1 == 0 || n2 == 0) {
    return Status::FailedPrecondition("proportions: each group needs at least one case");
  }
  ProportionComparison r;
  r.confidence = confidence;
  r.x1 = x1;
  r.n1 = n1;
  r.x2 = x2;
  r.n2 = n2;
  TwoByTwo t{.a = x1, .b = n1 - x1, .c = x2, .d = n2 - x2, .col1 = 0, .col2 = 0};
  t.col1 = t.a + t.c;
  t.col2 = t.b + t.d;
  if (t.col1 == 0 || t.col2 == 0) {
    return Status::FailedPrecondition(
        "proportions: every case is a success (or every case a "
        "failure) in both groups, so there is nothing to test");
  }
  const double z = stats::NormalQuantileUpper((1 - confidence) / 2);
  AddRiskDifference(z, &r);
  AddOddsRatio(t, z, &r);
  AddChiSquare(t, &r);
  AddFisher(t, &r);
  r.sentence = "The proportions are " + Num(r.p1) + " and " + Num(r.p2) + ", a difference of " +
               Num(r.risk_difference) + " (" + Num(confidence * 100) + " % interval " +
               Num(r.rd_lower) + " to " + Num(r.rd_upper) + "). " +
               PSentence(r.fisher_p, "a difference in proportions") +
               (r.min_expected < 5 ? " Some expected counts are below 5: read Fisher's exact "
                                     "p-value, not the chi-square."
                                   : "");
  return r;
}

}  // namespace kaizen
