// The chart's fixed layout, shared with its tests (which compute expected coordinates by hand)
// and with the PDF pages (which place charts on A4).
#ifndef KAIZEN_RENDER_SVG_SPC_CHART_H_
#define KAIZEN_RENDER_SVG_SPC_CHART_H_

#include <vector>

namespace kaizen::render {

// The plot area runs from y = kPlotTop down to y = ChartOptions::height − kPlotBottomMargin;
// below it come the period labels and the legend, then one line per annotation.
inline constexpr double kPlotTop = 58;
inline constexpr double kPlotBottomMargin = 74;
inline constexpr double kAnnotationLineHeight = 17;

// Round axis ticks covering [lo, hi]: a step of 1, 2, 2.5 or 5 × 10^k giving at most about six
// intervals, and the axis extended to whole steps (Heckbert, "Nice numbers for graph labels",
// Graphics Gems, 1990, adapted). Returns at least two ticks; lo == hi gets a unit-wide axis.
std::vector<double> NiceTicks(double lo, double hi);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_SVG_SPC_CHART_H_
