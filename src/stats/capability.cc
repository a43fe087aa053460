// Process capability (include/kaizen/capability.h). Formulas: docs/formulas.md, "Process
// capability"; Montgomery, Introduction to Statistical Quality Control, 6th ed. (2009), ch. 8.
#include "kaizen/capability.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kaizen/model.h"
#include "kaizen/number_format.h"
#include "kaizen/spc.h"
#include "kaizen/stats.h"
#include "stats/distributions.h"

namespace kaizen {
namespace {

// d2 for moving ranges of two (Montgomery, 6th ed., appendix table VI).
constexpr double kD2 = 1.128;
// Below this many values the indices are too uncertain to act on alone (Montgomery, 6th ed.,
// section 8.3.5: the Cpk interval at n = 20 spans 0.88 to 1.78 around 1.33).
constexpr int64_t kFewValues = 30;
// Anderson–Darling p below this: the normal model is doubtful (the 5 % level Minitab's
// capability analysis uses for its normality check).
constexpr double kNormalityAlpha = 0.05;

// c4(m) = √(2/(m − 1)) Γ(m/2) / Γ((m − 1)/2), the bias of s from m normal values (Montgomery,
// 6th ed., eq. 6.30).
double C4(double m) {
  return std::sqrt(2.0 / (m - 1)) * std::exp(std::lgamma(m / 2) - std::lgamma((m - 1) / 2));
}

std::string Fixed(double v, int digits) {
  if (std::isnan(v)) return "undefined";
  return FormatDecimals(v, digits);
}

Status CheckSpec(const SpecLimits& spec) {
  if (!spec.lsl && !spec.usl) {
    return Status::InvalidArgument("capability: give a lower or an upper specification limit");
  }
  if ((spec.lsl && !std::isfinite(*spec.lsl)) || (spec.usl && !std::isfinite(*spec.usl))) {
    return Status::InvalidArgument("capability: specification limits must be finite");
  }
  if (spec.lsl && spec.usl && *spec.lsl >= *spec.usl) {
    return Status::InvalidArgument(
        "capability: the lower specification limit must be below "
        "the upper");
  }
  return Status::Ok();
}

struct Indices {
  double cp, lower, upper, k;
};

// Montgomery, 6th ed., eqs. 8.5–8.8: Cp = (USL − LSL)/6σ, Cpu = (USL − μ)/3σ,
// Cpl = (μ − LSL)/3σ, Cpk = min(Cpu, Cpl); one-sided specs give only their side.
Indices Compute(double mean, double sigma, const SpecLimits& spec) {
  const double nan = std::nan("");
  Indices ix{nan, nan, nan, nan};
  if (!(sigma > 0)) return ix;
  if (spec.lsl && spec.usl) ix.cp = (*spec.usl - *spec.lsl) / (6 * sigma);
  if (spec.lsl) ix.lower = (mean - *spec.lsl) / (3 * sigma);
  if (spec.usl) ix.upper = (*spec.usl - mean) / (3 * sigma);
  ix.k = spec.lsl && spec.usl ? std::min(ix.lower, ix.upper) : (spec.lsl ? ix.lower : ix.upper);
  return ix;
}

void Fallout(double mean, double sigma, const SpecLimits& spec, double* below, double* above) {
  *below = *above = std::nan("");
  if (!(sigma > 0)) return;
  *below = spec.lsl ? stats::NormalCdf(*spec.lsl, mean, sigma) * 1e6 : 0.0;
  *above = spec.usl ? stats::NormalSf(*spec.usl, mean, sigma) * 1e6 : 0.0;
}

void AddSentence(CapabilityResult* r, double confidence) {
  std::string s = "Cpk = " + Fixed(r->cpk, 2) + " (" + Fixed(confidence * 100, 0) + " % interval " +
                  Fixed(r->cpk_lower, 2) + " to " + Fixed(r->cpk_upper, 2) +
                  "), Ppk = " + Fixed(r->ppk, 2) + ": if the process stays as it is, about " +
                  Fixed(r->ppm, 0) +
                  " in a million results would fall outside the specification (normal model, "
                  "overall sigma). Capability describes a stable process against its "
                  "specification; it cannot say why results vary or whether the specification "
                  "is the right one.";
  r->sentence = std::move(s);
}

// Counts the special-cause points of `spc` and warns when there are any, naming the chart and
// the first signal (`where` turns a signal's point indices into words).
template <typename Where>
void WarnIfUnstable(const SeriesResult& spc, const std::string& chart, Where where,
                    CapabilityResult* r) {
  int special = 0;
  for (const PointResult& p : spc.points) {
    if (IsSpecialCause(p.point_class)) ++special;
  }
  if (special == 0) return;
  std::string first;
  if (!spc.signals.empty()) {
    const Signal& s0 = spc.signals.front();
    first = "; the first: rule " + std::string(RuleName(s0.rule)) + " " + where(s0);
  }
  r->warnings.push_back(
      {CapabilityWarningCode::kUnstable,
       "The process is not in statistical control: " + std::to_string(special) +
           " point(s) show special-cause variation on " + chart + first +
           ". Capability indices describe a stable process; for an unstable one they mean "
           "nothing until the special causes are understood."});
}

// Special causes on the control chart: capability of an unstable process is not defined
// (Montgomery, 6th ed., section 8.1; MDC guidance). The series' own chart when the caller has
// it; bare values are judged on an XmR chart in time order (profile mdc).
void CheckStability(std::span<const double> values, const CapabilityOptions& options,
                    CapabilityResult* r) {
  if (options.stability_chart != nullptr) {
    const SeriesResult& own = *options.stability_chart;
    const std::string chart = "the indicator's " + std::string(ChartTypeName(own.chart)) +
                              " chart (profile " + own.profile + ")";
    WarnIfUnstable(
        own, chart,
        [&](const Signal& s) {
          const auto shown = [&](int i) {
            return FormatPeriod(own.points[i].period, own.period_kind);
          };
          const std::string from = shown(s.first);
          return s.first == s.last ? "at " + from : "from " + from + " to " + shown(s.last);
        },
        r);
    return;
  }
  Series series;
  series.indicator_id = "capability";
  for (std::size_t i = 0; i < values.size(); ++i) {
    series.Add({.period = Date(static_cast<int32_t>(i)), .value = values[i]});
  }
  Indicator indicator;
  indicator.id = "capability";
  indicator.chart = ChartType::kXmr;
  indicator.direction = Direction::kNeither;
  indicator.profile = "mdc";
  Result<SeriesResult> spc = AnalyseSeries(indicator, series);
  if (!spc.ok()) {
    r->warnings.push_back({CapabilityWarningCode::kUnstable,
                           "Stability could not be checked: " + spc.status().message()});
    return;
  }
  // The values carry no dates, so signals are named by observation numbers (the engine's
  // sentence would quote the made-up periods used to build the series).
  WarnIfUnstable(
      *spc, "an XmR chart of the values (profile mdc)",
      [](const Signal& s) {
        return s.first == s.last ? "at observation " + std::to_string(s.first + 1)
                                 : "at observations " + std::to_string(s.first + 1) + " to " +
                                       std::to_string(s.last + 1);
      },
      r);
}

void CheckNormality(std::span<const double> values, CapabilityResult* r) {
  Result<NormalityTest> ad = AndersonDarling(values);
  if (!ad.ok()) {
    r->warnings.push_back({CapabilityWarningCode::kNormalityNotChecked,
                           "Normality was not checked: " + ad.status().message()});
    return;
  }
  if (ad->p_value < kNormalityAlpha) {
    r->warnings.push_back(
        {CapabilityWarningCode::kNotNormal,
         "The data are clearly not normal (Anderson-Darling p = " + Fixed(ad->p_value, 4) +
             "): the expected parts per million, DPMO and sigma level assume a normal "
             "distribution and may be far off."});
  }
}

Result<CapabilityResult> FromSummary(double mean, double sigma_within, double sigma_overall,
                                     int64_t n, const SpecLimits& spec, double confidence) {
  if (Status s = CheckSpec(spec); !s.ok()) return s;
  if (!std::isfinite(mean)) return Status::InvalidArgument("capability: the mean is not finite");
  if (!(std::isfinite(sigma_within) && sigma_within >= 0 && std::isfinite(sigma_overall) &&
        sigma_overall >= 0)) {
    return Status::InvalidArgument("capability: sigmas must be finite and non-negative");
  }
  if (n < 2) return Status::FailedPrecondition("capability: needs at least 2 values");
  if (!(confidence > 0 && confidence < 1)) {
    return Status::InvalidArgument("capability: confidence must be in (0, 1)");
  }
  CapabilityResult r;
  r.n = n;
  r.mean = mean;
  r.sigma_within = sigma_within;
  r.sigma_overall = sigma_overall;
  const Indices within = Compute(mean, sigma_within, spec);
  const Indices overall = Compute(mean, sigma_overall, spec);
  r.cp = within.cp;
  r.cpl = within.lower;
  r.cpu = within.upper;
  r.cpk = within.k;
  r.pp = overall.cp;
  r.ppl = overall.lower;
  r.ppu = overall.upper;
  r.ppk = overall.k;
  // Bissell (1990), Biometrika 77: Ĉpk ± z·√(1/(9n) + Ĉpk²/(2(n − 1))) (Montgomery, 6th ed.,
  // eq. 8.21, written there as Ĉpk[1 ± z√(1/(9nĈpk²) + 1/(2(n − 1)))]).
  const double z = stats::NormalQuantileUpper((1 - confidence) / 2);
  const double half =
      z * std::sqrt(1.0 / (9.0 * n) + r.cpk * r.cpk / (2.0 * (static_cast<double>(n) - 1)));
  r.cpk_lower = r.cpk - half;
  r.cpk_upper = r.cpk + half;
  Fallout(mean, sigma_within, spec, &r.ppm_below_within, &r.ppm_above_within);
  r.ppm_within = r.ppm_below_within + r.ppm_above_within;
  Fallout(mean, sigma_overall, spec, &r.ppm_below, &r.ppm_above);
  r.ppm = r.ppm_below + r.ppm_above;
  r.dpmo = r.ppm;
  r.percent_outside = r.ppm / 1e4;
  // Z.bench: the one-sided normal quantile of the total fraction outside (Minitab's
  // "Z.Bench"; Breyfogle, Implementing Six Sigma, 2nd ed., section 11.3). No 1.5 shift.
  r.z_bench = stats::NormalQuantileUpper(r.ppm / 1e6);
  r.z_bench_within = stats::NormalQuantileUpper(r.ppm_within / 1e6);
  r.z_min = 3 * r.ppk;
  AddSentence(&r, confidence);
  return r;
}

// The mean, the overall standard deviation (n − 1) and n of the finite values (Welford 1962).
struct Moments {
  int64_t n = 0;
  double mean = 0, m2 = 0;
  void Add(double v) {
    ++n;
    const double d = v - mean;
    mean += d / n;
    m2 += d * (v - mean);
  }
  double Sd() const { return n > 1 ? std::sqrt(m2 / (n - 1)) : std::nan(""); }
};

Status CheckValues(std::span<const double> values, int64_t* missing) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isinf(values[i])) {
      return Status::InvalidArgument("capability: value " + std::to_string(i + 1) + " is infinite");
    }
    if (std::isnan(values[i])) ++*missing;
  }
  return Status::Ok();
}

