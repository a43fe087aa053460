// The SPC engine: from one series and its indicator to per-point, per-segment and per-series
// results (spc-spec.md, "What the engine returns").
//
// The engine is pure computation: no I/O, no logging, no clock. An SpcEngine object owns only
// scratch buffers, so give each thread its own; results are plain values. Analysing into a
// reused SeriesResult allocates nothing per point once its vectors have grown.
#ifndef KAIZEN_SPC_H_
#define KAIZEN_SPC_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kaizen/date.h"
#include "kaizen/model.h"
#include "kaizen/profile.h"
#include "kaizen/status.h"

namespace kaizen {

namespace spc {
struct EngineScratch;  // the engine's reusable per-point buffers (src/spc/engine.cc)
}

// Which side of the centre line a signal lies on. kNone: the rule has no side (crossings,
// alternation, stratification, mixture, too many runs).
enum class Side : int8_t { kLow = -1, kNone = 0, kHigh = 1 };

// A point's class once the chart's direction is applied. kNotJudged: the point's segment is
// not judged at all (Judgement below), so no rule speaks for it, not even "common cause".
enum class PointClass : uint8_t { kCommonCause, kImprovement, kConcern, kNeutral, kNotJudged };
std::string_view PointClassName(PointClass c);  // "common_cause", ..., "not_judged"

// Special cause of any kind: improvement, concern or neither.
constexpr bool IsSpecialCause(PointClass c) {
  return c == PointClass::kImprovement || c == PointClass::kConcern || c == PointClass::kNeutral;
}

// Whether a segment's points are judged and, when not, why (issue 7). One state that the
// sentences, the chart, the board row and the JSON all read, so none can contradict another.
enum class Judgement : uint8_t {
  kJudged,         // limits (or a run chart's median) judge the points
  kTooFewPoints,   // fewer points for the limits than the profile's min_points_for_limits
  kZeroVariation,  // sigma is 0 (every value the same): there is nothing to judge
  kNoLimits,       // the chart can draw no limits from the data (a single point, ...)
};
std::string_view JudgementName(Judgement j);  // "judged", "too_few_points", ...

// The seven MDC variation icons, plus kNone when the series cannot have one (too few points,
// a run chart, no value at the last period).
enum class VariationIcon : uint8_t {
  kNone,
  kCommonCause,
  kImprovementHigh,
  kImprovementLow,
  kConcernHigh,
  kConcernLow,
  kNeitherHigh,
  kNeitherLow,
};
std::string_view VariationIconName(VariationIcon icon);  // "improvement_high", ...

// The MDC assurance icons; kNone when there is no target, no direction, no limits, a t or g
// chart, or a profile without assurance.
enum class AssuranceIcon : uint8_t { kNone, kPass, kFail, kHitOrMiss };
std::string_view AssuranceIconName(AssuranceIcon icon);  // "pass", "fail", "hit_or_miss"

// Per-rule flag of one point: 0 none, +1 high, −1 low, 2 a signal without a side.
using RuleFlags = std::array<int8_t, kRuleCount>;
inline constexpr int8_t kSidelessFlag = 2;

struct PointResult {
  Date period;
  double value = kMissing;  // the plotted statistic (a proportion, a rate, a mean...)
  double numerator = kMissing;
  double denominator = kMissing;  // or subgroup size
  int32_t segment = 0;
  bool in_baseline = false;  // supplied the estimates of its segment
  bool ghosted = false;
  bool missing = false;  // no value: a gap, never flagged
  double centre = kMissing;
  // The ±1, ±2, ±3 sigma lines; NaN where the chart has none.
  double lower3 = kMissing, lower2 = kMissing, lower1 = kMissing;
  double upper1 = kMissing, upper2 = kMissing, upper3 = kMissing;
  RuleFlags rules{};
  RuleId label = RuleId::kNone;  // the rule that gives the point its class
  Side side = Side::kNone;
  PointClass point_class = PointClass::kCommonCause;
};

struct SegmentResult {
  int32_t first = 0, last = 0;  // point indices, inclusive
  int32_t n = 0;                // points in the segment
  int32_t n_used = 0;           // kept (not ghosted, not missing) points judged by the rules
  int32_t n_baseline = 0;       // points that supplied the estimates
  double centre = kMissing;
  double mr_bar = kMissing;  // XmR-family charts; NaN otherwise
  double sigma = kMissing;   // the estimated process sigma (for p, u: of one unit, σ̂ at n=1)
  double lower3 = kMissing, upper3 = kMissing;  // limits at the segment's last point
  // Laney's σz (Laney 2002): how many times the model's variation the standardised values
  // zᵢ = (yᵢ − centre)/σᵢ show, MR̄(z)/1.128. p′, u′: the factor their limits use; p, np, c, u:
  // the same statistic as a check of the binomial or Poisson model (1 when it holds; above 1.5
  // a kOverdispersion warning). NaN for other charts and segments without a model sigma.
  double sigma_z = kMissing;
  bool has_limits = false;
  // The data show no variation (every moving range 0, a p chart at 0 % or 100 %...): nothing is
  // judged against the limits, drawn on the centre line or not drawn as the profile's peer does.
  bool zero_variation = false;
  // Whether the rules judge this segment's points; when not, its points are kNotJudged, carry
  // no rule flag and give no icon. points_needed: the profile's minimum, for kTooFewPoints.
  Judgement judgement = Judgement::kJudged;
  int32_t points_needed = 0;
  int32_t n_useful = 0;  // judged points not on the centre line (Anhøj's "useful")
  // The runs analysis; empty when no point is off the centre line (n_useful = 0), where there
  // is nothing to analyse and qicharts2 0.8.1 reports NA.
  std::optional<int32_t> longest_run;      // longest run on one side (points on it dropped)
  std::optional<int32_t> longest_run_max;  // Anhøj: round(log2 n_useful) + 3
  std::optional<int32_t> crossings;
  std::optional<int32_t> crossings_min;  // Anhøj: qbinom(0.05, n_useful − 1, 0.5)
  int32_t runs = 0;                      // number of runs (IHI)
};

enum class WarningCode : uint8_t {
  kTooFewPoints,
  kMissingPeriods,
  kZeroVariation,
  kGhostWithoutReason,
  kRebaseWithoutReason,
  kMissingValues,
  kInvalidValue,       // a value the chart cannot use (a denominator ≤ 0, a negative t value...)
  kZeroWidthLimits,    // screening left only zero moving ranges, though the values vary
  kOverdispersion,     // a p, np, c or u segment varies more than its model allows (σz > 1.5)
  kImplausibleTarget,  // every value is nearer the target's complement than the target
};
inline constexpr WarningCode kLastWarningCode = WarningCode::kImplausibleTarget;  // for tests
std::string_view WarningCodeName(WarningCode code);

struct Warning {
  WarningCode code;
  std::string message;
};

// A contiguous episode of one rule's flags, with its plain-English sentence.
struct Signal {
  RuleId rule;
  Side side;
  PointClass point_class;
  int32_t first, last;  // point indices
  std::string sentence;
};

struct SeriesResult {
  std::string indicator_id;
  std::string organisation;
  ChartType chart = ChartType::kXmr;
  Direction direction = Direction::kNeither;
  std::string profile;
  // How the periods were written (the Series' period_kind): what every output shows a point's
  // period as (FormatPeriod for weeks, financial periods and sequences).
  PeriodKind period_kind = PeriodKind::kDate;
  std::vector<PointResult> points;
  std::vector<SegmentResult> segments;
  int32_t latest = -1;  // index of the last point with a value, not ghosted; −1 when none
  VariationIcon variation = VariationIcon::kNone;
  AssuranceIcon assurance = AssuranceIcon::kNone;
  std::optional<double> target;  // in force at the latest point
  // The latest point's segment's judgement (kNoLimits when there is no latest point): why the
  // icons are kNone when they are.
  Judgement judgement = Judgement::kNoLimits;
  // The latest value against the target as a plain fact, whatever the icons: met when it is
  // at least the target (higher is better) or at most it (lower is better); nullopt without a
  // target, a latest value or a better direction.
  std::optional<bool> target_met;
  std::vector<Warning> warnings;
  std::vector<Signal> signals;
  std::string summary;  // one sentence: the latest point's variation and assurance
  // The one display precision of every value of this series (sentences, chart, report, tables):
  // the indicator's `decimals`, else DecimalsFor the plotted values (kaizen/number_format.h).
  // The engine always sets it; -1 in a result built by hand means "from the values".
  int decimals = -1;
};

// The display precision of `result`: result.decimals when set, else DecimalsFor the values of
// its points that are not missing.
int ValueDecimals(const SeriesResult& result);

class SpcEngine {
 public:
  SpcEngine();
  ~SpcEngine();
  SpcEngine(const SpcEngine&) = delete;
  SpcEngine& operator=(const SpcEngine&) = delete;

  // Analyses `series` under `profile` as `indicator` defines it (chart, direction, baseline,
  // rebases, ghosts, targets); `profile` already holds the indicator's overrides. Reuses the
  // storage of *out. Returns InvalidArgument when the series' columns differ in length or are
  // not sorted by period, or the chart needs a column the series lacks; warnings (not errors)
  // for values the chart cannot use, which are then treated as missing.
  Status Analyse(const Indicator& indicator, const Profile& profile, const Series& series,
                 SeriesResult* out);

  // Whether each Signal gets its plain-English sentence (default true). Batch callers that show
  // only SeriesResult::summary may switch them off: the episodes are still listed.
  void set_signal_sentences(bool on) { signal_sentences_ = on; }

 private:
  std::unique_ptr<spc::EngineScratch> scratch_;
  bool signal_sentences_ = true;
};

// Convenience: resolves the indicator's profile and overrides, and analyses once.
Result<SeriesResult> AnalyseSeries(const Indicator& indicator, const Series& series);

}  // namespace kaizen

#endif  // KAIZEN_SPC_H_
