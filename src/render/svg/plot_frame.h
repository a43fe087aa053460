// The frame every chart shares, so the analysis charts and the SPC chart speak one visual
// language: the title and subtitle, round axis ticks, gridlines, axis titles, category labels
// that turn when they would collide, a wrapping legend and footnotes. Fonts are never below
// 11 px, so a 900 px chart stays readable printed on A4.
//
// Plain functions over a MarkupWriter owned by the caller; no state beyond it.
#ifndef KAIZEN_RENDER_SVG_PLOT_FRAME_H_
#define KAIZEN_RENDER_SVG_PLOT_FRAME_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "render/svg/svg_writer.h"

namespace kaizen::render {

inline constexpr std::string_view kTextColour = "#231F20";
inline constexpr std::string_view kMutedText = "#4C6272";
inline constexpr std::string_view kGridColour = "#E8EDEE";
inline constexpr std::string_view kAxisColour = "#AEB7BD";
inline constexpr std::string_view kCentreColour = "#231F20";
inline constexpr std::string_view kLimitColour = "#5F6A72";
inline constexpr std::string_view kTargetColour = "#D5281B";  // NHS emergency red
inline constexpr std::string_view kLineColour = "#9AA0A6";
inline constexpr std::string_view kLimitDash = "7 4";

// The plot area of an analysis chart starts below the title and subtitle, as the SPC chart's
// does; below it come tick labels, the axis title and the legend.
inline constexpr double kFrameTop = 58;
inline constexpr double kFrameBottomMargin = 92;
inline constexpr double kNoteLineHeight = 15;

// Round axis ticks covering [lo, hi]: a step of 1, 2, 2.5 or 5 × 10^k giving at most about six
// intervals, and the axis extended to whole steps (Heckbert, "Nice numbers for graph labels",
// Graphics Gems, 1990, adapted). Returns at least two ticks; lo == hi gets a unit-wide axis.
// NaN or infinity gives {0, 1}; a range no round step can cover in a handful of ticks (near
// the largest double, or narrower than the values' last digits) gives {lo, hi}.
std::vector<double> NiceTicks(double lo, double hi);

// The decimals that tell the ticks apart (0 for a step of 5, 1 for 2.5, ...).
int TickDecimals(const std::vector<double>& ticks);

// An estimate of the width of `text` at `font_size`: Arial's average advance is about 0.56 em
// and DejaVu Sans' (the usual fallback) 0.6 em; the larger keeps labels from colliding
// whichever font the viewer has.
double TextWidth(std::string_view text, double font_size);

// A statistic for a subtitle or legend with `significant` significant digits ("2.47",
// "0.0312", "1,234").
std::string FormatSignificant(double v, int significant = 3);
// A p-value as reports print it: "p < 0.001", else "p = 0.042".
std::string FormatP(double p);

// A numeric axis: its ticks (the axis runs from the first to the last) and label decimals.
// `multiplier` scales the labels only (100 shows proportions as percentages) and `suffix`
// follows each label (" %").
struct Axis {
  std::vector<double> ticks;
  int decimals = 0;
  double multiplier = 1;
  std::string suffix;
  double lo() const { return ticks.front(); }
  double hi() const { return ticks.back(); }
  std::string Label(double v) const;
};
Axis MakeAxis(double lo, double hi, double multiplier = 1, std::string suffix = "");

// Maps data to SVG coordinates inside the plot area.
struct PlotArea {
  double left = 0, right = 0, top = 0, bottom = 0;
  double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;
  double X(double v) const { return left + (v - x_lo) / (x_hi - x_lo) * (right - left); }
  double Y(double v) const { return bottom - (v - y_lo) / (y_hi - y_lo) * (bottom - top); }
};

// The left edge that leaves room for the y tick labels and, when there is one, the rotated y
// axis title.
double LeftEdgeFor(const Axis& y, bool has_title);

// The plot area of a chart with two value axes: from the left edge that leaves room for the y
// labels (LeftEdgeFor) to 24 px from the right of `width`, from the frame's top to the bottom
// margin above `bottom_edge` (the chart's height without its notes), spanning both axes.
PlotArea AxesPlotArea(const Axis& x, const Axis& y, double width, double bottom_edge,
                      bool has_y_title);

// Opens the document: <svg>, <title>, <desc>, the white page, the bold title and the muted
// subtitle. The caller closes it with MarkupWriter::Finish().
void OpenPlot(MarkupWriter& w, double width, double height, std::string_view title,
              std::string_view subtitle, std::string_view description);

// One horizontal gridline across [left, right] at `y`, with its label right-aligned 6 px to the
// left of it.
void DrawGridline(MarkupWriter& w, double left, double right, double y, std::string_view label);
// Horizontal gridlines with their labels at the left, and the rotated axis title.
void DrawYAxis(MarkupWriter& w, const PlotArea& a, const Axis& y, std::string_view title);
// The same on the right-hand edge, labels only (a second scale such as the Pareto's %).
void DrawRightAxis(MarkupWriter& w, const PlotArea& a, const Axis& y, std::string_view title);
// The baseline, tick marks and labels of a numeric x axis, and its title below.
void DrawXAxis(MarkupWriter& w, const PlotArea& a, const Axis& x, std::string_view title);
// The axis title centred under the plot at `y`.
void DrawXTitle(MarkupWriter& w, const PlotArea& a, double y, std::string_view title);

// The ticks of a period axis at `xs` (equally spaced, left to right) on the baseline at `bottom`,
// every k-th one labelled with `labels[i]`: k is chosen so the labels do not overlap, and for
// monthly data is a divisor or multiple of 12 so labels fall on the same months each year.
// The caller opens and closes the axis's <g> and draws its baseline.
void DrawPeriodTicks(MarkupWriter& w, double bottom, std::span<const double> xs,
                     std::span<const std::string> labels);

// Category labels under bars or boxes: horizontal when each fits its slot, else turned 35° (and
// cut to 30 characters with an ellipsis; the full name stays in the bar's tooltip).
struct CategoryLabelPlan {
  bool turned = false;
  double extra_height = 0;  // added below the plot for turned labels
};
CategoryLabelPlan PlanCategoryLabels(std::span<const std::string> labels, double slot_width);
// The plot's left edge moved right, where needed, so that turned category labels (which end at
// their slot's centre and run up to the left) stay inside the chart: at least 6 px from its
// left edge. `left` is the edge the y axis wants; the result is never less.
double LeftEdgeForCategories(double left, double right, std::span<const std::string> labels);
void DrawCategoryLabels(MarkupWriter& w, const PlotArea& a, std::span<const double> centres,
                        std::span<const std::string> labels, const CategoryLabelPlan& plan);

// The frame of a chart of categories (bars or boxes): the plot area from the left edge that the
// y labels and the turned category labels need (LeftEdgeFor, LeftEdgeForCategories) to `right`,
// from the frame's top to the bottom margin above `bottom_edge`, x running from 0 to the number
// of labels (one slot each, at least one) and y spanning the axis; each slot's width; and how
// the category labels are laid out in it.
struct CategoryFrame {
  PlotArea area;
  double slot = 0;
  CategoryLabelPlan plan;
};
CategoryFrame CategoryPlotArea(const Axis& y, bool has_y_title, double right, double bottom_edge,
                               std::span<const std::string> labels);

// Opens the <g class="legend"> every chart's legend sits in (11 px, the text colour); the caller
// closes it.
void OpenLegendGroup(MarkupWriter& w);

// A legend laid out left to right from (x, y), starting a new row before it would pass
// `right`. The caller opens and closes the enclosing <g> (OpenLegendGroup).
class Legend {
 public:
  Legend(MarkupWriter& w, double x, double y, double right)
      : w_(w), left_(x), x_(x), y_(y), right_(right) {}
  void Line(std::string_view label, std::string_view colour, std::string_view dash = {},
            double stroke_width = 2);
  void Point(std::string_view label, std::string_view colour);
  // A point drawn with a 1.5 px ring of `ring` (the SPC chart's point kinds: a hollow ghost,
  // the not-judged point's dark ring).
  void RingedPoint(std::string_view label, std::string_view fill, std::string_view ring);
  void Swatch(std::string_view label, std::string_view colour, double opacity = 1,
              std::string_view pattern_id = {});
  void Text(std::string_view label);
  double bottom() const { return y_; }