void AddDataWarnings(std::span<const double> values, int64_t missing,
                     const CapabilityOptions& options, CapabilityResult* r) {
  if (missing > 0) {
    r->warnings.push_back({CapabilityWarningCode::kMissingValues,
                           std::to_string(missing) + " missing value(s) were skipped"});
  }
  if (r->n < kFewValues) {
    r->warnings.push_back({CapabilityWarningCode::kFewData,
                           "Only " + std::to_string(r->n) +
                               " values: capability indices from fewer than 30 values are very "
                               "uncertain (see the Cpk interval)"});
  }
  if (options.check_stability) CheckStability(values, options, r);
  if (options.check_normality) CheckNormality(values, r);
}

}  // namespace

Result<CapabilityResult> CapabilityFromSummary(double mean, double sigma_within,
                                               double sigma_overall, int64_t n,
                                               const SpecLimits& spec, double confidence) {
  return FromSummary(mean, sigma_within, sigma_overall, n, spec, confidence);
}

Result<CapabilityResult> AnalyseCapability(std::span<const double> values, const SpecLimits& spec,
                                           const CapabilityOptions& options) {
  if (Status s = CheckSpec(spec); !s.ok()) return s;
  int64_t missing = 0;
  if (Status s = CheckValues(values, &missing); !s.ok()) return s;
  Moments m;
  // Moving ranges between consecutive present values, spanning gaps (docs/formulas.md,
  // "Segments": the SPC engine treats missing points the same way).
  double mr_sum = 0;
  int64_t mr_n = 0;
  double previous = std::nan("");
  for (double v : values) {
    if (std::isnan(v)) continue;
    m.Add(v);
    if (!std::isnan(previous)) {
      mr_sum += std::fabs(v - previous);
      ++mr_n;
    }
    previous = v;
  }
  if (m.n < 2) {
    return Status::FailedPrecondition("capability: needs at least 2 values (got " +
                                      std::to_string(m.n) + ")");
  }
  // Montgomery, 6th ed., section 6.4: σ̂ = MR̄/d2 for individuals.
  const double sigma_within = mr_sum / mr_n / kD2;
  Result<CapabilityResult> r =
      FromSummary(m.mean, sigma_within, m.Sd(), m.n, spec, options.confidence);
  if (!r.ok()) return r;
  r->within_method = "average moving range / d2 (d2 = 1.128)";
  AddDataWarnings(values, missing, options, &r.value());
  return r;
}

