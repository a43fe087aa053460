#include "spc/classify.h"

#include <cmath>

#include "kaizen/chart_traits.h"

namespace kaizen::spc {

PointClass ClassOf(Side side, Direction direction) {
  if (side == Side::kNone || direction == Direction::kNeither) return PointClass::kNeutral;
  const bool good_side = (side == Side::kHigh) == (direction == Direction::kHigherIsBetter);
  return good_side ? PointClass::kImprovement : PointClass::kConcern;
}

namespace {

Side SideOfFlag(int8_t flag) {
  return flag == 1 ? Side::kHigh : (flag == -1 ? Side::kLow : Side::kNone);
}

}  // namespace

void ClassifyPoint(const Profile& profile, Direction direction, ConflictPreference preference,
                   PointResult* point) {
  point->label = RuleId::kNone;
  point->side = Side::kNone;
  point->point_class = PointClass::kCommonCause;
  if (!AnyFlag(point->rules)) return;  // the common case: no rule flagged the point

  // The first flagged rule, in precedence order when the profile has one, else in rule order.
  auto take = [&](RuleId rule) {
    const int8_t flag = point->rules[static_cast<int>(rule)];
    if (flag == 0 || point->label != RuleId::kNone) return;
    point->label = rule;
    point->side = SideOfFlag(flag);
    point->point_class = ClassOf(point->side, direction);
  };

  bool improvement = false, concern = false;
  for (int r = 0; r < kRuleCount; ++r) {
    const int8_t flag = point->rules[r];
    if (flag == 0) continue;
    const PointClass c = ClassOf(SideOfFlag(flag), direction);
    improvement |= c == PointClass::kImprovement;
    concern |= c == PointClass::kConcern;
  }

  if (profile.conflict == ConflictPolicy::kPrecedence) {
    for (RuleId rule : profile.precedence) take(rule);
    for (int r = 0; r < kRuleCount; ++r) take(static_cast<RuleId>(r));
    return;
  }
  // kIndicatorPreference and kShowBoth: when a point is both, the indicator's preference picks
  // the label (kShowBoth keeps both flags for display).
  if (improvement && concern) {
    const PointClass wanted = preference == ConflictPreference::kImprovement
                                  ? PointClass::kImprovement
                                  : PointClass::kConcern;
    for (int r = 0; r < kRuleCount; ++r) {
      const int8_t flag = point->rules[r];
      if (flag != 0 && ClassOf(SideOfFlag(flag), direction) == wanted) {
        take(static_cast<RuleId>(r));
        return;
      }
    }
  }
  // Sided signals outrank sideless ones (a run-count signal says less than a shift).
  for (int r = 0; r < kRuleCount; ++r)
    if (point->rules[r] == 1 || point->rules[r] == -1) take(static_cast<RuleId>(r));
  for (int r = 0; r < kRuleCount; ++r) take(static_cast<RuleId>(r));
}

VariationIcon VariationIconOf(const PointResult& latest) {
  const bool high =
      latest.side == Side::kHigh || (latest.side == Side::kNone && latest.value >= latest.centre);
  switch (latest.point_class) {
    case PointClass::kCommonCause:
      return VariationIcon::kCommonCause;
    case PointClass::kImprovement:
      return high ? VariationIcon::kImprovementHigh : VariationIcon::kImprovementLow;
    case PointClass::kConcern:
      return high ? VariationIcon::kConcernHigh : VariationIcon::kConcernLow;
    case PointClass::kNeutral:
      return high ? VariationIcon::kNeitherHigh : VariationIcon::kNeitherLow;
    case PointClass::kNotJudged:
      break;
  }
  return VariationIcon::kNone;
}

AssuranceIcon AssuranceIconOf(const Profile& profile, ChartType chart, Direction direction,
                              const PointResult& latest, std::optional<double> target) {
  if (profile.assurance == AssuranceComparison::kNone || !target ||
      direction == Direction::kNeither || !TraitsOf(chart).gives_assurance ||
      std::isnan(latest.lower3) || std::isnan(latest.upper3)) {
    return AssuranceIcon::kNone;
  }
  const double t = *target;
  const bool inclusive = profile.assurance == AssuranceComparison::kInclusive;
  // "Beyond" a limit: strictly, or (MDC) a target on the limit counts as beyond it.
  const bool below_lower = inclusive ? t <= latest.lower3 : t < latest.lower3;
  const bool above_upper = inclusive ? t >= latest.upper3 : t > latest.upper3;
  if (direction == Direction::kHigherIsBetter) {
    if (below_lower) return AssuranceIcon::kPass;  // every expected value beats the target
    if (above_upper) return AssuranceIcon::kFail;  // no expected value reaches it
  } else {
    if (above_upper) return AssuranceIcon::kPass;
    if (below_lower) return AssuranceIcon::kFail;
  }
  return AssuranceIcon::kHitOrMiss;
}

std::optional<bool> MeetsTarget(Direction direction, double value, double target) {
  if (direction == Direction::kNeither || !std::isfinite(value) || !std::isfinite(target)) {
    return std::nullopt;
  }
  return direction == Direction::kHigherIsBetter ? value >= target : value <= target;
}

}  // namespace kaizen::spc
