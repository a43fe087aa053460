// Tukey box plots, one per group: the box from Q1 to Q3, the median across it, the whiskers and
// every outlier drawn as a point, from the statistics ComputeBoxStats (stats/box_stats.cc) gives.
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

std::string RenderBoxPlotSvg(const std::vector<std::string>& groups,
                             const std::vector<BoxStats>& boxes, const PlotOptions& options) {
  using render::Num;
  const double width = std::max(options.width, 320);
  const double base_height = std::max(options.height, 240);
  const std::size_t g = std::min(groups.size(), boxes.size());
  std::vector<std::string> labels;
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t i = 0; i < g; ++i) {
    const BoxStats& b = boxes[i];
    labels.push_back(groups[i] + " (n = " + render::FormatValue(static_cast<double>(b.n), 0) + ")");
    if (b.n == 0) continue;
    lo = std::min({lo, b.low, b.outliers.empty() ? b.low : b.outliers.front()});
    hi = std::max({hi, b.high, b.outliers.empty() ? b.high : b.outliers.back()});
  }
  if (!std::isfinite(lo)) lo = hi = 0;
  const render::Axis y_axis = render::MakeAxis(lo, hi);

  render::PlotArea a;
  a.left = render::LeftEdgeFor(y_axis, !options.y_label.empty());
  a.right = width - 24;
  a.top = render::kFrameTop;
  a.left = render::LeftEdgeForCategories(a.left, a.right, labels);
  const double slot = g == 0 ? a.right - a.left : (a.right - a.left) / static_cast<double>(g);
  const render::CategoryLabelPlan plan = render::PlanCategoryLabels(labels, slot);
  const double height = base_height + plan.extra_height;
  a.bottom = base_height - render::kFrameBottomMargin;
  a.x_lo = 0;
  a.x_hi = static_cast<double>(std::max<std::size_t>(g, 1));
  a.y_lo = y_axis.lo();
  a.y_hi = y_axis.hi();

  const std::string title = options.title.empty() ? "Box plot" : options.title;
  const std::string subtitle =
      "Box: quartiles Q1 to Q3 (Hyndman & Fan type 7), line at the median  \xC2\xB7  whiskers to "
      "the furthest values within 1.5 \xC3\x97 IQR  \xC2\xB7  points beyond: outliers";
  std::string desc = "Box plot of " + std::to_string(g) + " group" + (g == 1 ? "" : "s") + ".";
  for (std::size_t i = 0; i < g; ++i) {
    const BoxStats& b = boxes[i];
    if (b.n == 0) continue;
    desc += " " + groups[i] + ": median " + render::FormatSignificant(b.median) + ", Q1 " +
            render::FormatSignificant(b.q1) + ", Q3 " + render::FormatSignificant(b.q3) + ", " +
            std::to_string(b.outliers.size()) + " outlier" + (b.outliers.size() == 1 ? "" : "s") +
            ".";
  }

  render::MarkupWriter w;
  render::OpenPlot(w, width, height, title, subtitle, desc);
  render::DrawYAxis(w, a, y_axis, options.y_label);
  w.Leaf("line", {{"x1", Num(a.left)},
                  {"y1", Num(a.bottom)},
                  {"x2", Num(a.right)},
                  {"y2", Num(a.bottom)},
                  {"stroke", std::string(render::kAxisColour)}});
  const render::PaletteColours colours = render::ColoursOf(options.palette);
  const double box_width = std::min(90.0, slot * 0.5);
  std::vector<double> centres;
  for (std::size_t i = 0; i < g; ++i) {
    const double cx = a.X(i + 0.5);
    centres.push_back(cx);
    const BoxStats& b = boxes[i];
    if (b.n == 0) continue;
    w.Open("g", {{"class", "box"}});
    w.Leaf("title", {},
           groups[i] + ": n " + std::to_string(b.n) + ", median " +
               render::FormatSignificant(b.median) + ", Q1 " + render::FormatSignificant(b.q1) +
               ", Q3 " + render::FormatSignificant(b.q3) + ", whiskers " +
               render::FormatSignificant(b.low) + " to " + render::FormatSignificant(b.high));
    const std::string stroke = std::string(render::kTextColour);
    for (const auto& [from, to] : {std::pair{b.q3, b.high}, std::pair{b.q1, b.low}}) {
      w.Leaf("line", {{"class", "whisker"},
                      {"x1", Num(cx)},
                      {"y1", Num(a.Y(from))},
                      {"x2", Num(cx)},
                      {"y2", Num(a.Y(to))},
                      {"stroke", stroke},
                      {"stroke-width", "1.5"}});
      w.Leaf("line", {{"class", "whisker-cap"},
                      {"x1", Num(cx - box_width / 4)},
                      {"y1", Num(a.Y(to))},
                      {"x2", Num(cx + box_width / 4)},
                      {"y2", Num(a.Y(to))},
                      {"stroke", stroke},
                      {"stroke-width", "1.5"}});
    }
    w.Leaf("rect", {{"class", "iqr"},
                    {"x", Num(cx - box_width / 2)},
                    {"y", Num(a.Y(b.q3))},
                    {"width", Num(box_width)},
                    {"height", Num(a.Y(b.q1) - a.Y(b.q3))},
                    {"fill", std::string(colours.common)},
                    {"fill-opacity", "0.35"},
                    {"stroke", stroke},
                    {"stroke-width", "1.5"}});
    w.Leaf("line", {{"class", "median"},
                    {"x1", Num(cx - box_width / 2)},
                    {"y1", Num(a.Y(b.median))},
                    {"x2", Num(cx + box_width / 2)},
                    {"y2", Num(a.Y(b.median))},
                    {"stroke", stroke},
                    {"stroke-width", "3"}});
    w.Leaf("text",
           {{"x", Num(cx + box_width / 2 + 5)},
            {"y", Num(a.Y(b.median) + 4)},
            {"font-size", "11"},
            {"fill", std::string(render::kTextColour)}},
           render::FormatSignificant(b.median));
    for (const double x : b.outliers) {
      w.Open("circle", {{"class", "outlier"},
                        {"cx", Num(cx)},
                        {"cy", Num(a.Y(x))},
                        {"r", "3.5"},
                        {"fill", "#FFFFFF"},
                        {"stroke", std::string(colours.neither)},
                        {"stroke-width", "1.5"}});
      w.Leaf("title", {}, groups[i] + ": " + render::FormatSignificant(x, 4));
      w.Close();
    }
    w.Close();
  }
  render::DrawCategoryLabels(w, a, centres, labels, plan);
  render::DrawXTitle(w, a, a.bottom + 38 + plan.extra_height, options.x_label);
  return w.Finish();
}

}  // namespace kaizen
