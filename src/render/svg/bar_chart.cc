// A plain bar chart of categories in the caller's order, and a line graph of one series over
// periods: the simple pictures of the Measure step, in the SPC chart's visual language.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kaizen/analysis_render.h"
#include "render/svg/palette.h"
#include "render/svg/plot_frame.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {

namespace {

// The bars from zero, each with its tooltip and, when the bars are wide enough to carry it, its
// value above (below, for a negative bar); returns the bars' centres for the category labels.
std::vector<double> DrawBars(render::MarkupWriter& w, const render::PlotArea& a,
                             std::span<const std::string> labels, std::span<const double> values,
                             int value_decimals, double slot, std::string_view colour) {
  using render::Num;
  const double bar_width = std::min(80.0, slot * 0.7);
  std::vector<double> centres;
  w.Open("g", {{"class", "bars"}});
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double cx = a.X(i + 0.5);
    centres.push_back(cx);
    if (!std::isfinite(values[i])) continue;
    const double y0 = a.Y(0), y1 = a.Y(values[i]);
    w.Open("rect", {{"class", "bar"},
                    {"x", Num(cx - bar_width / 2)},
                    {"y", Num(std::min(y0, y1))},
                    {"width", Num(bar_width)},
                    {"height", Num(std::fabs(y0 - y1))},
                    {"fill", std::string(colour)}});
    w.Leaf("title", {}, labels[i] + ": " + render::FormatSignificant(values[i], 4));
    w.Close();
    const std::string text = render::FormatValue(values[i], value_decimals);
    if (render::TextWidth(text, 11) <= slot - 4) {
      w.Leaf("text",
             {{"x", Num(cx)},
              {"y", Num(values[i] >= 0 ? y1 - 5 : y1 + 14)},
              {"font-size", "11"},
              {"text-anchor", "middle"},
              {"fill", std::string(render::kTextColour)}},
             text);
    }
  }
  w.Close();
  return centres;
}

}  // namespace

std::string RenderBarChartSvg(std::span<const std::string> categories,
                              std::span<const double> values, const PlotOptions& options) {
  using render::Num;
  const double width = std::max(options.width, 320);
  const double base_height = std::max(options.height, 240);
  const std::size_t n = std::min(categories.size(), values.size());
  double lo = 0, hi = 0;  // bars grow from zero, so zero is always on the axis
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(values[i])) continue;
    lo = std::min(lo, values[i]);
    hi = std::max(hi, values[i]);
  }
  const render::Axis y_axis = render::MakeAxis(lo, hi == lo ? lo + 1 : hi);
  const int value_decimals = std::max(y_axis.decimals, 0);

  const std::vector<std::string> labels(categories.begin(), categories.begin() + n);
  const auto [a, slot, plan] =
      render::CategoryPlotArea(y_axis, !options.y_label.empty(), width - 24, base_height, labels);
  const double height = base_height + plan.extra_height;

  const std::string title = options.title.empty() ? "Bar chart" : options.title;
  std::string desc = "Bar chart of " + std::to_string(n) + " categories:";
  for (std::size_t i = 0; i < n; ++i) {
    desc += (i == 0 ? " " : "; ") + labels[i] + " " + render::FormatSignificant(values[i], 4);
  }
  desc += ".";

  render::MarkupWriter w;
  render::OpenPlot(w, width, height, title, "", desc);
  render::DrawYAxis(w, a, y_axis, options.y_label);
  const std::vector<double> centres = DrawBars(w, a, labels, values.first(n), value_decimals, slot,
                                               render::ColoursOf(options.palette).common);
  w.Leaf("line", {{"x1", Num(a.left)},
                  {"y1", Num(a.Y(0))},
                  {"x2", Num(a.right)},
                  {"y2", Num(a.Y(0))},
                  {"stroke", std::string(render::kAxisColour)}});
  render::DrawCategoryLabels(w, a, centres, labels, plan);
  render::DrawXTitle(w, a, a.bottom + 38 + plan.extra_height, options.x_label);
  return w.Finish();
}

