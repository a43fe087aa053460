// Funnel plots: comparing providers with each other without a league table (Spiegelhalter,
// "Funnel plots for comparing institutional performance", Stat Med 2005;24:1185–1202).
//
// Each provider is plotted against its precision (denominator, or expected count); the
// limits around the target narrow as precision grows. Three kinds of indicator:
//   - proportions (numerator / denominator, e.g. seen within 4 hours / attendances);
//   - indirectly standardised ratios (observed / expected, e.g. SHMI), target 1;
//   - rates (events / exposure, e.g. infections per bed day).
// Limits at 95 % and 99.8 %, exact or by the normal approximation; optionally widened for
// overdispersion by Spiegelhalter's additive random-effects method ("Handling
// over-dispersion of performance indicators", Qual Saf Health Care 2005;14:347–351) as
// FunnelPlotR 0.6 does it. docs/formulas.md, "Funnel plots", gives every formula.
//
// Pure computation: no I/O. Results are plain values.
#ifndef KAIZEN_FUNNEL_H_
#define KAIZEN_FUNNEL_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kaizen/status.h"

namespace kaizen {

enum class FunnelType { kProportion, kRatio, kRate };

enum class FunnelLimitMethod {
  // Proportions: binomial quantiles interpolated as Spiegelhalter (2005, appendix A.1.1);
  // ratios and rates: exact Poisson limits from chi-square quantiles (Garwood 1936), the
  // formula of FunnelPlotR 0.6.
  kExact,
  // target ± z·sd at the target: √(θ(1 − θ)/n), √(θ/E) (ratio), √(θ/exposure) (rate).
  kNormal,
};

// The scale on which z-scores and overdispersion are computed for ratios and rates.
enum class FunnelScale {
  kSqrt,  // √(O/E), s = 1/(2√E): Spiegelhalter 2005 (FunnelPlotR sr_method = "CQC")
  kLog,   // log(O/E), s = 1/√E: FunnelPlotR sr_method = "SHMI"; O = 0 gives no z-score
};

// How extreme z-scores are tamed before the dispersion ratio φ is estimated.
enum class FunnelTrim {
  kWinsorise,  // clamp to the trim_by and 1 − trim_by quantiles (R type 7)
  kTruncate,   // drop them (NHS Digital SHMI method: rank groups, FunnelPlotR truncation())
};

struct FunnelOptions {
  FunnelType type = FunnelType::kRatio;
  FunnelLimitMethod method = FunnelLimitMethod::kExact;
  // Default: 1 for ratios; the pooled Σ numerators / Σ denominators for proportions and rates.
  std::optional<double> target;
  bool adjust_overdispersion = false;
  FunnelScale scale = FunnelScale::kSqrt;  // ratios and rates; proportions use arcsine √p
  FunnelTrim trim = FunnelTrim::kWinsorise;
  double trim_by = 0.1;  // 10 % at each end
  // How the method sentence states the centre: on the indicator's display scale (target ×
  // multiplier, then the unit: "95.0 %" rather than "0.950"). No effect on any number computed.
  double display_multiplier = 1;
  std::string display_unit;
};

// Limits around the target at one precision.
struct FunnelBand {
  double lower95 = 0, upper95 = 0, lower998 = 0, upper998 = 0;
};

enum class FunnelFlag : int8_t {
  kLow998 = -2,  // below the 99.8 % limit (and so below the 95 %)
  kLow95 = -1,   // below the 95 % limit only
  kWithin = 0,
  kHigh95 = 1,
  kHigh998 = 2,
};
std::string_view FunnelFlagName(FunnelFlag flag);  // "low_99.8", "low_95", "within", ...

struct FunnelPoint {
  std::string provider;
  double numerator = 0, denominator = 0;
  double value = 0;                  // proportion, ratio O/E or rate
  double z = 0;                      // on the transformed scale, unadjusted; −inf for log(0)
  double z_adjusted = 0;             // z / √(1 + τ²/s²) when adjusted, else z
  bool used_for_dispersion = false;  // kept after truncation (always true when winsorising)
  FunnelBand limits;                 // adjusted when the result is adjusted
  FunnelFlag flag = FunnelFlag::kWithin;
};

// Where the centre line comes from: a target given by the caller (the indicator's, or
// --target), or the default when none was: the pooled Σ numerators / Σ denominators for
// proportions and rates, and observed = expected (1) for ratios.
enum class FunnelCentre : int8_t { kTarget, kPooledMean, kExpected };
// "target", "pooled mean", "expected (O/E = 1)": how charts and tables label the centre line.
std::string_view FunnelCentreName(FunnelCentre centre);

struct FunnelResult {
  FunnelType type = FunnelType::kRatio;
  double target = 0;  // the centre line, whichever `centre` says it is
  FunnelCentre centre = FunnelCentre::kExpected;
  double phi = 1;         // dispersion ratio: mean z² of the trimmed set (reported always)
  double tau2 = 0;        // between-provider variance on the transformed scale
  bool adjusted = false;  // limits include τ² (asked for and τ² > 0)
  std::vector<FunnelPoint> points;  // in input order, skipped rows left out
  int64_t rows_skipped = 0;         // missing numerator, or denominator missing or ≤ 0
  // Providers outside the 95 % (which includes those outside 99.8 %) and the 99.8 % limits,
  // most extreme first (by |z_adjusted|).
  std::vector<std::string> outside95, outside998;
  std::string method;  // one sentence: which limits and which adjustment were used
};

// Limits at one precision (denominator for proportions and rates, expected count for
// ratios) with an optional between-provider variance τ² on `scale`. Returns InvalidArgument
// for a precision that is not positive and finite, a target outside the indicator's range,
// or an exact proportion limit at a fractional denominator.
Result<FunnelBand> FunnelLimitsAt(double precision, double target, FunnelType type,
                                  FunnelLimitMethod method, double tau2 = 0,
                                  FunnelScale scale = FunnelScale::kSqrt);

// All providers at once. `providers`, `numerators`, `denominators` are parallel. Returns
// InvalidArgument for different lengths, an infinite or negative value, a proportion above 1,
// or a bad option; FailedPrecondition when no provider is left.
Result<FunnelResult> AnalyseFunnel(std::span<const std::string> providers,
                                   std::span<const double> numerators,
                                   std::span<const double> denominators,
                                   const FunnelOptions& options = {});

}  // namespace kaizen

#endif  // KAIZEN_FUNNEL_H_
