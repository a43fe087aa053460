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

std::string RenderParetoSvg(const ParetoResult& pareto, const PlotOptions& options) {
  using render::Num;
  const double width = std::max(options.width, 320);
  const double base_height = std::max(options.height, 240);
  const std::size_t n = pareto.bars.size();
  double hi = 0;
  bool whole_values = true;
  for (const ParetoBar& b : pareto.bars) {
    hi = std::max(hi, b.value);
    whole_values = whole_values && b.value == std::floor(b.value);
  }
  // Headroom above the tallest bar for its value label, which would otherwise sit in the
  // subtitle when that bar reaches the top of the axis.
  const double top = hi > 0 ? hi * 1.08 : 1;
  render::Axis y_axis = render::MakeAxis(0, top);
  if (whole_values && y_axis.decimals > 0) y_axis = render::MakeAxis(0, std::max(5.0, top));
  const render::Axis pct_axis{
      .ticks = {0, 0.2, 0.4, 0.6, 0.8, 1.0}, .decimals = 1, .multiplier = 100, .suffix = " %"};
  const double cut =
      std::isfinite(options.pareto_cut) && options.pareto_cut > 0 && options.pareto_cut <= 1
          ? options.pareto_cut
          : 0.8;

  std::vector<std::string> labels;
  for (const ParetoBar& b : pareto.bars) labels.push_back(b.category);
  render::PlotArea a;
  a.left = render::LeftEdgeFor(y_axis, true);
  a.right = width - 70;  // room for the percentage axis and its title
  a.top = render::kFrameTop;
  a.left = render::LeftEdgeForCategories(a.left, a.right, labels);
  const double slot = n == 0 ? a.right - a.left : (a.right - a.left) / static_cast<double>(n);
  const render::CategoryLabelPlan plan = render::PlanCategoryLabels(labels, slot);
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
  const double note_width = width - 28;
  const double height = base_height + plan.extra_height +
                        render::NotesLines(notes, note_width) * render::kNoteLineHeight;
  a.bottom = base_height - render::kFrameBottomMargin;
  a.x_lo = 0;
  a.x_hi = static_cast<double>(std::max<std::size_t>(n, 1));
  a.y_lo = 0;
  a.y_hi = y_axis.hi();
  auto y_pct = [&](double share) { return a.bottom - share * (a.bottom - a.top); };

  const int decimals = whole_values ? 0 : 1;
  double vital_share = 0;
  for (const ParetoBar& b : pareto.bars) {
    if (b.vital_few) vital_share = std::max(vital_share, b.cumulative_share);
  }
  const std::string title = options.title.empty() ? "Pareto chart" : options.title;
  std::string subtitle = "Total " + render::FormatValue(pareto.total, decimals) +
                         "  \xC2\xB7  vital few: " + std::to_string(pareto.vital_few_count) +
                         " of " + std::to_string(n) + " bars make up " +
                         render::FormatValue(vital_share * 100, 0) + "%  \xC2\xB7  cut at " +
                         render::FormatValue(cut * 100, 0) + "%";
  std::string desc = "Pareto chart of " + std::to_string(n) + " bars. " + subtitle + ".";
  for (const ParetoBar& b : pareto.bars) {
    desc += " " + b.category + ": " + render::FormatValue(b.value, decimals) + " (" +
            render::FormatValue(b.share * 100, 1) + "%, cumulative " +
            render::FormatValue(b.cumulative_share * 100, 1) + "%).";
  }

  render::MarkupWriter w;
  render::OpenPlot(w, width, height, title, subtitle, desc);
  const render::PaletteColours colours = render::ColoursOf(options.palette);
  // Diagonal hatching for the "other" bar: it merges categories, so it is not one cause.
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
  render::DrawYAxis(w, a, y_axis, options.y_label.empty() ? "Count" : options.y_label);
  render::DrawRightAxis(w, a, pct_axis, "Cumulative %");

  const double bar_width = std::min(90.0, slot * 0.72);
  std::vector<double> centres;
  std::vector<render::Box> value_boxes;  // the bars' value labels, which nothing may cover
  bool any_other = false, any_rest = false;
  w.Open("g", {{"class", "bars"}});
  for (std::size_t i = 0; i < n; ++i) {
    const ParetoBar& b = pareto.bars[i];
    const double cx = a.X(i + 0.5);
    centres.push_back(cx);
    const double y = a.Y(b.value);
    const std::string_view fill = b.vital_few ? colours.improvement : colours.common;
    any_other = any_other || b.is_other;
    any_rest = any_rest || (!b.vital_few && !b.is_other);
    std::vector<render::Attr> attrs = {{"class", b.is_other    ? "bar other"
                                                 : b.vital_few ? "bar vital-few"
                                                               : "bar"},
                                       {"x", Num(cx - bar_width / 2)},
                                       {"y", Num(y)},
                                       {"width", Num(bar_width)},
                                       {"height", Num(a.bottom - y)},
                                       {"fill", std::string(fill)},
                                       {"fill-opacity", b.is_other    ? "0.45"
                                                        : b.vital_few ? "1"
                                                                      : "0.7"}};
    w.Open("rect", attrs);
    std::string tip = b.category + ": " + render::FormatValue(b.value, decimals) + " (" +
                      render::FormatValue(b.share * 100, 1) + "%; cumulative " +
                      render::FormatValue(b.cumulative_share * 100, 1) + "%)";
    if (b.is_other) tip += ", " + std::to_string(b.categories) + " categories merged";
    w.Leaf("title", {}, tip);
    w.Close();
    if (b.is_other) {
      w.Leaf("rect", {{"x", Num(cx - bar_width / 2)},
                      {"y", Num(y)},
                      {"width", Num(bar_width)},
                      {"height", Num(a.bottom - y)},
                      {"fill", "url(#pareto-other-hatch)"}});
    }
    const std::string value = render::FormatValue(b.value, decimals);
    if (const double tw = render::TextWidth(value, 11); tw <= slot - 2) {
      value_boxes.push_back({cx - tw / 2, y - 15, cx + tw / 2, y - 2});
      w.Leaf("text",
             {{"x", Num(cx)},
              {"y", Num(y - 5)},
              {"font-size", "11"},
              {"text-anchor", "middle"},
              {"fill", std::string(render::kTextColour)}},
             value);
    }
  }
  w.Close();
  w.Leaf("line", {{"x1", Num(a.left)},
                  {"y1", Num(a.bottom)},
                  {"x2", Num(a.right)},
                  {"y2", Num(a.bottom)},
                  {"stroke", std::string(render::kAxisColour)}});

  // The cut, across the plot on the percentage scale.
  w.Leaf("line", {{"class", "cut"},
                  {"x1", Num(a.left)},
                  {"y1", Num(y_pct(cut))},
                  {"x2", Num(a.right)},
                  {"y2", Num(y_pct(cut))},
                  {"stroke", std::string(render::kTargetColour)},
                  {"stroke-width", "1.5"},
                  {"stroke-dasharray", "6 4"}});

  // Cumulative line through the bars' centres, starting from 0 at the left edge of the first.
  std::string d;
  if (n > 0) d = "M" + Num(a.X(0.5) - bar_width / 2) + " " + Num(y_pct(0));
  for (std::size_t i = 0; i < n; ++i) {
    d += "L" + Num(centres[i]) + " " + Num(y_pct(pareto.bars[i].cumulative_share));
  }
  if (!d.empty()) {
    w.Leaf("path", {{"class", "cumulative"},
                    {"d", d},
                    {"fill", "none"},
                    {"stroke", std::string(render::kCentreColour)},
                    {"stroke-width", "2"},
                    {"stroke-linejoin", "round"}});
  }
  // Cumulative percentages where they fit clear of the bars' value labels, the points and each
  // other (render/svg/label_placer.h); one that finds no room is left out (the tooltip, the
  // description and the table carry every value).
  // Only when the bars leave a label's width between points: with hundreds of narrow bars no
  // label could be read, and the placer's work grows with labels × obstacles.
  const bool label_points = slot >= render::TextWidth("100%", 11) + 6;
  std::vector<render::Box> obstacles = value_boxes;
  std::vector<render::LabelRequest> requests;
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < n; ++i) {
    const double cy = y_pct(pareto.bars[i].cumulative_share);
    obstacles.push_back(render::PointBox(centres[i], cy, 3.5));
    texts.push_back(render::FormatValue(pareto.bars[i].cumulative_share * 100, 0) + "%");
    requests.push_back({centres[i], cy, render::TextWidth(texts.back(), 11), 13});
  }
  const std::vector<render::PlacedLabel> placed =
      label_points ? render::PlaceLabels(requests, obstacles, {a.left, a.top, a.right, a.bottom})
                   : std::vector<render::PlacedLabel>(n);
  w.Open("g", {{"class", "cumulative-points"}, {"font-size", "11"}});
  for (std::size_t i = 0; i < n; ++i) {
    w.Leaf("circle", {{"cx", Num(centres[i])},
                      {"cy", Num(requests[i].y)},
                      {"r", "3.5"},
                      {"fill", std::string(render::kCentreColour)}});
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!placed[i].placed) continue;
    w.Leaf("text",
           {{"class", "cumulative-label"},
            {"x", Num(placed[i].box.x0)},
            {"y", Num(placed[i].box.y1 - 3)},
            {"fill", std::string(render::kTextColour)}},
           texts[i]);
  }
  w.Close();

  render::DrawCategoryLabels(w, a, centres, labels, plan);
  if (!options.x_label.empty()) {
    render::DrawXTitle(w, a, a.bottom + 38 + plan.extra_height, options.x_label);
  }
  w.Open("g",
         {{"class", "legend"}, {"font-size", "11"}, {"fill", std::string(render::kTextColour)}});
  render::Legend legend(w, a.left, a.bottom + 62 + plan.extra_height, width - 10);
  legend.Swatch("Vital few", colours.improvement);
  if (any_rest) legend.Swatch("Useful many", colours.common, 0.7);
  if (any_other)
    legend.Swatch("Other categories, merged", colours.common, 0.45, "pareto-other-hatch");
  legend.Line("Cumulative %", render::kCentreColour);
  legend.Line(render::FormatValue(cut * 100, 0) + "% cut", render::kTargetColour, "6 4", 1.5);
  w.Close();
  render::DrawNotes(w, 14, base_height + plan.extra_height - 4, note_width, notes);
  return w.Finish();
}

}  // namespace kaizen
