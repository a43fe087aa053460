// Tukey box plots, one per group: the box from Q1 to Q3, the median across it, the whiskers and
// every outlier drawn as a point, from the statistics ComputeBoxStats (stats/box_stats.cc) gives.
#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "kaizen/analysis_render.h"
#include "render/svg/palette.h"
#include "render/svg/plot_frame.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {
namespace {

using render::Num;

// Each group's name with its n, as the category label under its box.
std::vector<std::string> GroupLabels(std::span<const std::string> groups,
                                     std::span<const BoxStats> boxes) {
  std::vector<std::string> labels;
  labels.reserve(groups.size());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    labels.push_back(groups[i] +
                     " (n = " + render::FormatValue(static_cast<double>(boxes[i].n), 0) + ")");
  }
  return labels;
}

// The value axis: every whisker end and outlier of the groups that have values (0 when none do).
render::Axis ValueAxis(std::span<const BoxStats> boxes) {
  double lo = INFINITY, hi = -INFINITY;
  for (const BoxStats& b : boxes) {
    if (b.n == 0) continue;
    lo = std::min({lo, b.low, b.outliers.empty() ? b.low : b.outliers.front()});
    hi = std::max({hi, b.high, b.outliers.empty() ? b.high : b.outliers.back()});
  }
  if (!std::isfinite(lo)) lo = hi = 0;
  return render::MakeAxis(lo, hi);
}

// The chart in words, for screen readers (the SVG's <desc>): each group's median, quartiles and
// how many outliers.
std::string BoxPlotDescription(std::span<const std::string> groups,
                               std::span<const BoxStats> boxes) {
  const std::size_t g = groups.size();
  std::string desc = "Box plot of " + std::to_string(g) + " group" + (g == 1 ? "" : "s") + ".";
  for (std::size_t i = 0; i < g; ++i) {
    const BoxStats& b = boxes[i];
    if (b.n == 0) continue;
    desc += " " + groups[i] + ": median " + render::FormatSignificant(b.median) + ", Q1 " +
            render::FormatSignificant(b.q1) + ", Q3 " + render::FormatSignificant(b.q3) + ", " +
            std::to_string(b.outliers.size()) + " outlier" + (b.outliers.size() == 1 ? "" : "s") +
            ".";
  }
  return desc;
}

// One box's geometry: its centre, its width and the plot it is drawn in.
struct BoxPlace {
  const render::PlotArea& a;
  double cx;
  double box_width;
};

// A horizontal line across the box at value v, `half_width` either side of the centre.
void DrawAcross(render::MarkupWriter& w, const BoxPlace& p, std::string_view cls, double v,
                double half_width, std::string_view stroke_width) {
  w.Leaf("line", {{"class", std::string(cls)},
                  {"x1", Num(p.cx - half_width)},
                  {"y1", Num(p.a.Y(v))},
                  {"x2", Num(p.cx + half_width)},
                  {"y2", Num(p.a.Y(v))},
                  {"stroke", std::string(render::kTextColour)},
                  {"stroke-width", std::string(stroke_width)}});
}

// Each whisker from the box's edge to its end, capped with a line half the box's width.
void DrawWhiskers(render::MarkupWriter& w, const BoxPlace& p, const BoxStats& b) {
  for (const auto& [from, to] : {std::pair{b.q3, b.high}, std::pair{b.q1, b.low}}) {
    w.Leaf("line", {{"class", "whisker"},
                    {"x1", Num(p.cx)},
                    {"y1", Num(p.a.Y(from))},
                    {"x2", Num(p.cx)},
                    {"y2", Num(p.a.Y(to))},
                    {"stroke", std::string(render::kTextColour)},
                    {"stroke-width", "1.5"}});
    DrawAcross(w, p, "whisker-cap", to, p.box_width / 4, "1.5");
  }
}