 private:
  void MakeRoom(double item_width);
  MarkupWriter& w_;
  double left_, x_, y_, right_;
};

// Footnote lines (muted, 11 px) from `y` down, one per entry, wrapped to `width`; returns the
// number of lines drawn. NotesLines counts them beforehand so the page can be made tall enough.
int NotesLines(std::span<const std::string> notes, double width);
void DrawNotes(MarkupWriter& w, double x, double y, double width,
               std::span<const std::string> notes);

// A polyline path through (xs[i], ys[i]); non-finite values break it.
std::string PolylinePath(const PlotArea& a, std::span<const double> xs, std::span<const double> ys);

// One histogram bar for the bin [lo_edge, hi_edge) holding `count`: filled with `colour` at
// 0.55 opacity (gridlines show through) and parted from its neighbours by a white 1 px stroke.
// A non-empty `tooltip` becomes the bar's <title>.
void DrawBinBar(MarkupWriter& w, const PlotArea& a, double lo_edge, double hi_edge, double count,
                std::string_view colour, std::string_view tooltip = {});

// The path of the normal curve with `mean` and `sd` (> 0) as counts per bin of `bin_width` for
// `n` values (NormalBinCount, kaizen/histogram.h), over the plot's whole x range in 160
// segments: smooth at any width, so it lines up with the bars it is drawn over.
std::string NormalCountPath(const PlotArea& a, double mean, double sd, double n, double bin_width);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_SVG_PLOT_FRAME_H_
