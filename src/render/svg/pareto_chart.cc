// The Pareto chart (Juran's "vital few and useful many"): bars in the result's order with the
// vital few in the improvement blue and the rest grey, the "other" bar last and hatched, the
// cumulative percentage on a right-hand 0–100 % axis and the cut as a dashed line.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kaizen/analysis_render.h"
#include "render/svg/label_placer.h"
#include "render/svg/palette.h"
#include "render/svg/plot_frame.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {

namespace {

using render::Num;

// Everything about the chart that is worked out before drawing, once.
struct ParetoLayout {
  double width = 0, base_height = 0, height = 0;
  std::size_t n = 0;
  int decimals = 0;  // bars' values: whole counts print whole, weights one decimal
  render::Axis y_axis;
  double cut = 0.8;
  std::vector<std::string> labels;
  render::PlotArea a;
  double slot = 0, bar_width = 0;
  render::CategoryLabelPlan plan;
  std::vector<std::string> notes;
  double note_width = 0;
  // The cumulative share's y on the right-hand 0–100 % scale.
  double YPct(double share) const { return a.bottom - share * (a.bottom - a.top); }
};

// The value axis. Headroom above the tallest bar for its value label, which would otherwise sit
// in the subtitle when that bar reaches the top of the axis; whole counts keep whole ticks.
render::Axis ValueAxis(const ParetoResult& pareto, bool whole_values) {
  double hi = 0;
  for (const ParetoBar& b : pareto.bars) hi = std::max(hi, b.value);
  const double top = hi > 0 ? hi * 1.08 : 1;
  render::Axis y_axis = render::MakeAxis(0, top);
  if (whole_values && y_axis.decimals > 0) y_axis = render::MakeAxis(0, std::max(5.0, top));
  return y_axis;
}

// The footnotes: why every named category is vital, and what was left out.
std::vector<std::string> ParetoNotes(const ParetoResult& pareto, double cut) {
  std::vector<std::string> notes;
  if (pareto.cut_needs_other) {
    notes.push_back("The named categories alone never reach the " +
                    render::FormatValue(cut * 100, 0) +
                    " % cut: every named category counts among the vital few.");
  }
  if (pareto.missing_records > 0) {
    notes.push_back(std::to_string(pareto.missing_records) + " record" +
                    (pareto.missing_records == 1 ? "" : "s") +
                    " with no category (or no weight) left out.");
  }
  return notes;
}

ParetoLayout LayoutPareto(const ParetoResult& pareto, const PlotOptions& options) {
  ParetoLayout l;
  l.width = std::max(options.width, 320);
  l.base_height = std::max(options.height, 240);
  l.n = pareto.bars.size();
  bool whole_values = true;
  for (const ParetoBar& b : pareto.bars)
    whole_values = whole_values && b.value == std::floor(b.value);
  l.decimals = whole_values ? 0 : 1;
  l.y_axis = ValueAxis(pareto, whole_values);
  l.cut = std::isfinite(options.pareto_cut) && options.pareto_cut > 0 && options.pareto_cut <= 1
              ? options.pareto_cut
              : 0.8;
  for (const ParetoBar& b : pareto.bars) l.labels.push_back(b.category);
  // Room at the right for the percentage axis and its title.
  const render::CategoryFrame frame =
      render::CategoryPlotArea(l.y_axis, true, l.width - 70, l.base_height, l.labels);
  l.a = frame.area;
  l.slot = frame.slot;
  l.plan = frame.plan;
  l.bar_width = std::min(90.0, l.slot * 0.72);
  l.notes = ParetoNotes(pareto, l.cut);
  l.note_width = l.width - 28;
  l.height = l.base_height + l.plan.extra_height +
             render::NotesLines(l.notes, l.note_width) * render::kNoteLineHeight;
  return l;
}

std::string ParetoSubtitle(const ParetoResult& pareto, const ParetoLayout& l) {
  double vital_share = 0;
  for (const ParetoBar& b : pareto.bars) {
    if (b.vital_few) vital_share = std::max(vital_share, b.cumulative_share);
  }
  return "Total " + render::FormatValue(pareto.total, l.decimals) +
         "  \xC2\xB7  vital few: " + std::to_string(pareto.vital_few_count) + " of " +
         std::to_string(l.n) + " bars make up " + render::FormatValue(vital_share * 100, 0) +
         "%  \xC2\xB7  cut at " + render::FormatValue(l.cut * 100, 0) + "%";
}

// What a screen reader announces: the subtitle, then every bar's value and shares.
std::string ParetoDescription(const ParetoResult& pareto, const ParetoLayout& l,
                              const std::string& subtitle) {
  std::string desc = "Pareto chart of " + std::to_string(l.n) + " bars. " + subtitle + ".";
  for (const ParetoBar& b : pareto.bars) {
    desc += " " + b.category + ": " + render::FormatValue(b.value, l.decimals) + " (" +
            render::FormatValue(b.share * 100, 1) + "%, cumulative " +
            render::FormatValue(b.cumulative_share * 100, 1) + "%).";
  }
  return desc;
}

// Diagonal hatching for the "other" bar: it merges categories, so it is not one cause.
void DefineOtherHatch(render::MarkupWriter& w) {
  w.Open("defs");
  w.Open("pattern", {{"id", "pareto-other-hatch"},
                     {"width", "6"},
                     {"height", "6"},
                     {"patternUnits", "userSpaceOnUse"},
                     {"patternTransform", "rotate(45)"}});
  w.Leaf("line", {{"x1", "0"},
                  {"y1", "0"},
                  {"x2", "0"},
                  {"y2", "6"},
                  {"stroke", "#FFFFFF"},
                  {"stroke-width", "2"}});
  w.Close();
  w.Close();
}

// What drawing the bars leaves for the layers above them.
struct BarsDrawn {
  std::vector<double> centres;
  std::vector<render::Box> value_boxes;  // the bars' value labels, which nothing may cover
  bool any_other = false, any_rest = false;
};

// One bar with its tooltip, the hatch when it is "other", and its value above it when it fits.
void DrawBar(render::MarkupWriter& w, const ParetoBar& b, double cx, const ParetoLayout& l,
             const render::PaletteColours& colours, BarsDrawn& drawn) {
  const double y = l.a.Y(b.value);
  const double x = cx - l.bar_width / 2;
  const double height = l.a.bottom - y;
  const std::string_view fill = b.vital_few ? colours.improvement : colours.common;
  w.Open("rect", {{"class", b.is_other    ? "bar other"
                            : b.vital_few ? "bar vital-few"
                                          : "bar"},
                  {"x", Num(x)},
                  {"y", Num(y)},
                  {"width", Num(l.bar_width)},
                  {"height", Num(height)},
                  {"fill", std::string(fill)},
                  {"fill-opacity", b.is_other    ? "0.45"
                                   : b.vital_few ? "1"
                                                 : "0.7"}});
  std::string tip = b.category + ": " + render::FormatValue(b.value, l.decimals) + " (" +
                    render::FormatValue(b.share * 100, 1) + "%; cumulative " +
                    render::FormatValue(b.cumulative_share * 100, 1) + "%)";
  if (b.is_other) tip += ", " + std::to_string(b.categories) + " categories merged";
  w.Leaf("title", {}, tip);
  w.Close();
  if (b.is_other) {
    w.Leaf("rect", {{"x", Num(x)},
                    {"y", Num(y)},
                    {"width", Num(l.bar_width)},
                    {"height", Num(height)},
                    {"fill", "url(#pareto-other-hatch)"}});
  }
  const std::string value = render::FormatValue(b.value, l.decimals);
  if (const double tw = render::TextWidth(value, 11); tw <= l.slot - 2) {
    drawn.value_boxes.push_back({cx - tw / 2, y - 15, cx + tw / 2, y - 2});
    w.Leaf("text",
           {{"x", Num(cx)},
            {"y", Num(y - 5)},
            {"font-size", "11"},
            {"text-anchor", "middle"},
            {"fill", std::string(render::kTextColour)}},
           value);
  }
}

BarsDrawn DrawBars(render::MarkupWriter& w, const ParetoResult& pareto, const ParetoLayout& l,
                   const render::PaletteColours& colours) {
  BarsDrawn drawn;
  w.Open("g", {{"class", "bars"}});
  for (std::size_t i = 0; i < l.n; ++i) {
    const ParetoBar& b = pareto.bars[i];
    const double cx = l.a.X(i + 0.5);
    drawn.centres.push_back(cx);
    drawn.any_other = drawn.any_other || b.is_other;
    drawn.any_rest = drawn.any_rest || (!b.vital_few && !b.is_other);
    DrawBar(w, b, cx, l, colours, drawn);
  }
  w.Close();
  return drawn;
}

// The baseline under the bars, and the cut across the plot on the percentage scale.
void DrawBaselineAndCut(render::MarkupWriter& w, const ParetoLayout& l) {
  const render::PlotArea& a = l.a;
  w.Leaf("line", {{"x1", Num(a.left)},
                  {"y1", Num(a.bottom)},
                  {"x2", Num(a.right)},
                  {"y2", Num(a.bottom)},
                  {"stroke", std::string(render::kAxisColour)}});
  w.Leaf("line", {{"class", "cut"},
                  {"x1", Num(a.left)},
                  {"y1", Num(l.YPct(l.cut))},
                  {"x2", Num(a.right)},
                  {"y2", Num(l.YPct(l.cut))},
                  {"stroke", std::string(render::kTargetColour)},
                  {"stroke-width", "1.5"},
                  {"stroke-dasharray", "6 4"}});
}

// Cumulative line through the bars' centres, starting from 0 at the left edge of the first.
void DrawCumulativeLine(render::MarkupWriter& w, const ParetoResult& pareto, const ParetoLayout& l,
                        const std::vector<double>& centres) {
  if (l.n == 0) return;
  std::string d = "M" + Num(l.a.X(0.5) - l.bar_width / 2) + " " + Num(l.YPct(0));
  for (std::size_t i = 0; i < l.n; ++i) {
    d += "L" + Num(centres[i]) + " " + Num(l.YPct(pareto.bars[i].cumulative_share));
  }
  w.Leaf("path", {{"class", "cumulative"},
                  {"d", d},
                  {"fill", "none"},
                  {"stroke", std::string(render::kCentreColour)},
                  {"stroke-width", "2"},
                  {"stroke-linejoin", "round"}});
}

// The cumulative line's points, with their percentages where they fit clear of the bars' value
// labels, the points and each other (render/svg/label_placer.h); one that finds no room is left
// out (the tooltip, the description and the table carry every value).
void DrawCumulativePoints(render::MarkupWriter& w, const ParetoResult& pareto,
                          const ParetoLayout& l, const BarsDrawn& bars) {
  // Only when the bars leave a label's width between points: with hundreds of narrow bars no
  // label could be read, and the placer's work grows with labels × obstacles.
  const bool label_points = l.slot >= render::TextWidth("100%", 11) + 6;
  std::vector<render::Box> obstacles = bars.value_boxes;
  std::vector<render::LabelRequest> requests;
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < l.n; ++i) {
    const double cy = l.YPct(pareto.bars[i].cumulative_share);
    obstacles.push_back(render::PointBox(bars.centres[i], cy, 3.5));
    texts.push_back(render::FormatValue(pareto.bars[i].cumulative_share * 100, 0) + "%");
    requests.push_back({bars.centres[i], cy, render::TextWidth(texts.back(), 11), 13});
  }
  const render::PlotArea& a = l.a;
  const std::vector<render::PlacedLabel> placed =
      label_points ? render::PlaceLabels(requests, obstacles, {a.left, a.top, a.right, a.bottom})
                   : std::vector<render::PlacedLabel>(l.n);
  w.Open("g", {{"class", "cumulative-points"}, {"font-size", "11"}});
  for (std::size_t i = 0; i < l.n; ++i) {
    w.Leaf("circle", {{"cx", Num(bars.centres[i])},
                      {"cy", Num(requests[i].y)},
                      {"r", "3.5"},
                      {"fill", std::string(render::kCentreColour)}});
  }
  for (std::size_t i = 0; i < l.n; ++i) {
    if (!placed[i].placed) continue;
    w.Leaf("text",
           {{"class", "cumulative-label"},
            {"x", Num(placed[i].box.x0)},
            {"y", Num(placed[i].box.y1 - 3)},
            {"fill", std::string(render::kTextColour)}},
           texts[i]);
  }
  w.Close();
}

