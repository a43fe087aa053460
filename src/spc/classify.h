// From rule flags to meaning: each point's class and label, the series' variation and
// assurance icons. Internal to spc/.
#ifndef KAIZEN_SPC_CLASSIFY_H_
#define KAIZEN_SPC_CLASSIFY_H_

#include <cstdint>
#include <cstring>
#include <optional>

#include "kaizen/model.h"
#include "kaizen/profile.h"
#include "kaizen/spc.h"

namespace kaizen::spc {

// True when any rule flagged the point: two word loads instead of eleven byte compares (the
// test runs for every point).
inline bool AnyFlag(const RuleFlags& flags) {
  static_assert(sizeof(RuleFlags) <= 16);
  unsigned char bytes[16] = {};
  std::memcpy(bytes, flags.data(), sizeof(RuleFlags));
  uint64_t a, b;
  std::memcpy(&a, bytes, 8);
  std::memcpy(&b, bytes + 8, 8);
  return (a | b) != 0;
}

// The class a flag on `side` has for an indicator with `direction` (spc-spec.md,
// "Classification and icons"): above the centre is improvement when higher is better.
PointClass ClassOf(Side side, Direction direction);

// Sets label, side and point_class of a point from its rule flags, resolving a point that is
// improvement and concern at once as the profile's conflict policy says.
void ClassifyPoint(const Profile& profile, Direction direction, ConflictPreference preference,
                   PointResult* point);

// The MDC variation icon of the latest point.
VariationIcon VariationIconOf(const PointResult& latest);

// The MDC assurance icon: the target in force at the latest point against that point's
// 3-sigma limits. kNone without a target, a direction or limits, and for t and g charts.
AssuranceIcon AssuranceIconOf(const Profile& profile, ChartType chart, Direction direction,
                              const PointResult& latest, std::optional<double> target);

// The latest value against the target as a plain fact, for when no assurance icon can be given
// (issue 7: a board must never lose sight of a failing series): met when `value` is at least
// `target` (higher is better) or at most it (lower is better); a value on the target meets it,
// as a target is a standard to reach. nullopt without a better direction or a finite value.
std::optional<bool> MeetsTarget(Direction direction, double value, double target);

}  // namespace kaizen::spc

#endif  // KAIZEN_SPC_CLASSIFY_H_
