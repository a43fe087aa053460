// The one table of each enum's machine names (kaizen/names.h). The *Name functions declared
// beside their enums (model.h, profile.h, date.h, spc.h, funnel.h) are defined here, from the
// tables, so that JSON, CSV, the command line and the docs test read the same spelling.
#include "kaizen/names.h"

#include <array>

#include "kaizen/diagnostics.h"

namespace kaizen {
namespace {

// The name of `value` in `table`, or `fallback` for a value the table does not hold (a cast
// from an out-of-range integer).
template <typename Enum>
std::string_view Lookup(std::span<const NamedValue<Enum>> table, Enum value,
                        std::string_view fallback) {
  for (const NamedValue<Enum>& entry : table)
    if (entry.value == value) return entry.name;
  return fallback;
}

constexpr std::array<NamedValue<ChartType>, 13> kChartTypes = {{
    {ChartType::kRun, "run"},
    {ChartType::kXmr, "xmr"},
    {ChartType::kMr, "mr"},
    {ChartType::kXbar, "xbar"},
    {ChartType::kS, "s"},
    {ChartType::kP, "p"},
    {ChartType::kNp, "np"},
    {ChartType::kC, "c"},
    {ChartType::kU, "u"},
    {ChartType::kPPrime, "pp"},
    {ChartType::kUPrime, "up"},
    {ChartType::kG, "g"},
    {ChartType::kT, "t"},
}};

constexpr std::array<NamedValue<Direction>, 3> kDirections = {{
    {Direction::kHigherIsBetter, "higher"},
    {Direction::kLowerIsBetter, "lower"},
    {Direction::kNeither, "neither"},
}};

constexpr std::array<NamedValue<Aggregation>, 6> kAggregations = {{
    {Aggregation::kNone, "none"},
    {Aggregation::kSum, "sum"},
    {Aggregation::kMean, "mean"},
    {Aggregation::kMin, "min"},
    {Aggregation::kMax, "max"},
    {Aggregation::kLast, "last"},
}};

constexpr std::array<NamedValue<PeriodKind>, 5> kPeriodKinds = {{
    {PeriodKind::kDate, "date"},
    {PeriodKind::kIsoWeek, "iso_week"},
    {PeriodKind::kFinancialQuarter, "financial_quarter"},
    {PeriodKind::kFinancialYear, "financial_year"},
    {PeriodKind::kSequence, "sequence"},
}};

constexpr std::array<NamedValue<RuleId>, 12> kRules = {{
    {RuleId::kBeyondLimits, "beyond_limits"},
    {RuleId::kShift, "shift"},
    {RuleId::kTrend, "trend"},
    {RuleId::kTwoOfThree, "two_of_three"},
    {RuleId::kFourOfFive, "four_of_five"},
    {RuleId::kAlternating, "alternating"},
    {RuleId::kStratification, "stratification"},
    {RuleId::kMixture, "mixture"},
    {RuleId::kLongestRun, "longest_run"},
    {RuleId::kCrossings, "crossings"},
    {RuleId::kRunCount, "run_count"},
    {RuleId::kNone, "none"},
}};
static_assert(kRules.size() == kRuleCount + 1, "every rule has a name");

constexpr std::array<NamedValue<Side>, 3> kSides = {{
    {Side::kLow, "low"},
    {Side::kNone, "none"},
    {Side::kHigh, "high"},
}};

constexpr std::array<NamedValue<PointClass>, 5> kPointClasses = {{
    {PointClass::kCommonCause, "common_cause"},
    {PointClass::kImprovement, "improvement"},
    {PointClass::kConcern, "concern"},
    {PointClass::kNeutral, "neutral"},
    {PointClass::kNotJudged, "not_judged"},
}};

constexpr std::array<NamedValue<Judgement>, 4> kJudgements = {{
    {Judgement::kJudged, "judged"},
    {Judgement::kTooFewPoints, "too_few_points"},
    {Judgement::kZeroVariation, "zero_variation"},
    {Judgement::kNoLimits, "no_limits"},
}};

constexpr std::array<NamedValue<VariationIcon>, 8> kVariationIcons = {{
    {VariationIcon::kNone, "none"},
    {VariationIcon::kCommonCause, "common_cause"},
    {VariationIcon::kImprovementHigh, "improvement_high"},
    {VariationIcon::kImprovementLow, "improvement_low"},
    {VariationIcon::kConcernHigh, "concern_high"},
    {VariationIcon::kConcernLow, "concern_low"},
    {VariationIcon::kNeitherHigh, "neither_high"},
    {VariationIcon::kNeitherLow, "neither_low"},
}};

constexpr std::array<NamedValue<AssuranceIcon>, 4> kAssuranceIcons = {{
    {AssuranceIcon::kNone, "none"},
    {AssuranceIcon::kPass, "pass"},
    {AssuranceIcon::kFail, "fail"},
    {AssuranceIcon::kHitOrMiss, "hit_or_miss"},
}};

constexpr std::array<NamedValue<WarningCode>, 10> kWarningCodes = {{
    {WarningCode::kTooFewPoints, "too_few_points"},
    {WarningCode::kMissingPeriods, "missing_periods"},
    {WarningCode::kZeroVariation, "zero_variation"},
    {WarningCode::kGhostWithoutReason, "ghost_without_reason"},
    {WarningCode::kRebaseWithoutReason, "rebase_without_reason"},
    {WarningCode::kMissingValues, "missing_values"},
    {WarningCode::kInvalidValue, "invalid_value"},
    {WarningCode::kZeroWidthLimits, "zero_width_limits"},
    {WarningCode::kOverdispersion, "overdispersion"},
    // The catalogue's diagnostic and the engine's warning are one finding with one code.
    {WarningCode::kImplausibleTarget, diag::kImplausibleTarget},
}};
static_assert(kWarningCodes.size() == static_cast<std::size_t>(kLastWarningCode) + 1,
              "every warning code has a name");

constexpr std::array<NamedValue<FunnelFlag>, 5> kFunnelFlags = {{
    {FunnelFlag::kLow998, "low_99.8"},
    {FunnelFlag::kLow95, "low_95"},
    {FunnelFlag::kWithin, "within"},
    {FunnelFlag::kHigh95, "high_95"},
    {FunnelFlag::kHigh998, "high_99.8"},
}};

// Labels people read on the chart as well as machine names, hence the spaces (kept as they
// were: renaming them would change the funnel JSON and CSV).
constexpr std::array<NamedValue<FunnelCentre>, 3> kFunnelCentres = {{
    {FunnelCentre::kTarget, "target"},
    {FunnelCentre::kPooledMean, "pooled mean"},
    {FunnelCentre::kExpected, "expected (O/E = 1)"},
}};

template <typename Enum, std::size_t N>
OutputEnumNames Listed(std::string_view enum_name, const std::array<NamedValue<Enum>, N>& table) {
  OutputEnumNames out{enum_name, {}};
  for (const NamedValue<Enum>& entry : table) out.names.push_back(entry.name);
  return out;
}

}  // namespace

std::span<const NamedValue<ChartType>> ChartTypeNames() { return kChartTypes; }
std::span<const NamedValue<Direction>> DirectionNames() { return kDirections; }
std::span<const NamedValue<Aggregation>> AggregationNames() { return kAggregations; }
std::span<const NamedValue<PeriodKind>> PeriodKindNames() { return kPeriodKinds; }
std::span<const NamedValue<RuleId>> RuleNames() { return kRules; }
std::span<const NamedValue<Side>> SideNames() { return kSides; }
std::span<const NamedValue<PointClass>> PointClassNames() { return kPointClasses; }
std::span<const NamedValue<Judgement>> JudgementNames() { return kJudgements; }
std::span<const NamedValue<VariationIcon>> VariationIconNames() { return kVariationIcons; }
std::span<const NamedValue<AssuranceIcon>> AssuranceIconNames() { return kAssuranceIcons; }
std::span<const NamedValue<WarningCode>> WarningCodeNames() { return kWarningCodes; }
std::span<const NamedValue<FunnelFlag>> FunnelFlagNames() { return kFunnelFlags; }
std::span<const NamedValue<FunnelCentre>> FunnelCentreNames() { return kFunnelCentres; }

// The fallbacks are what the switch statements these replace returned for a value outside
// the enum, so no output changes.
std::string_view ChartTypeName(ChartType type) { return Lookup(ChartTypeNames(), type, "?"); }
std::string_view DirectionName(Direction d) { return Lookup(DirectionNames(), d, "?"); }
std::string_view AggregationName(Aggregation a) { return Lookup(AggregationNames(), a, "?"); }
std::string_view PeriodKindName(PeriodKind kind) { return Lookup(PeriodKindNames(), kind, "date"); }
std::string_view RuleName(RuleId rule) { return Lookup(RuleNames(), rule, "none"); }
std::string_view SideName(Side side) { return Lookup(SideNames(), side, "none"); }
std::string_view PointClassName(PointClass c) { return Lookup(PointClassNames(), c, "?"); }
std::string_view JudgementName(Judgement j) { return Lookup(JudgementNames(), j, "?"); }
std::string_view VariationIconName(VariationIcon icon) {
  return Lookup(VariationIconNames(), icon, "?");
}
std::string_view AssuranceIconName(AssuranceIcon icon) {
  return Lookup(AssuranceIconNames(), icon, "?");
}
std::string_view WarningCodeName(WarningCode code) { return Lookup(WarningCodeNames(), code, "?"); }
std::string_view FunnelFlagName(FunnelFlag flag) {
  return Lookup(FunnelFlagNames(), flag, "within");
}
std::string_view FunnelCentreName(FunnelCentre centre) {
  return Lookup(FunnelCentreNames(), centre, "expected (O/E = 1)");
}

std::vector<OutputEnumNames> AllOutputEnumNames() {
  return {Listed("ChartType", kChartTypes),
          Listed("Direction", kDirections),
          Listed("PeriodKind", kPeriodKinds),
          Listed("RuleId", kRules),
          Listed("Side", kSides),
          Listed("PointClass", kPointClasses),
          Listed("Judgement", kJudgements),
          Listed("VariationIcon", kVariationIcons),
          Listed("AssuranceIcon", kAssuranceIcons),
          Listed("WarningCode", kWarningCodes),
          Listed("FunnelFlag", kFunnelFlags),
          Listed("FunnelCentre", kFunnelCentres)};
}

}  // namespace kaizen
