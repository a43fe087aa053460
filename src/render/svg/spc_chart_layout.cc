// The SPC chart's layout (render/svg/spc_chart_layout.h).
#include "render/svg/spc_chart_layout.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "kaizen/chart_traits.h"
#include "render/svg/plot_frame.h"
#include "render/svg/spc_chart.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen::render {

namespace {

// The value axis's ticks: they cover the data, the lines and the target.
std::vector<double> ValueTicks(const SpcColumns& c) {
  double lo = INFINITY, hi = -INFINITY;
  for (const std::vector<double>* column : {&c.values, &c.centre, &c.lower, &c.upper, &c.target}) {
    for (const double v : *column) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (!std::isfinite(lo)) lo = hi = 0;
  return NiceTicks(lo, hi);
}

}  // namespace

std::string StepPath(const SpcScale& s, const std::vector<double>& values, int first, int last) {
  std::string d;
  bool open = false;
  double current = kMissing;
  for (int i = first; i <= last; ++i) {
    const double v = values[i];
    if (!std::isfinite(v)) {
      open = false;
      continue;
    }
    const double x_start = i == first || !open ? s.X(i) : s.X(i) - s.HalfStep();
    const double x_end =
        i == last || !std::isfinite(values[i + 1]) ? s.X(i) : s.X(i) + s.HalfStep();
    if (!open) {
      d += "M" + Num(x_start) + " " + Num(s.Y(v));
      open = true;
    } else if (v != current) {
      d += "V" + Num(s.Y(v));
    }
    current = v;
    // Consecutive equal values extend one horizontal run instead of adding commands.
    const bool next_same = i < last && values[i + 1] == v;
    if (!next_same) d += "H" + Num(x_end);
  }
  return d;
}

SpcColumns ColumnsOf(const Indicator& indicator, const SeriesResult& r, bool has_limits) {
  const int n = static_cast<int>(r.points.size());
  SpcColumns c{.values = std::vector<double>(n),
               .centre = std::vector<double>(n),
               .lower = std::vector<double>(n),
               .upper = std::vector<double>(n),
               .target = std::vector<double>(n, kMissing)};
  for (int i = 0; i < n; ++i) {
    const PointResult& p = r.points[i];
    c.values[i] = p.missing ? kMissing : p.value;
    c.centre[i] = p.centre;
    c.lower[i] = has_limits ? p.lower3 : kMissing;
    c.upper[i] = has_limits ? p.upper3 : kMissing;
    if (std::optional<TargetStep> t = indicator.TargetAt(p.period)) {
      c.target[i] = t->value;
      c.any_target = c.any_target || std::isfinite(t->value);
    }
  }
  return c;
}

SpcLayout LayoutChart(const Indicator& indicator, const SeriesResult& r,
                      const ChartOptions& options, const SpcColumns& c) {
  SpcLayout l;
  l.width = std::max(options.width, 320);
  l.base_height = std::max(options.height, 220);
  l.has_limits = TraitsOf(r.chart).has_limits;
  l.median_centre = TraitsOf(r.chart).centre == CentreLine::kMedian;
  l.decimals = DisplayDecimals(r);
  l.ticks = ValueTicks(c);
  l.tick_decimals = TickDecimals(l.ticks);
  double tick_label_width = 0;
  for (const double t : l.ticks) {
    tick_label_width = std::max(tick_label_width, TextWidth(FormatValue(t, l.tick_decimals), 11));
  }
  l.markers = ChartMarkers(indicator, r, l.decimals);
  l.marker_lines = MarkerLines(l.markers, r, l.width);
  int annotation_lines = 0;
  for (const auto& lines : l.marker_lines) annotation_lines += static_cast<int>(lines.size());
  l.height =
      l.base_height + (annotation_lines > 0 ? 8 : 0) + annotation_lines * kAnnotationLineHeight;
  l.subtitle = ChartSubtitle(indicator, r, l.decimals);
  // A subtitle too wide for the chart takes a second line, and the plot starts that much lower.
  l.subtitle_lines = SubtitleLines(l.subtitle, l.width - 28);
  const double y_title_width = indicator.unit.empty() ? 0 : 18;
  l.s = SpcScale{.left = 14 + y_title_width + tick_label_width + 8,
                 .right = l.width - 118,
                 .top = kPlotTop + kSubtitleLine * static_cast<double>(l.subtitle_lines.size() - 1),
                 .bottom = l.base_height - kPlotBottomMargin,
                 .lo = l.ticks.front(),
                 .hi = l.ticks.back(),
                 .n = static_cast<int>(r.points.size())};
  return l;
}

}  // namespace kaizen::render