namespace {

// The line graph's plot area: periods sit at equal steps, half a step in from each end.
render::PlotArea LineGraphArea(const render::Axis& y_axis, std::size_t n, double width,
                               double height, bool has_y_title) {
  render::PlotArea a;
  a.left = render::LeftEdgeFor(y_axis, has_y_title);
  a.right = width - 24;
  a.top = render::kFrameTop;
  a.bottom = height - render::kFrameBottomMargin;
  a.x_lo = -0.5;
  a.x_hi = n <= 1 ? 0.5 : static_cast<double>(n) - 0.5;
  a.y_lo = y_axis.lo();
  a.y_hi = y_axis.hi();
  return a;
}

// The period axis: its baseline, and ticks with labels thinned so they never overlap.
void DrawPeriodAxis(render::MarkupWriter& w, const render::PlotArea& a,
                    std::span<const Date> periods) {
  using render::Num;
  w.Open("g",
         {{"class", "x-axis"}, {"font-size", "11"}, {"fill", std::string(render::kMutedText)}});
  w.Leaf("line", {{"x1", Num(a.left)},
                  {"y1", Num(a.bottom)},
                  {"x2", Num(a.right)},
                  {"y2", Num(a.bottom)},
                  {"stroke", std::string(render::kAxisColour)}});
  std::vector<double> xs;
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    xs.push_back(a.X(static_cast<double>(i)));
    labels.push_back(render::ShortPeriodText(periods[i]));
  }
  render::DrawPeriodTicks(w, a.bottom, xs, labels);
  w.Close();
}

// The data line (a missing value leaves a gap) and a point per value with its tooltip.
void DrawLineAndPoints(render::MarkupWriter& w, const render::PlotArea& a,
                       std::span<const Date> periods, std::span<const double> values,
                       std::string_view colour) {
  using render::Num;
  const std::size_t n = values.size();
  std::vector<double> xs(n);
  for (std::size_t i = 0; i < n; ++i) xs[i] = static_cast<double>(i);
  w.Leaf("path", {{"class", "data"},
                  {"d", render::PolylinePath(a, xs, values)},
                  {"fill", "none"},
                  {"stroke", std::string(render::kLineColour)},
                  {"stroke-width", "1.75"},
                  {"stroke-linejoin", "round"}});
  w.Open("g", {{"class", "points"}});
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(values[i])) continue;
    w.Open("circle", {{"cx", Num(a.X(static_cast<double>(i)))},
                      {"cy", Num(a.Y(values[i]))},
                      {"r", "3.5"},
                      {"fill", std::string(colour)}});
    w.Leaf("title", {},
           render::PeriodText(periods[i]) + ": " + render::FormatSignificant(values[i], 4));
    w.Close();
  }
  w.Close();
}

}  // namespace

std::string RenderLineGraphSvg(std::span<const Date> periods, std::span<const double> values,
                               const PlotOptions& options) {
  const double width = std::max(options.width, 320);
  const double height = std::max(options.height, 240);
  const std::size_t n = std::min(periods.size(), values.size());
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(values[i])) continue;
    lo = std::min(lo, values[i]);
    hi = std::max(hi, values[i]);
  }
  if (!std::isfinite(lo)) lo = hi = 0;
  const render::Axis y_axis = render::MakeAxis(lo, hi);
  const render::PlotArea a = LineGraphArea(y_axis, n, width, height, !options.y_label.empty());

  const std::string title = options.title.empty() ? "Line graph" : options.title;
  std::string desc = "Line graph of " + std::to_string(n) + " periods";
  if (n > 0)
    desc += " from " + render::PeriodText(periods[0]) + " to " + render::PeriodText(periods[n - 1]);
  desc += ".";

  render::MarkupWriter w;
  render::OpenPlot(w, width, height, title, "", desc);
  render::DrawYAxis(w, a, y_axis, options.y_label);
  DrawPeriodAxis(w, a, periods.first(n));
  render::DrawXTitle(w, a, a.bottom + 38, options.x_label);
  DrawLineAndPoints(w, a, periods.first(n), values.first(n),
                    render::ColoursOf(options.palette).common);
  return w.Finish();
}

}  // namespace kaizen
