#include "spc/target_plausibility.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "kaizen/chart_traits.h"
#include "kaizen/number_format.h"

namespace kaizen::spc {

std::optional<double> WholeOfProportion(const Indicator& indicator) {
  if (TraitsOf(indicator.chart).plots == Plotted::kProportion) return indicator.multiplier;
  switch (indicator.chart) {
    case ChartType::kRun:
    case ChartType::kXmr:
      if (indicator.unit == "%") return 100.0;
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

void WarnIfTargetImplausible(const Indicator& indicator, SeriesResult* out) {
  const std::optional<double> whole = WholeOfProportion(indicator);
  if (!whole || indicator.direction == Direction::kNeither) return;
  const bool higher = indicator.direction == Direction::kHigherIsBetter;
  const double half = *whole / 2;
  // Why the middle: a proportion and its complement (the breach rate and the performance)
  // mirror each other about half the whole. A process failing a high target sits below it,
  // but on its own side of 50 % unless half or more of its cases fail in every period; a
  // complement charted by mistake sits on the other side for every period.
  double closest_gap = std::numeric_limits<double>::infinity();
  std::optional<double> shown_target;
  int points = 0;
  for (const PointResult& p : out->points) {
    if (p.missing || p.ghosted) continue;
    const std::optional<TargetStep> step = indicator.TargetAt(p.period);
    if (!step) return;
    if (p.value < 0 || p.value > *whole) return;  // not a proportion of this whole
    const bool target_good_side = higher ? step->value > half : step->value < half;
    const bool value_far_side = higher ? p.value < half : p.value > half;
    if (!target_good_side || !value_far_side) return;
    closest_gap = std::min(closest_gap, std::abs(step->value - p.value));
    shown_target = step->value;
    ++points;
  }
  if (points == 0) return;
  const int decimals = ValueDecimals(*out);
  const auto number = [&](double v) {
    return WithUnit(FormatDecimals(v, decimals), indicator.unit);
  };
  const std::string side = higher ? "below" : "above";
  out->warnings.push_back(
      {WarningCode::kImplausibleTarget,
       "every value is at least " + FormatDecimals(closest_gap, decimals) + " " + side +
           " the target of " + number(*shown_target) + " and on the other side of " + number(half) +
           ", nearer the target's complement (" + number(*whole - *shown_target) +
           ") than the target: check that the direction and " +
           "the measure are right (is this the " + (higher ? "breach rate" : "performance") +
           " rather than the " + (higher ? "performance" : "breach rate") + "?)"});
}

}  // namespace kaizen::spc
