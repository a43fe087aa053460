// Text names of the engine's enums: stable identifiers used in JSON, CSV and the docs.
#include "kaizen/diagnostics.h"
#include "kaizen/spc.h"

namespace kaizen {

std::string_view RuleName(RuleId rule) {
  switch (rule) {
    case RuleId::kBeyondLimits:
      return "beyond_limits";
    case RuleId::kShift:
      return "shift";
    case RuleId::kTrend:
      return "trend";
    case RuleId::kTwoOfThree:
      return "two_of_three";
    case RuleId::kFourOfFive:
      return "four_of_five";
    case RuleId::kAlternating:
      return "alternating";
    case RuleId::kStratification:
      return "stratification";
    case RuleId::kMixture:
      return "mixture";
    case RuleId::kLongestRun:
      return "longest_run";
    case RuleId::kCrossings:
      return "crossings";
    case RuleId::kRunCount:
      return "run_count";
    case RuleId::kCount:
    case RuleId::kNone:
      break;
  }
  return "none";
}

std::string_view PointClassName(PointClass c) {
  switch (c) {
    case PointClass::kCommonCause:
      return "common_cause";
    case PointClass::kImprovement:
      return "improvement";
    case PointClass::kConcern:
      return "concern";
    case PointClass::kNeutral:
      return "neutral";
    case PointClass::kNotJudged:
      return "not_judged";
  }
  return "?";
}

std::string_view JudgementName(Judgement j) {
  switch (j) {
    case Judgement::kJudged:
      return "judged";
    case Judgement::kTooFewPoints:
      return "too_few_points";
    case Judgement::kZeroVariation:
      return "zero_variation";
    case Judgement::kNoLimits:
      return "no_limits";
  }
  return "?";
}

std::string_view VariationIconName(VariationIcon icon) {
  switch (icon) {
    case VariationIcon::kNone:
      return "none";
    case VariationIcon::kCommonCause:
      return "common_cause";
    case VariationIcon::kImprovementHigh:
      return "improvement_high";
    case VariationIcon::kImprovementLow:
      return "improvement_low";
    case VariationIcon::kConcernHigh:
      return "concern_high";
    case VariationIcon::kConcernLow:
      return "concern_low";
    case VariationIcon::kNeitherHigh:
      return "neither_high";
    case VariationIcon::kNeitherLow:
      return "neither_low";
  }
  return "?";
}

std::string_view AssuranceIconName(AssuranceIcon icon) {
  switch (icon) {
    case AssuranceIcon::kNone:
      return "none";
    case AssuranceIcon::kPass:
      return "pass";
    case AssuranceIcon::kFail:
      return "fail";
    case AssuranceIcon::kHitOrMiss:
      return "hit_or_miss";
  }
  return "?";
}

std::string_view WarningCodeName(WarningCode code) {
  switch (code) {
    case WarningCode::kTooFewPoints:
      return "too_few_points";
    case WarningCode::kMissingPeriods:
      return "missing_periods";
    case WarningCode::kZeroVariation:
      return "zero_variation";
    case WarningCode::kZeroWidthLimits:
      return "zero_width_limits";
    case WarningCode::kGhostWithoutReason:
      return "ghost_without_reason";
    case WarningCode::kRebaseWithoutReason:
      return "rebase_without_reason";
    case WarningCode::kMissingValues:
      return "missing_values";
    case WarningCode::kInvalidValue:
      return "invalid_value";
    case WarningCode::kOverdispersion:
      return "overdispersion";
    case WarningCode::kImplausibleTarget:
      return diag::kImplausibleTarget;
  }
  return "?";
}

}  // namespace kaizen
