// The chart's fixed layout, shared with its tests (which compute expected coordinates by hand)
// and with the PDF pages (which place charts on A4).
#ifndef KAIZEN_RENDER_SVG_SPC_CHART_H_
#define KAIZEN_RENDER_SVG_SPC_CHART_H_

#include "render/svg/plot_frame.h"  // NiceTicks, which the chart's tests check

namespace kaizen::render {

// The plot area runs from y = kPlotTop down to y = ChartOptions::height − kPlotBottomMargin;
// below it come the period labels and the legend, then one line per annotation.
inline constexpr double kPlotTop = 58;
inline constexpr double kPlotBottomMargin = 74;
inline constexpr double kAnnotationLineHeight = 17;

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_SVG_SPC_CHART_H_
