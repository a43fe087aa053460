// Process capability: can a stable process meet its specification? (Montgomery, Introduction
// to Statistical Quality Control, 6th ed., 2009, chapter 8.)
//
// Cp, Cpk from the within-subgroup sigma (short term: MR̄/d2 for individuals, pooled s/c4 for
// subgroups); Pp, Ppk from the overall sample standard deviation (long term). One-sided
// specifications (LSL or USL only) give only the one-sided indices. The expected fraction
// outside the specification, DPMO and the sigma level come from a normal model; a Bissell
// (1990) confidence interval accompanies Cpk. Warnings say when the numbers mean little: an
// unstable process (the SPC engine finds a special cause on the series' own chart, or, for bare
// values, on an XmR chart under profile mdc) or data that are clearly not normal.
//
// Pure computation: no I/O. Results are plain values. docs/formulas.md, "Process capability".
#ifndef KAIZEN_CAPABILITY_H_
#define KAIZEN_CAPABILITY_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kaizen/status.h"

namespace kaizen {

struct SpecLimits {
  std::optional<double> lsl;  // lower specification limit
  std::optional<double> usl;  // upper specification limit
};

struct SeriesResult;

struct CapabilityOptions {
  double confidence = 0.95;  // of the Cpk interval, in (0, 1)
  bool check_stability = true;
  // The series' own SPC result (its chart, profile, rebases and ghosts), when the values come
  // from one: stability is then judged on that chart, not on an XmR chart of the values, so a
  // u chart indicator is tested as a u chart (issue 7). Not owned; must outlive the call.
  const SeriesResult* stability_chart = nullptr;
  bool check_normality = true;
};

enum class CapabilityWarningCode : uint8_t {
  kUnstable,       // special cause on the control chart: capability means nothing yet
  kNotNormal,      // the normal model behind ppm, DPMO and sigma level is doubtful
  kFewData,        // fewer than 30 values: the indices are very uncertain
  kMissingValues,  // NaN values were skipped
  kNormalityNotChecked,
};

struct CapabilityWarning {
  CapabilityWarningCode code;
  std::string message;
};

// Indices that do not apply (Cp with one specification limit, anything needing a sigma that
// is zero or unknown) are NaN.
struct CapabilityResult {
  int64_t n = 0;          // values used
  int32_t subgroups = 0;  // 0 for individuals
  double mean = 0;
  double sigma_within = 0;    // short-term
  double sigma_overall = 0;   // long-term: sample standard deviation (n − 1)
  std::string within_method;  // how sigma_within was estimated
  double cp = 0, cpl = 0, cpu = 0, cpk = 0;
  double pp = 0, ppl = 0, ppu = 0, ppk = 0;
  double cpk_lower = 0, cpk_upper = 0;  // Bissell (1990) interval at options.confidence
  // Expected fraction outside the specification from the normal model, in parts per million:
  // within (short-term sigma) and overall (long-term sigma).
  double ppm_below_within = 0, ppm_above_within = 0, ppm_within = 0;
  double ppm_below = 0, ppm_above = 0, ppm = 0;
  double dpmo = 0;             // = ppm (overall): one opportunity per unit
  double percent_outside = 0;  // overall, in percent
  // Sigma level = Z.bench (overall): Φ⁻¹(1 − p_total), no 1.5 shift added. Z.min = 3·Ppk.
  double z_bench = 0, z_min = 0;
  double z_bench_within = 0;
  std::vector<CapabilityWarning> warnings;
  std::string sentence;  // plain English: what the indices say and what they cannot say
};

// From published or already computed summaries (no stability or normality check). `n` is the
// number of values behind the estimates, used by the Cpk interval. Returns InvalidArgument
// for no specification limit, LSL ≥ USL, a non-finite mean, a negative or non-finite sigma or
// n < 2.
Result<CapabilityResult> CapabilityFromSummary(double mean, double sigma_within,
                                               double sigma_overall, int64_t n,
                                               const SpecLimits& spec, double confidence = 0.95);

// Individual values in time order: sigma_within = MR̄/d2 (d2 = 1.128). NaN values are
// skipped (with a warning). Returns InvalidArgument for an infinite value or bad limits,
// FailedPrecondition for fewer than 2 values.
Result<CapabilityResult> AnalyseCapability(std::span<const double> values, const SpecLimits& spec,
                                           const CapabilityOptions& options = {});

// Rational subgroups in time order: sigma_within = pooled s / c4(Σ(nᵢ − 1) + 1) over subgroups
// of two or more values. Same failures, and FailedPrecondition when no subgroup has two values.
Result<CapabilityResult> AnalyseCapabilitySubgroups(
    const std::vector<std::vector<double>>& subgroups, const SpecLimits& spec,
    const CapabilityOptions& options = {});

}  // namespace kaizen

#endif  // KAIZEN_CAPABILITY_H_