Result<CapabilityResult> AnalyseCapabilitySubgroups(
    const std::vector<std::vector<double>>& subgroups, const SpecLimits& spec,
    const CapabilityOptions& options) {
  if (Status s = CheckSpec(spec); !s.ok()) return s;
  std::vector<double> all;
  int64_t missing = 0;
  double pooled_ss = 0, dof = 0;
  int32_t used = 0;
  for (const std::vector<double>& g : subgroups) {
    if (Status s = CheckValues(g, &missing); !s.ok()) return s;
    Moments gm;
    for (double v : g) {
      if (std::isnan(v)) continue;
      gm.Add(v);
      all.push_back(v);
    }
    if (gm.n >= 2) {
      pooled_ss += gm.m2;
      dof += static_cast<double>(gm.n - 1);
      ++used;
    }
  }
  if (used == 0) {
    return Status::FailedPrecondition(
        "capability: no subgroup has two or more values, so the "
        "within-subgroup sigma is unknown");
  }
  Moments m;
  for (double v : all) m.Add(v);
  // Pooled sp = √(Σ(nᵢ − 1)sᵢ² / Σ(nᵢ − 1)), unbiased by c4(d + 1) with d = Σ(nᵢ − 1)
  // (Montgomery, 6th ed., section 6.3.2; Minitab's "pooled standard deviation").
  const double sigma_within = std::sqrt(pooled_ss / dof) / C4(dof + 1);
  Result<CapabilityResult> r =
      FromSummary(m.mean, sigma_within, m.Sd(), m.n, spec, options.confidence);
  if (!r.ok()) return r;
  r->subgroups = used;
  r->within_method = "pooled standard deviation / c4(d + 1), d = sum of (n_i - 1)";
  AddDataWarnings(all, missing, options, &r.value());
  return r;
}

}  // namespace kaizen
