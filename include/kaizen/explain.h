// Profile comparison: the analyst's "why do Excel and kaizen disagree?". Runs one series under
// two profiles, lists every point and icon on which they disagree, and says which parameter
// of the profiles explains each disagreement (spc-spec.md: "can say which parameter explains
// a disagreement").
//
// Method. Both profiles get the indicator's overrides, so an overridden parameter never
// differs. For every parameter whose value differs (ProfileParameters() order), profile A is
// run again with only that parameter set to B's value; a disagreement that then vanishes is
// explained by the parameter, and one that merely changes (moves towards B without reaching
// it) is recorded as a contribution. A disagreement that no single parameter explains comes
// from an interaction of several (for example limits that depend on both the sigma constant
// and moving-range screening) and is listed as unexplained, with its contributors.
//
// The result is a plain value; CompareProfiles is pure computation (no I/O, no shared state)
// and may be called from many threads at once.
#ifndef KAIZEN_EXPLAIN_H_
#define KAIZEN_EXPLAIN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kaizen/date.h"
#include "kaizen/model.h"
#include "kaizen/profile.h"
#include "kaizen/spc.h"
#include "kaizen/status.h"

namespace kaizen {

// What one profile made of one point: its classification and its lines.
struct PointOutcome {
  RuleId label = RuleId::kNone;
  Side side = Side::kNone;
  PointClass point_class = PointClass::kCommonCause;
  double centre = kMissing;
  double lower3 = kMissing, upper3 = kMissing;  // NaN where the profile drew no limits
};

// One point on which the two profiles disagree.
struct PointDifference {
  int32_t index = 0;  // into SeriesResult::points (and the series' rows)
  Date period;
  double value = kMissing;  // the plotted value (the same under both profiles)
  int32_t segment = 0;      // the segment (rebases do not depend on the profile)
  // Which aspects differ: the classification (label, side or class) and the lines (centre or
  // 3-sigma limits, compared to a relative 1e-9 so rounding noise is not a disagreement).
  bool classification_differs = false;
  bool limits_differ = false;
  PointOutcome a, b;
};

// One parameter whose value differs between the two profiles, and what it accounts for.
struct ParameterCause {
  std::string parameter;         // registry name, e.g. "trend_length"
  std::string value_a, value_b;  // as GetParameter() writes them
  // Indices (PointDifference::index) whose classification, resp. lines, under A with only
  // this parameter changed equal those under B.
  std::vector<int32_t> explains_classification;
  std::vector<int32_t> explains_limits;
  bool explains_variation = false;
  bool explains_assurance = false;
  // Differing points that this parameter alone changes without making them equal to B.
  std::vector<int32_t> contributes;
  // "trend_length is 7 in mdc but 5 in pbi-spc: the 5 points from April 2021 to August 2021
  // are a rising trend only under pbi-spc".
  std::string sentence;
};

// Two parameters that together (and neither alone) make what A gives equal to what B gives.
struct ParameterPairCause {
  std::string first, second;  // registry names, in registry order
  std::vector<int32_t> explains_classification;
  std::vector<int32_t> explains_limits;
  bool explains_variation = false;
  bool explains_assurance = false;
};

struct ProfileComparison {
  std::string profile_a, profile_b;
  PeriodKind period_kind = PeriodKind::kDate;  // how the sentences name the points' periods
  std::vector<PointDifference> points;         // only the points that differ, in series order
  VariationIcon variation_a = VariationIcon::kNone, variation_b = VariationIcon::kNone;
  AssuranceIcon assurance_a = AssuranceIcon::kNone, assurance_b = AssuranceIcon::kNone;
  // Every differing parameter: those that explain or contribute to a disagreement first, the
  // rest (which make no difference to this series) after, each group in registry order.
  std::vector<ParameterCause> causes;
  // Pairs of parameters that explain what no single parameter does (searched only for those).
  std::vector<ParameterPairCause> pair_causes;
  // Disagreements that neither one parameter nor a pair explains (three or more interact).
  std::vector<int32_t> unexplained_classification;
  std::vector<int32_t> unexplained_limits;
  bool variation_unexplained = false;
  bool assurance_unexplained = false;
  std::string summary;  // a few plain-English sentences for the analyst

  bool agree() const {
    return points.empty() && variation_a == variation_b && assurance_a == assurance_b;
  }
};

// Compares `series` as `indicator` defines it (chart, direction, baseline, rebases, ghosts,
// targets, overrides) under profiles `profile_a` and `profile_b`; indicator.profile is
// ignored. Returns NotFound for an unknown profile name, InvalidArgument when an override
// does not apply, and the engine's error when the series cannot be analysed.
Result<ProfileComparison> CompareProfiles(const Indicator& indicator, const Series& series,
                                          std::string_view profile_a, std::string_view profile_b);

}  // namespace kaizen

#endif  // KAIZEN_EXPLAIN_H_
