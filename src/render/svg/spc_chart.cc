// The SPC chart as SVG, in the Making Data Count style: the data line with its points, the
// centre line (solid) and process limits (dashed) of each segment, the target as a step line,
// special-cause points in their class colour, ghosted points hollow, annotations numbered.
#include "render/svg/spc_chart.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kaizen/chart_traits.h"
#include "kaizen/render.h"
#include "render/svg/palette.h"
#include "render/svg/plot_frame.h"
#include "render/svg/spc_chart_layout.h"
#include "render/svg/spc_chart_text.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {

namespace {

using render::MarkupWriter;
using render::Num;

using render::kCentreColour;
using render::kLimitColour;
using render::kLimitDash;
using render::kLineColour;
using render::kMutedText;
using render::kTargetColour;
using render::kTextColour;

constexpr std::string_view kAnnotationColour = "#005EB8";  // NHS blue
constexpr std::string_view kTargetDash = "10 3 2 3";

using render::SpcColumns;
using render::SpcLayout;
using render::SpcScale;
using render::StepPath;
using render::TextWidth;

// Labels for the lines at the right-hand edge, nudged apart so they never overlap.
struct EdgeLabel {
  double y;
  std::string text;
  std::string_view colour;
};

void PlaceEdgeLabels(std::vector<EdgeLabel>& labels, double top, double bottom) {
  constexpr double kGap = 13;
  std::sort(labels.begin(), labels.end(),
            [](const EdgeLabel& a, const EdgeLabel& b) { return a.y < b.y; });
  for (std::size_t i = 1; i < labels.size(); ++i) {
    labels[i].y = std::max(labels[i].y, labels[i - 1].y + kGap);
  }
  // Pushed past the bottom: shift the whole stack back up.
  if (!labels.empty() && labels.back().y > bottom) {
    labels.back().y = bottom;
    for (std::size_t i = labels.size() - 1; i-- > 0;) {
      labels[i].y = std::min(labels[i].y, labels[i + 1].y - kGap);
    }
  }
  for (EdgeLabel& l : labels) l.y = std::max(l.y, top - 6);
}

void SegmentNotes(MarkupWriter& w, const SpcScale& s, const SeriesResult& r) {
  const int n = static_cast<int>(r.points.size());
  for (const SegmentResult& seg : r.segments) {
    const std::string note = render::SegmentNote(seg);
    if (note.empty() || seg.first < 0 || seg.first >= n) continue;
    // Kept inside the plot: a segment near the right edge ends its note there.
    const double x = std::max(s.left + 4, s.X(seg.first) - s.HalfStep() + 4);
    const bool fits = x + TextWidth(note, 11) <= s.right - 4;
    w.Leaf("text",
           {{"class", "segment-note"},
            {"x", Num(fits ? x : s.right - 4)},
            {"y", Num(s.top + 14)},
            {"font-size", "11"},
            {"text-anchor", fits ? "start" : "end"},
            {"fill", std::string(kMutedText)}},
           note);
  }
}

// A subtitle that took more than one line is drawn here; OpenPlot draws a one-line subtitle.
void DrawSubtitleLines(MarkupWriter& w, const SpcLayout& l) {
  for (std::size_t k = 0; l.subtitle_lines.size() > 1 && k < l.subtitle_lines.size(); ++k) {
    w.Leaf("text",
           {{"x", "14"},
            {"y", Num(43 + render::kSubtitleLine * static_cast<double>(k))},
            {"font-size", "12"},
            {"fill", std::string(kMutedText)}},
           l.subtitle_lines[k]);
  }
}

// Value axis: gridlines, tick labels and the unit as the rotated axis title.
void DrawValueAxis(MarkupWriter& w, const SpcLayout& l, std::string_view unit) {
  const SpcScale& s = l.s;
  w.Open("g", {{"class", "y-axis"}, {"font-size", "11"}, {"fill", std::string(kMutedText)}});
  for (const double t : l.ticks) {
    render::DrawGridline(w, s.left, s.right, s.Y(t), render::FormatValue(t, l.tick_decimals));
  }
  if (!unit.empty()) {
    const double cy = (s.top + s.bottom) / 2;
    w.Leaf("text",
           {{"x", "0"},
            {"y", "0"},
            {"text-anchor", "middle"},
            {"transform", "translate(" + Num(18) + " " + Num(cy) + ") rotate(-90)"}},
           unit);
  }
  w.Close();
}

// Period axis: a tick per point, labels thinned so they never overlap.
void DrawPeriodAxis(MarkupWriter& w, const SpcScale& s, const SeriesResult& r) {
  w.Open("g", {{"class", "x-axis"}, {"font-size", "11"}, {"fill", std::string(kMutedText)}});
  w.Leaf("line", {{"x1", Num(s.left)},
                  {"y1", Num(s.bottom)},
                  {"x2", Num(s.right)},
                  {"y2", Num(s.bottom)},
                  {"stroke", std::string(render::kAxisColour)},
                  {"stroke-width", "1"}});
  std::vector<double> xs;
  std::vector<std::string> labels;
  for (int i = 0; i < s.n; ++i) {
    xs.push_back(s.X(i));
    labels.push_back(render::ShortPeriodText(r.points[i].period, r.period_kind));
  }
  render::DrawPeriodTicks(w, s.bottom, xs, labels);
  w.Close();
}

// Segment breaks: where the limits were recalculated.
void DrawSegmentBreaks(MarkupWriter& w, const SpcScale& s, const SeriesResult& r) {
  for (std::size_t g = 1; g < r.segments.size(); ++g) {
    const int first = r.segments[g].first;
    if (first <= 0 || first >= s.n) continue;
    const double x = (s.X(first - 1) + s.X(first)) / 2;
    w.Leaf("line", {{"class", "segment-break"},
                    {"x1", Num(x)},
                    {"y1", Num(s.top)},
                    {"x2", Num(x)},
                    {"y2", Num(s.bottom)},
                    {"stroke", std::string(render::kAxisColour)},
                    {"stroke-dasharray", "2 3"}});
    w.Leaf("text",
           {{"x", Num(x + 3)},
            {"y", Num(s.bottom - 5)},
            {"font-size", "11"},
            {"fill", std::string(kMutedText)}},
           "limits recalculated");
  }
}

// The points one segment's lines run over. A segment without variation gets no limit lines:
// limits on the mean would look like a process held within them, when nothing varies at all
// (issue 7).
struct Span {
  int first, last;
  bool draw_limits;
};

std::vector<Span> SpansOf(const SeriesResult& r) {
  const int n = static_cast<int>(r.points.size());
  std::vector<Span> spans;
  for (const SegmentResult& seg : r.segments) {
    if (seg.first >= 0 && seg.last < n && seg.first <= seg.last) {
      spans.push_back({seg.first, seg.last, seg.judgement != Judgement::kZeroVariation});
    }
  }
  if (spans.empty() && n > 0) spans.push_back({0, n - 1, true});
  return spans;
}

// Centre line and process limits, one run per segment so each segment's lines stand apart.
// Returns whether any limit line was drawn, for the legend.
bool DrawCentreAndLimits(MarkupWriter& w, const SpcLayout& l, const SpcColumns& c,
                         const std::vector<Span>& spans) {
  bool any_limits = false;
  for (const auto& [first, last, draw_limits] : spans) {
    if (l.has_limits && draw_limits) {
      for (const std::vector<double>* limit : {&c.upper, &c.lower}) {
        const std::string d = StepPath(l.s, *limit, first, last);
        if (d.empty()) continue;
        any_limits = true;
        w.Leaf("path", {{"class", limit == &c.upper ? "upper-limit" : "lower-limit"},
                        {"d", d},
                        {"fill", "none"},
                        {"stroke", std::string(kLimitColour)},
                        {"stroke-width", "1.5"},
                        {"stroke-dasharray", std::string(kLimitDash)}});
      }
    }
    const std::string d = StepPath(l.s, c.centre, first, last);
    if (!d.empty()) {
      w.Leaf("path", {{"class", "centre"},
                      {"d", d},
                      {"fill", "none"},
                      {"stroke", std::string(kCentreColour)},
                      {"stroke-width", "1.5"}});
    }
  }
  return any_limits;
}

// The target as one step line over the whole chart: targets do not restart with segments.
void DrawTarget(MarkupWriter& w, const SpcScale& s, const SpcColumns& c) {
  if (!c.any_target || s.n == 0) return;
  w.Leaf("path", {{"class", "target"},
                  {"d", StepPath(s, c.target, 0, s.n - 1)},
                  {"fill", "none"},
                  {"stroke", std::string(kTargetColour)},
                  {"stroke-width", "2"},
                  {"stroke-dasharray", std::string(kTargetDash)}});
}

// The data line; a missing value leaves a gap.
void DrawDataLine(MarkupWriter& w, const SpcScale& s, const std::vector<double>& values) {
  std::string line;
  bool open = false;
  for (int i = 0; i < s.n; ++i) {
    if (!std::isfinite(values[i])) {
      open = false;
      continue;
    }
    line += (open ? "L" : "M") + Num(s.X(i)) + " " + Num(s.Y(values[i]));
    open = true;
  }
  if (line.empty()) return;
  w.Leaf("path", {{"class", "data"},
                  {"d", line},
                  {"fill", "none"},
                  {"stroke", std::string(kLineColour)},
                  {"stroke-width", "1.75"},
                  {"stroke-linejoin", "round"}});
}

// Which kinds of point the chart showed, so the legend lists only those.
struct PointsShown {
  bool seen[5] = {false, false, false, false, false};  // by PointClass
  bool any_ghost = false;
};

// A ghosted point: hollow, with the reason it was excluded in its tooltip.
void DrawGhost(MarkupWriter& w, const SpcScale& s, int i, const PointResult& p,
               const Indicator& indicator, std::string tip) {
  std::string reason;
  for (const Ghost& g : indicator.ghosts) {
    if (g.date == p.period) reason = g.decision.reason;
  }
  tip += " \xE2\x80\x94 ghosted (excluded from the limits and the rules): " +
         (reason.empty() ? std::string("no reason recorded") : reason);
  w.Open("circle", {{"class", "ghost"},
                    {"cx", Num(s.X(i))},
                    {"cy", Num(s.Y(p.value))},
                    {"r", "4.5"},
                    {"fill", "#FFFFFF"},
                    {"stroke", std::string(kLimitColour)},
                    {"stroke-width", "1.75"}});
  w.Leaf("title", {}, tip);
  w.Close();
}

// A judged (or not yet judged) point: common cause small and grey, special causes larger in
// their class colour, with the rule that fired in the tooltip.
void DrawClassedPoint(MarkupWriter& w, const SpcScale& s, int i, const PointResult& p,
                      Palette palette, std::string tip) {
  const bool special = IsSpecialCause(p.point_class);
  const bool not_judged = p.point_class == PointClass::kNotJudged;
  tip += " \xE2\x80\x94 " + std::string(render::PointClassLabel(p.point_class));
  if (special && p.label != RuleId::kNone) {
    tip += " (" + std::string(render::RuleLabel(p.label)) + ")";
  }
  w.Open("circle", {{"class", std::string(PointClassName(p.point_class))},
                    {"cx", Num(s.X(i))},
                    {"cy", Num(s.Y(p.value))},
                    {"r", special ? "5" : "3.5"},
                    {"fill", std::string(render::ClassColour(palette, p.point_class))},
                    {"stroke", not_judged ? std::string(render::kNotJudgedRing) : "#FFFFFF"},
                    {"stroke-width", special || not_judged ? "1" : "0.5"}});
  w.Leaf("title", {}, tip);
  w.Close();
}

// Points, each with a tooltip giving its period and value.
PointsShown DrawPoints(MarkupWriter& w, const SpcLayout& l, const SpcColumns& c,
                       const Indicator& indicator, const SeriesResult& r, Palette palette) {
  PointsShown shown;
  w.Open("g", {{"class", "points"}});
  for (int i = 0; i < l.s.n; ++i) {
    const PointResult& p = r.points[i];
    if (!std::isfinite(c.values[i])) continue;
    std::string tip = render::PeriodText(p.period, r.period_kind) + ": " +
                      render::FormatValue(p.value, l.decimals, indicator.unit);
    if (p.ghosted) {
      shown.any_ghost = true;
      DrawGhost(w, l.s, i, p, indicator, std::move(tip));
    } else {
      shown.seen[static_cast<int>(p.point_class)] = true;
      DrawClassedPoint(w, l.s, i, p, palette, std::move(tip));
    }
  }
  w.Close();
  return shown;
}

// Labels at the right-hand edge, for the lines in force at the last point.
void DrawEdgeLabels(MarkupWriter& w, const SpcLayout& l, const SpcColumns& c,
                    const std::vector<Span>& spans) {
  const SpcScale& s = l.s;
  std::vector<EdgeLabel> labels;
  if (s.n > 0) {
    const int last = s.n - 1;
    auto add = [&](double v, std::string name, std::string_view colour) {
      if (std::isfinite(v)) {
        labels.push_back({s.Y(v) + 4, name + " " + render::FormatValue(v, l.decimals), colour});
      }
    };
    add(c.centre[last], l.median_centre ? "Median" : "Mean", kCentreColour);
    if (l.has_limits && !spans.empty() && spans.back().draw_limits) {
      add(c.upper[last], "Upper limit", kLimitColour);
      add(c.lower[last], "Lower limit", kLimitColour);
    }
    add(c.target[last], "Target", kTargetColour);
  }
  PlaceEdgeLabels(labels, s.top, s.bottom + 4);
  w.Open("g", {{"class", "line-labels"}, {"font-size", "11"}});
  for (const EdgeLabel& label : labels) {
    w.Leaf("text",
           {{"x", Num(s.right + 6)}, {"y", Num(label.y)}, {"fill", std::string(label.colour)}},
           label.text);
  }
  w.Close();
}

// Annotation markers: a numbered disc above the point, a faint rule down to it.
void DrawMarkers(MarkupWriter& w, const SpcLayout& l, const SeriesResult& r) {
  const SpcScale& s = l.s;
  std::vector<int> stacked(s.n, 0);
  w.Open("g", {{"class", "annotations"}, {"font-size", "11"}});
  for (std::size_t k = 0; k < l.markers.size(); ++k) {
    const int i = l.markers[k].point;
    const double x = s.X(i);
    const double cy = s.top + 10;
    const double dx = 18.0 * stacked[i]++;  // several notes on one period sit side by side
    w.Leaf("line", {{"x1", Num(x)},
                    {"y1", Num(cy)},
                    {"x2", Num(x)},
                    {"y2", Num(s.bottom)},
                    {"stroke", std::string(kAnnotationColour)},
                    {"stroke-opacity", "0.45"},
                    {"stroke-dasharray", "2 3"}});
    w.Open("g", {{"class", "annotation"}});
    w.Leaf("title", {},
           render::PeriodText(l.markers[k].date, r.period_kind) + ": " + l.markers[k].text);
    w.Leaf("circle", {{"cx", Num(x + dx)},
                      {"cy", Num(cy)},
                      {"r", "8"},
                      {"fill", std::string(kAnnotationColour)}});
    w.Leaf("text",
           {{"x", Num(x + dx)},
            {"y", Num(cy + 4)},
            {"text-anchor", "middle"},
            {"font-weight", "bold"},
            {"fill", "#FFFFFF"}},
           std::to_string(k + 1));
    w.Close();
  }
  w.Close();
}

// Legend: the lines always, point kinds only when the chart shows them.
void DrawChartLegend(MarkupWriter& w, const SpcLayout& l, const SeriesResult& r, bool any_target,
                     bool any_limits, const PointsShown& shown, Palette palette) {
  render::OpenLegendGroup(w);
  render::Legend legend(w, l.s.left, l.s.bottom + 44, l.width - 10);
  legend.Line(l.median_centre ? "Median" : "Mean", kCentreColour);
  if (l.has_limits && any_limits) legend.Line("Process limits", kLimitColour, kLimitDash);
  if (any_target) legend.Line("Target", kTargetColour, kTargetDash);
  constexpr std::string_view kLegendNames[] = {"Common cause", "Improvement", "Concern",
                                               "Neither improvement nor concern"};
  constexpr PointClass kClasses[] = {PointClass::kCommonCause, PointClass::kImprovement,
                                     PointClass::kConcern, PointClass::kNeutral};
  for (const PointClass c : kClasses) {
    if (shown.seen[static_cast<int>(c)]) {
      const std::string_view colour = render::ClassColour(palette, c);
      legend.RingedPoint(kLegendNames[static_cast<int>(c)], colour, colour);
    }
  }
  if (shown.seen[static_cast<int>(PointClass::kNotJudged)]) {
    legend.RingedPoint(render::NotJudgedLegend(r), render::kNotJudgedColour,
                       render::kNotJudgedRing);
  }
  if (shown.any_ghost) {
    legend.RingedPoint("Ghosted (excluded from the limits)", "#FFFFFF", kLimitColour);
  }
  w.Close();
}

// Annotation texts below the chart, numbered as their markers.
void DrawMarkerNotes(MarkupWriter& w, const SpcLayout& l) {
  if (l.markers.empty()) return;
  w.Open("g",
         {{"class", "annotation-notes"}, {"font-size", "12"}, {"fill", std::string(kTextColour)}});
  double y = l.base_height + 4;
  for (std::size_t k = 0; k < l.markers.size(); ++k) {
    w.Leaf("circle", {{"cx", Num(22)},
                      {"cy", Num(y - 4)},
                      {"r", "7"},
                      {"fill", std::string(kAnnotationColour)}});
    w.Leaf("text",
           {{"x", "22"},
            {"y", Num(y)},
            {"text-anchor", "middle"},
            {"font-size", "11"},
            {"font-weight", "bold"},
            {"fill", "#FFFFFF"}},
           std::to_string(k + 1));
    for (const std::string& text_line : l.marker_lines[k]) {
      w.Leaf("text", {{"x", "36"}, {"y", Num(y)}}, text_line);
      y += render::kAnnotationLineHeight;
    }
  }
  w.Close();
}

}  // namespace