// The legend: the bar kinds shown, the cumulative line and the cut.
void DrawParetoLegend(render::MarkupWriter& w, const ParetoLayout& l, const BarsDrawn& bars,
                      const render::PaletteColours& colours) {
  render::OpenLegendGroup(w);
  render::Legend legend(w, l.a.left, l.a.bottom + 62 + l.plan.extra_height, l.width - 10);
  legend.Swatch("Vital few", colours.improvement);
  if (bars.any_rest) legend.Swatch("Useful many", colours.common, 0.7);
  if (bars.any_other)
    legend.Swatch("Other categories, merged", colours.common, 0.45, "pareto-other-hatch");
  legend.Line("Cumulative %", render::kCentreColour);
  legend.Line(render::FormatValue(l.cut * 100, 0) + "% cut", render::kTargetColour, "6 4", 1.5);
  w.Close();
}

}  // namespace

// Layers back to front: axes, bars, the cut and cumulative line, then labels and the legend.
std::string RenderParetoSvg(const ParetoResult& pareto, const PlotOptions& options) {
  const ParetoLayout l = LayoutPareto(pareto, options);
  const std::string subtitle = ParetoSubtitle(pareto, l);
  render::MarkupWriter w;
  render::OpenPlot(w, l.width, l.height, options.title.empty() ? "Pareto chart" : options.title,
                   subtitle, ParetoDescription(pareto, l, subtitle));
  const render::PaletteColours colours = render::ColoursOf(options.palette);
  DefineOtherHatch(w);
  render::DrawYAxis(w, l.a, l.y_axis, options.y_label.empty() ? "Count" : options.y_label);
  const render::Axis pct_axis{
      .ticks = {0, 0.2, 0.4, 0.6, 0.8, 1.0}, .decimals = 1, .multiplier = 100, .suffix = " %"};
  render::DrawRightAxis(w, l.a, pct_axis, "Cumulative %");
  const BarsDrawn bars = DrawBars(w, pareto, l, colours);
  DrawBaselineAndCut(w, l);
  DrawCumulativeLine(w, pareto, l, bars.centres);
  DrawCumulativePoints(w, pareto, l, bars);
  render::DrawCategoryLabels(w, l.a, bars.centres, l.labels, l.plan);
  if (!options.x_label.empty()) {
    render::DrawXTitle(w, l.a, l.a.bottom + 38 + l.plan.extra_height, options.x_label);
  }
  DrawParetoLegend(w, l, bars, colours);
  render::DrawNotes(w, 14, l.base_height + l.plan.extra_height - 4, l.note_width, l.notes);
  return w.Finish();
}

}  // namespace kaizen