// The box from Q1 to Q3, the median across it (3 px, so it reads as the box's centre) and the
// median's value beside it.
void DrawBoxAndMedian(render::MarkupWriter& w, const BoxPlace& p, const BoxStats& b,
                      std::string_view fill) {
  w.Leaf("rect", {{"class", "iqr"},
                  {"x", Num(p.cx - p.box_width / 2)},
                  {"y", Num(p.a.Y(b.q3))},
                  {"width", Num(p.box_width)},
                  {"height", Num(p.a.Y(b.q1) - p.a.Y(b.q3))},
                  {"fill", std::string(fill)},
                  {"fill-opacity", "0.35"},
                  {"stroke", std::string(render::kTextColour)},
                  {"stroke-width", "1.5"}});
  DrawAcross(w, p, "median", b.median, p.box_width / 2, "3");
  w.Leaf("text",
         {{"x", Num(p.cx + p.box_width / 2 + 5)},
          {"y", Num(p.a.Y(b.median) + 4)},
          {"font-size", "11"},
          {"fill", std::string(render::kTextColour)}},
         render::FormatSignificant(b.median));
}

// Every outlier as a hollow point with its value as a tooltip (4 significant digits, enough to
// find it in the data).
void DrawOutliers(render::MarkupWriter& w, const BoxPlace& p, const BoxStats& b,
                  const std::string& group, std::string_view colour) {
  for (const double x : b.outliers) {
    w.Open("circle", {{"class", "outlier"},
                      {"cx", Num(p.cx)},
                      {"cy", Num(p.a.Y(x))},
                      {"r", "3.5"},
                      {"fill", "#FFFFFF"},
                      {"stroke", std::string(colour)},
                      {"stroke-width", "1.5"}});
    w.Leaf("title", {}, group + ": " + render::FormatSignificant(x, 4));
    w.Close();
  }
}

// One group's box plot in its <g class="box">, its five numbers as the tooltip.
void DrawBox(render::MarkupWriter& w, const BoxPlace& p, const BoxStats& b,
             const std::string& group, const render::PaletteColours& colours) {
  w.Open("g", {{"class", "box"}});
  w.Leaf("title", {},
         group + ": n " + std::to_string(b.n) + ", median " + render::FormatSignificant(b.median) +
             ", Q1 " + render::FormatSignificant(b.q1) + ", Q3 " + render::FormatSignificant(b.q3) +
             ", whiskers " + render::FormatSignificant(b.low) + " to " +
             render::FormatSignificant(b.high));
  DrawWhiskers(w, p, b);
  DrawBoxAndMedian(w, p, b, colours.common);
  DrawOutliers(w, p, b, group, colours.neither);
  w.Close();
}

}  // namespace

std::string RenderBoxPlotSvg(const std::vector<std::string>& all_groups,
                             const std::vector<BoxStats>& all_boxes, const PlotOptions& options) {
  const double width = std::max(options.width, 320);
  const double base_height = std::max(options.height, 240);
  // A name without a box, or a box without a name, is left out: only pairs are drawn.
  const std::size_t g = std::min(all_groups.size(), all_boxes.size());
  const std::span<const std::string> groups(all_groups.data(), g);
  const std::span<const BoxStats> boxes(all_boxes.data(), g);
  const std::vector<std::string> labels = GroupLabels(groups, boxes);
  const render::Axis y_axis = ValueAxis(boxes);
  const auto [a, slot, plan] =
      render::CategoryPlotArea(y_axis, !options.y_label.empty(), width - 24, base_height, labels);

  render::MarkupWriter w;
  render::OpenPlot(w, width, base_height + plan.extra_height,
                   options.title.empty() ? "Box plot" : options.title,
                   "Box: quartiles Q1 to Q3 (Hyndman & Fan type 7), line at the median  \xC2\xB7  "
                   "whiskers to the furthest values within 1.5 \xC3\x97 IQR  \xC2\xB7  points "
                   "beyond: outliers",
                   BoxPlotDescription(groups, boxes));
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
    centres.push_back(a.X(i + 0.5));
    if (boxes[i].n > 0) DrawBox(w, {a, centres.back(), box_width}, boxes[i], groups[i], colours);
  }
  render::DrawCategoryLabels(w, a, centres, labels, plan);
  render::DrawXTitle(w, a, a.bottom + 38 + plan.extra_height, options.x_label);
  return w.Finish();
}

}  // namespace kaizen