// Layers are drawn back to front: axes, lines, the data, then labels and the legend on top.
std::string RenderChartSvg(const Indicator& indicator, const SeriesResult& r,
                           const ChartOptions& options) {
  const SpcColumns c = render::ColumnsOf(indicator, r, TraitsOf(r.chart).has_limits);
  const SpcLayout l = render::LayoutChart(indicator, r, options, c);
  MarkupWriter w;
  render::OpenPlot(w, l.width, l.height, render::ChartTitle(indicator, r, options),
                   l.subtitle_lines.size() == 1 ? l.subtitle : "",
                   render::ChartDescription(indicator, r));
  DrawSubtitleLines(w, l);
  DrawValueAxis(w, l, indicator.unit);
  DrawPeriodAxis(w, l.s, r);
  DrawSegmentBreaks(w, l.s, r);
  const std::vector<Span> spans = SpansOf(r);
  const bool any_limits = DrawCentreAndLimits(w, l, c, spans);
  DrawTarget(w, l.s, c);
  SegmentNotes(w, l.s, r);
  DrawDataLine(w, l.s, c.values);
  const PointsShown shown = DrawPoints(w, l, c, indicator, r, options.palette);
  DrawEdgeLabels(w, l, c, spans);
  DrawMarkers(w, l, r);
  DrawChartLegend(w, l, r, c.any_target, any_limits, shown, options.palette);
  DrawMarkerNotes(w, l);
  return w.Finish();
}

}  // namespace kaizen
