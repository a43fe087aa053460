// The SPC chart's layout, worked out once before anything is drawn: the point and value
// scale, the chart's lines as columns, and the sizes that depend on the subtitle's and the
// annotations' lines. Shared by the chart's layers in render/svg/spc_chart.cc.
#ifndef KAIZEN_RENDER_SVG_SPC_CHART_LAYOUT_H_
#define KAIZEN_RENDER_SVG_SPC_CHART_LAYOUT_H_

#include <string>
#include <vector>

#include "kaizen/render.h"
#include "render/svg/spc_chart_text.h"

namespace kaizen::render {

// Maps data values and point indices to SVG coordinates.
struct SpcScale {
  double left, right, top, bottom;
  double lo, hi;
  int n;

  double X(int i) const {
    if (n <= 1) return (left + right) / 2;
    constexpr double kPad = 10;
    return left + kPad + i * (right - left - 2 * kPad) / (n - 1);
  }
  double Y(double v) const { return bottom - (v - lo) / (hi - lo) * (bottom - top); }
  double HalfStep() const { return n <= 1 ? 10 : (X(1) - X(0)) / 2; }
};

// A step line through per-point values over points [first, last]: each value holds from
// halfway to the previous point to halfway to the next, clipped to the points themselves, so
// constant values give one straight line. NaN values break the line.
std::string StepPath(const SpcScale& s, const std::vector<double>& values, int first, int last);

// The chart's lines as columns, one value per point, so StepPath can read them; NaN where a
// point has no value (missing data, no limits on a run chart, no target in force).
struct SpcColumns {
  std::vector<double> values, centre, lower, upper, target;
  bool any_target = false;
};

SpcColumns ColumnsOf(const Indicator& indicator, const SeriesResult& r, bool has_limits);

// Everything about the chart that is worked out before drawing, once.
struct SpcLayout {
  double width = 0, base_height = 0, height = 0;
  bool has_limits = true;      // false for a run chart (chart_traits.h)
  bool median_centre = false;  // the centre line reads "Median", not "Mean"
  int decimals = 0;
  std::vector<double> ticks;
  int tick_decimals = 0;
  std::string subtitle;
  std::vector<std::string> subtitle_lines;
  std::vector<ChartMarker> markers;
  std::vector<std::vector<std::string>> marker_lines;
  SpcScale s{};
};

// The height of each further line of a subtitle too wide for one.
inline constexpr double kSubtitleLine = 15;

// The layout for `indicator`'s series `r` drawn with `options`; `c` from ColumnsOf.
SpcLayout LayoutChart(const Indicator& indicator, const SeriesResult& r,
                      const ChartOptions& options, const SpcColumns& c);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_SVG_SPC_CHART_LAYOUT_H_
