// Rules that compare points with the sigma lines: beyond the limits, and "M of N beyond k
// sigma" (2 of 3, 4 of 5). Lines come from the chart, so clipped or back-transformed charts
// (p, t) are judged against the lines they draw.
#include <cmath>

#include "spc/rules.h"

namespace kaizen::spc {
namespace {

// The line k sigma above (high) or below the centre of a point. Whole k use the chart's own
// lines; other k are interpolated from the 1-sigma line (Nelson's editable K). The choice is
// made once per rule, not per point.
class ZoneLine {
 public:
  explicit ZoneLine(double k) : k_(k) {
    if (k == 3.0) {
      upper_ = &PointResult::upper3, lower_ = &PointResult::lower3;
    } else if (k == 2.0) {
      upper_ = &PointResult::upper2, lower_ = &PointResult::lower2;
    } else if (k == 1.0) {
      upper_ = &PointResult::upper1, lower_ = &PointResult::lower1;
    }
  }
  double Upper(const PointResult& pt) const {
    return upper_ ? pt.*upper_ : pt.centre + k_ * (pt.upper1 - pt.centre);
  }
  double Lower(const PointResult& pt) const {
    return lower_ ? pt.*lower_ : pt.centre - k_ * (pt.centre - pt.lower1);
  }

 private:
  double k_;
  double PointResult::*upper_ = nullptr;
  double PointResult::*lower_ = nullptr;
};

}  // namespace

void ApplyBeyondLimits(const RuleInput& in, const Profile& p) {
  if (!in.has_limits) return;
  const auto r = static_cast<std::size_t>(RuleId::kBeyondLimits);
  const ZoneLine line(p.beyond_limits_sigma);
  for (int32_t i : in.judged) {
    PointResult& pt = in.points[i];
    const double upper = line.Upper(pt), lower = line.Lower(pt);
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
  if (w == 0 || w > kMaxZoneWindow || in.judged.size() < w) return;

  // Each point's zone (+1 / −1 beyond the zone line on that side, 0 otherwise) and side of the
  // centre are computed once and kept in a ring of the last w points. Without
  // beyond_outer_counts a point beyond 3 sigma is not "in the band" (MDC's 2 of 3).
  int8_t zone[kMaxZoneWindow], side[kMaxZoneWindow];
  const ZoneLine line(rule.sigma);
  int high_count = 0, low_count = 0;
  for (std::size_t j = 0; j < in.judged.size(); ++j) {
    const PointResult& pt = in.points[in.judged[j]];
    const bool high =
        pt.value > line.Upper(pt) && (rule.beyond_outer_counts || pt.value <= pt.upper3);
    const bool low =
        pt.value < line.Lower(pt) && (rule.beyond_outer_counts || pt.value >= pt.lower3);
    // Running counts of the window's points beyond the line on each side: the full check
    // below runs only when a window could signal.
    if (j >= w) {
      high_count -= zone[j % w] == 1;
      low_count -= zone[j % w] == -1;
    }
    zone[j % w] = static_cast<int8_t>(high ? 1 : (low ? -1 : 0));
    side[j % w] = static_cast<int8_t>((pt.value > pt.centre) - (pt.value < pt.centre));
    high_count += high;
    low_count += !high && low;
    if (j + 1 < w || (high_count < rule.count && low_count < rule.count)) continue;

    for (int8_t s : {int8_t{1}, int8_t{-1}}) {
      int beyond = 0;
      bool others_ok = true;
      for (std::size_t k = 0; k < w; ++k) {
        if (zone[k] == s) {
          ++beyond;
        } else if (rule.others_same_side && side[k] != s) {
          others_ok = false;
        }
      }
      if (beyond < rule.count || !others_ok) continue;
      for (std::size_t k = j + 1 - w; k <= j; ++k) {
        if (rule.flagging == ZoneFlagging::kWindow || zone[k % w] == s)
          in.points[in.judged[k]].rules[r] = s;
      }
    }
  }
}

}  // namespace kaizen::spc
