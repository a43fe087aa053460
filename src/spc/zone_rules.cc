// Rules that compare points with the sigma lines: beyond the limits, and "M of N beyond k
// sigma" (2 of 3, 4 of 5). Lines come from the chart, so clipped or back-transformed charts
// (p, t) are judged against the lines they draw.
#include <cmath>

#include "spc/rules.h"

namespace kaizen::spc {
namespace {

// The line k sigma above (high) or below the centre of a point. Whole k use the chart's own
// lines; other k are interpolated from the 1-sigma line (Nelson's editable K).
double Line(const PointResult& pt, double k, bool high) {
  if (k == 3.0) return high ? pt.upper3 : pt.lower3;
  if (k == 2.0) return high ? pt.upper2 : pt.lower2;
  if (k == 1.0) return high ? pt.upper1 : pt.lower1;
  const double one = high ? pt.upper1 - pt.centre : pt.centre - pt.lower1;
  return high ? pt.centre + k * one : pt.centre - k * one;
}

}  // namespace

void ApplyBeyondLimits(const RuleInput& in, const Profile& p) {
  if (!in.has_limits) return;
  const auto r = static_cast<std::size_t>(RuleId::kBeyondLimits);
  const double k = p.beyond_limits_sigma;
  for (int32_t i : in.judged) {
    PointResult& pt = in.points[i];
    const double upper = Line(pt, k, true), lower = Line(pt, k, false);
    const bool above = p.beyond_limits_inclusive ? pt.value >= upper : pt.value > upper;
    const bool below = p.beyond_limits_inclusive ? pt.value <= lower : pt.value < lower;
    if (above) pt.rules[r] = 1;
    if (below) pt.rules[r] = -1;
  }
}

void ApplyZoneRule(const RuleInput& in, const ZoneRule& rule, RuleId id) {
  if (!in.has_limits || !rule.enabled) return;
  const auto r = static_cast<std::size_t>(id);
  const std::size_t w = static_cast<std::size_t>(rule.window);
  if (in.judged.size() < w) return;

  // +1 / −1 when a point is beyond the zone line on that side, 0 otherwise. Without
  // beyond_outer_counts a point beyond 3 sigma is not "in the band" (MDC's 2 of 3).
  auto zone = [&](std::size_t j) -> int {
    const PointResult& pt = in.points[in.judged[j]];
    const bool high = pt.value > Line(pt, rule.sigma, true) &&
                      (rule.beyond_outer_counts || pt.value <= pt.upper3);
    const bool low = pt.value < Line(pt, rule.sigma, false) &&
                     (rule.beyond_outer_counts || pt.value >= pt.lower3);
    return high ? 1 : (low ? -1 : 0);
  };
  auto side = [&](std::size_t j) {
    const PointResult& pt = in.points[in.judged[j]];
    return (pt.value > pt.centre) - (pt.value < pt.centre);
  };

  for (std::size_t end = w - 1; end < in.judged.size(); ++end) {
    const std::size_t begin = end + 1 - w;
    for (int s : {1, -1}) {
      int beyond = 0;
      bool others_ok = true;
      for (std::size_t j = begin; j <= end; ++j) {
        if (zone(j) == s) {
          ++beyond;
        } else if (rule.others_same_side && side(j) != s) {
          others_ok = false;
        }
      }
      if (beyond < rule.count || !others_ok) continue;
      for (std::size_t j = begin; j <= end; ++j) {
        if (rule.flagging == ZoneFlagging::kWindow || zone(j) == s)
          in.points[in.judged[j]].rules[r] = static_cast<int8_t>(s);
      }
    }
  }
}

}  // namespace kaizen::spc
