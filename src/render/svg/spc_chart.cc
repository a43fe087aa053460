// The SPC chart as SVG, in the Making Data Count style: the data line with its points, the
// centre line (solid) and process limits (dashed) of each segment, the target as a step line,
// special-cause points in their class colour, ghosted points hollow, annotations numbered.
#include "render/svg/spc_chart.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "kaizen/render.h"
#include "render/svg/palette.h"
#include "render/svg/plot_frame.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {

namespace {

using render::Attr;
using render::MarkupWriter;
using render::Num;

constexpr std::string_view kCentreColour = "#231F20";
constexpr std::string_view kLimitColour = "#5F6A72";
constexpr std::string_view kTargetColour = "#D5281B";  // NHS emergency red
constexpr std::string_view kLineColour = "#9AA0A6";
constexpr std::string_view kGridColour = "#E8EDEE";
constexpr std::string_view kTextColour = "#231F20";
constexpr std::string_view kMutedText = "#4C6272";
constexpr std::string_view kAnnotationColour = "#005EB8";  // NHS blue
constexpr std::string_view kLimitDash = "7 4";
constexpr std::string_view kTargetDash = "10 3 2 3";

using render::TextWidth;

// Maps data values and point indices to SVG coordinates.
struct Scale {
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
std::string StepPath(const Scale& s, const std::vector<double>& values, int first, int last) {
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

// Which point an annotation dated `d` belongs to: the last period starting on or before it.
int PointOfDate(const SeriesResult& r, Date d) {
  int found = -1;
  for (int i = 0; i < static_cast<int>(r.points.size()); ++i) {
    if (r.points[i].period <= d) found = i;
  }
  if (found == static_cast<int>(r.points.size()) - 1 && r.points.size() >= 2) {
    // Past the last period by more than one period's length: outside the chart.
    const int32_t spacing = r.points.back().period.days_since_epoch() -
                            r.points[r.points.size() - 2].period.days_since_epoch();
    if (d.days_since_epoch() - r.points.back().period.days_since_epoch() >= spacing) return -1;
  }
  return found;
}

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

// Every `k` points gets a period label, k chosen so the labels do not overlap; for monthly data
// k is a divisor or multiple of 12 so labels fall on the same months each year.
int LabelStep(const Scale& s, double label_width) {
  const double spacing = s.n <= 1 ? 1e9 : s.X(1) - s.X(0);
  const int needed = static_cast<int>(std::ceil((label_width + 12) / spacing));
  for (const int k : {1, 2, 3, 4, 6, 12}) {
    if (k >= needed) return k;
  }
  return (needed + 11) / 12 * 12;
}

// The subtitle's facts ("u chart", "↓ lower is better", "target ...") on as few lines as the
// chart's width allows, breaking only between facts, so a narrow (phone) chart never clips them.
std::vector<std::string> SubtitleLines(std::string_view subtitle, double width) {
  constexpr std::string_view kSeparator = "  \xC2\xB7  ";
  std::vector<std::string> lines(1);
  std::size_t pos = 0;
  while (pos <= subtitle.size()) {
    std::size_t end = subtitle.find(kSeparator, pos);
    if (end == std::string_view::npos) end = subtitle.size();
    const std::string_view fact = subtitle.substr(pos, end - pos);
    std::string joined = lines.back().empty()
                             ? std::string(fact)
                             : lines.back() + std::string(kSeparator) + std::string(fact);
    if (!lines.back().empty() && TextWidth(joined, 12) > width) {
      lines.emplace_back(fact);
    } else {
      lines.back() = std::move(joined);
    }
    pos = end + kSeparator.size();
  }
  return lines;
}

std::string ChartTitle(const Indicator& indicator, const SeriesResult& r,
                       const ChartOptions& options) {
  if (!options.title.empty()) return options.title;
  std::string name = indicator.name.empty() ? indicator.id : indicator.name;
  if (!r.organisation.empty()) name += " \xE2\x80\x94 " + r.organisation;  // em dash
  return name;
}

// The legend entry for points no rule judged, with the reason when every such segment shares
// one: "Not judged yet: too few points for limits".
std::string NotJudgedLegend(const SeriesResult& r) {
  std::optional<Judgement> reason;
  for (const SegmentResult& seg : r.segments) {
    if (seg.judgement == Judgement::kJudged) continue;
    if (reason && *reason != seg.judgement) return "Not judged";
    reason = seg.judgement;
  }
  return reason ? std::string(render::JudgementLabel(*reason)) : "Not judged";
}

// What a segment that is not judged says inside the plot, at its top left: why its points are
// neither coloured nor held against limits.
std::string SegmentNote(const SegmentResult& seg) {
  switch (seg.judgement) {
    case Judgement::kTooFewPoints:
      return "Not judged yet: " + std::to_string(seg.n_baseline) + " of " +
             std::to_string(seg.points_needed) + " points for limits";
    case Judgement::kZeroVariation:
      return "No variation: no limits to judge by";
    case Judgement::kNoLimits:
      return "Not judged: no process limits";
    case Judgement::kJudged:
      break;
  }
  return "";
}

void SegmentNotes(MarkupWriter& w, const Scale& s, const SeriesResult& r) {
  const int n = static_cast<int>(r.points.size());
  for (const SegmentResult& seg : r.segments) {
    const std::string note = SegmentNote(seg);
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

}  // namespace

std::string RenderChartSvg(const Indicator& indicator, const SeriesResult& r,
                           const ChartOptions& options) {
  const int n = static_cast<int>(r.points.size());
  const double width = std::max(options.width, 320);
  const double base_height = std::max(options.height, 220);
  const bool run_chart = r.chart == ChartType::kRun;
  const int decimals = render::DisplayDecimals(r);
  const std::string unit = indicator.unit;

  // Columns for the lines, so the step-path helper can read them.
  std::vector<double> values(n), centre(n), lower(n), upper(n), target(n, kMissing);
  bool any_target = false;
  for (int i = 0; i < n; ++i) {
    const PointResult& p = r.points[i];
    values[i] = p.missing ? kMissing : p.value;
    centre[i] = p.centre;
    lower[i] = run_chart ? kMissing : p.lower3;
    upper[i] = run_chart ? kMissing : p.upper3;
    if (std::optional<TargetStep> t = indicator.TargetAt(p.period)) {
      target[i] = t->value;
      any_target = any_target || std::isfinite(t->value);
    }
  }

  // The value axis covers the data, the lines and the target.
  double lo = INFINITY, hi = -INFINITY;
  for (const std::vector<double>* column : {&values, &centre, &lower, &upper, &target}) {
    for (const double v : *column) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (!std::isfinite(lo)) lo = hi = 0;
  const std::vector<double> ticks = render::NiceTicks(lo, hi);
  const int tick_decimals = render::TickDecimals(ticks);
  double tick_label_width = 0;
  for (const double t : ticks) {
    tick_label_width =
        std::max(tick_label_width, TextWidth(render::FormatValue(t, tick_decimals), 11));
  }

  // Annotations that fall on the chart, numbered in date order.
  struct Marker {
    int point;
    std::string text;
    Date date;
  };
  std::vector<Marker> markers;
  for (const Annotation& a : indicator.annotations) {
    const int i = PointOfDate(r, a.date);
    if (i >= 0) markers.push_back({i, a.text, a.date});
  }
  // Rebases and target changes carry their reasons onto the chart too: a board member must
  // be able to see why the limits or the target moved (docs/catalogue.md).
  for (const render::DecisionEvent& e : render::DecisionEvents(indicator, decimals)) {
    const int i = PointOfDate(r, e.date);
    if (i >= 0) markers.push_back({i, e.text, e.date});
  }
  std::stable_sort(markers.begin(), markers.end(),
                   [](const Marker& a, const Marker& b) { return a.date < b.date; });
  const int max_chars = static_cast<int>((width - 60) / (12 * 0.6));
  std::vector<std::vector<std::string>> marker_lines;
  int annotation_lines = 0;
  for (std::size_t k = 0; k < markers.size(); ++k) {
    marker_lines.push_back(render::WrapWords(
        render::PeriodText(markers[k].date, r.period_kind) + ": " + markers[k].text, max_chars));
    annotation_lines += static_cast<int>(marker_lines.back().size());
  }
  const double height = base_height + (annotation_lines > 0 ? 8 : 0) +
                        annotation_lines * render::kAnnotationLineHeight;

  const double y_title_width = unit.empty() ? 0 : 18;
  Scale s{.left = 14 + y_title_width + tick_label_width + 8,
          .right = width - 118,
          .top = render::kPlotTop,
          .bottom = base_height - render::kPlotBottomMargin,
          .lo = ticks.front(),
          .hi = ticks.back(),
          .n = n};

  const std::string title = ChartTitle(indicator, r, options);
  std::string desc = std::string(render::ChartTypeLabel(r.chart)) + " of " +
                     (indicator.name.empty() ? indicator.id : indicator.name) + ", " +
                     std::to_string(n) + " periods. " + r.summary;
  for (const Signal& sig : r.signals) desc += " " + sig.sentence;

  // The facts a reader needs to interpret the chart, under its title.
  std::string subtitle = std::string(render::ChartTypeLabel(r.chart)) + "  \xC2\xB7  " +
                         std::string(render::DirectionArrow(indicator.direction)) + " " +
                         std::string(render::DirectionText(indicator.direction));
  if (r.target) {
    subtitle += "  \xC2\xB7  target " + render::FormatValue(*r.target, decimals, unit);
    if (r.latest >= 0) {
      if (auto step_now = indicator.TargetAt(r.points[r.latest].period);
          step_now && !step_now->set_by.empty()) {
        subtitle += " (" + step_now->set_by + ")";
      }
    }
  }
  if (!r.profile.empty()) subtitle += "  \xC2\xB7  rules: " + r.profile;

  // A subtitle too wide for the chart takes a second line, and the plot starts that much lower.
  const std::vector<std::string> subtitle_lines = SubtitleLines(subtitle, width - 28);
  constexpr double kSubtitleLine = 15;
  s.top += kSubtitleLine * static_cast<double>(subtitle_lines.size() - 1);
  MarkupWriter w;
  render::OpenPlot(w, width, height, title, subtitle_lines.size() == 1 ? subtitle : "", desc);
  for (std::size_t k = 0; subtitle_lines.size() > 1 && k < subtitle_lines.size(); ++k) {
    w.Leaf("text",
           {{"x", "14"},
            {"y", Num(43 + kSubtitleLine * static_cast<double>(k))},
            {"font-size", "12"},
            {"fill", std::string(kMutedText)}},
           subtitle_lines[k]);
  }

  // Value axis: gridlines and tick labels.
  w.Open("g", {{"class", "y-axis"}, {"font-size", "11"}, {"fill", std::string(kMutedText)}});
  for (const double t : ticks) {
    const std::string y = Num(s.Y(t));
    w.Leaf("line", {{"x1", Num(s.left)},
                    {"y1", y},
                    {"x2", Num(s.right)},
                    {"y2", y},
                    {"stroke", std::string(kGridColour)},
                    {"stroke-width", "1"}});
    w.Leaf("text", {{"x", Num(s.left - 6)}, {"y", Num(s.Y(t) + 4)}, {"text-anchor", "end"}},
           render::FormatValue(t, tick_decimals));
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

  // Period axis: a tick per point, labels thinned so they never overlap.
  w.Open("g", {{"class", "x-axis"}, {"font-size", "11"}, {"fill", std::string(kMutedText)}});
  w.Leaf("line", {{"x1", Num(s.left)},
                  {"y1", Num(s.bottom)},
                  {"x2", Num(s.right)},
                  {"y2", Num(s.bottom)},
                  {"stroke", "#AEB7BD"},
                  {"stroke-width", "1"}});
  if (n > 0) {
    double label_width = 0;
    for (const PointResult& p : r.points) {
      label_width =
          std::max(label_width, TextWidth(render::ShortPeriodText(p.period, r.period_kind), 11));
    }
    const int k = LabelStep(s, label_width);
    for (int i = 0; i < n; ++i) {
      const bool labelled = i % k == 0;
      w.Leaf("line", {{"x1", Num(s.X(i))},
                      {"y1", Num(s.bottom)},
                      {"x2", Num(s.X(i))},
                      {"y2", Num(s.bottom + (labelled ? 6 : 3))},
                      {"stroke", "#AEB7BD"}});
      if (labelled) {
        w.Leaf("text", {{"x", Num(s.X(i))}, {"y", Num(s.bottom + 19)}, {"text-anchor", "middle"}},
               render::ShortPeriodText(r.points[i].period, r.period_kind));
      }
    }
  }
  w.Close();

  // Segment breaks: where the limits were recalculated.
  for (std::size_t g = 1; g < r.segments.size(); ++g) {
    const int first = r.segments[g].first;
    if (first <= 0 || first >= n) continue;
    const double x = (s.X(first - 1) + s.X(first)) / 2;
    w.Leaf("line", {{"class", "segment-break"},
                    {"x1", Num(x)},
                    {"y1", Num(s.top)},
                    {"x2", Num(x)},
                    {"y2", Num(s.bottom)},
                    {"stroke", "#AEB7BD"},
                    {"stroke-dasharray", "2 3"}});
    w.Leaf("text",
           {{"x", Num(x + 3)},
            {"y", Num(s.bottom - 5)},
            {"font-size", "11"},
            {"fill", std::string(kMutedText)}},
           "limits recalculated");
  }

  // Centre line and process limits, one run per segment so each segment's lines stand apart.
  // A segment without variation gets no limit lines: limits on the mean would look like a
  // process held within them, when nothing varies at all (issue 7).
  struct Span {
    int first, last;
    bool draw_limits;
  };
  std::vector<Span> spans;
  for (const SegmentResult& seg : r.segments) {
    if (seg.first >= 0 && seg.last < n && seg.first <= seg.last) {
      spans.push_back({seg.first, seg.last, seg.judgement != Judgement::kZeroVariation});
    }
  }
  if (spans.empty() && n > 0) spans.push_back({0, n - 1, true});
  bool any_limits = false;
  for (const auto& [first, last, draw_limits] : spans) {
    if (!run_chart && draw_limits) {
      for (const std::vector<double>* limit : {&upper, &lower}) {
        const std::string d = StepPath(s, *limit, first, last);
        if (d.empty()) continue;
        any_limits = true;
        w.Leaf("path", {{"class", limit == &upper ? "upper-limit" : "lower-limit"},
                        {"d", d},
                        {"fill", "none"},
                        {"stroke", std::string(kLimitColour)},
                        {"stroke-width", "1.5"},
                        {"stroke-dasharray", std::string(kLimitDash)}});
      }
    }
    const std::string d = StepPath(s, centre, first, last);
    if (!d.empty()) {
      w.Leaf("path", {{"class", "centre"},
                      {"d", d},
                      {"fill", "none"},
                      {"stroke", std::string(kCentreColour)},
                      {"stroke-width", "1.5"}});
    }
  }
  if (any_target && n > 0) {
    w.Leaf("path", {{"class", "target"},
                    {"d", StepPath(s, target, 0, n - 1)},
                    {"fill", "none"},
                    {"stroke", std::string(kTargetColour)},
                    {"stroke-width", "2"},
                    {"stroke-dasharray", std::string(kTargetDash)}});
  }

  SegmentNotes(w, s, r);

  // The data line; a missing value leaves a gap.
  std::string line;
  bool open = false;
  for (int i = 0; i < n; ++i) {
    if (!std::isfinite(values[i])) {
      open = false;
      continue;
    }
    line += (open ? "L" : "M") + Num(s.X(i)) + " " + Num(s.Y(values[i]));
    open = true;
  }
  if (!line.empty()) {
    w.Leaf("path", {{"class", "data"},
                    {"d", line},
                    {"fill", "none"},
                    {"stroke", std::string(kLineColour)},
                    {"stroke-width", "1.75"},
                    {"stroke-linejoin", "round"}});
  }

  // Points, each with a tooltip: common cause small and grey, special causes larger in their
  // class colour, ghosted points hollow with the reason they were excluded.
  bool seen[5] = {false, false, false, false, false};
  bool any_ghost = false;
  w.Open("g", {{"class", "points"}});
  for (int i = 0; i < n; ++i) {
    const PointResult& p = r.points[i];
    if (!std::isfinite(values[i])) continue;
    std::string tip = render::PeriodText(p.period, r.period_kind) + ": " +
                      render::FormatValue(p.value, decimals, unit);
    if (p.ghosted) {
      any_ghost = true;
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
      continue;
    }
    const bool special = IsSpecialCause(p.point_class);
    const bool not_judged = p.point_class == PointClass::kNotJudged;
    seen[static_cast<int>(p.point_class)] = true;
    tip += " \xE2\x80\x94 " + std::string(render::PointClassLabel(p.point_class));
    if (special && p.label != RuleId::kNone) {
      tip += " (" + std::string(render::RuleLabel(p.label)) + ")";
    }
    w.Open("circle", {{"class", std::string(PointClassName(p.point_class))},
                      {"cx", Num(s.X(i))},
                      {"cy", Num(s.Y(p.value))},
                      {"r", special ? "5" : "3.5"},
                      {"fill", std::string(render::ClassColour(options.palette, p.point_class))},
                      {"stroke", not_judged ? std::string(render::kNotJudgedRing) : "#FFFFFF"},
                      {"stroke-width", special || not_judged ? "1" : "0.5"}});
    w.Leaf("title", {}, tip);
    w.Close();
  }
  w.Close();

  // Labels at the right-hand edge, for the lines in force at the last point.
  std::vector<EdgeLabel> labels;
  const int last_index = n - 1;
  if (n > 0) {
    auto add = [&](double v, std::string name, std::string_view colour) {
      if (std::isfinite(v)) {
        labels.push_back({s.Y(v) + 4, name + " " + render::FormatValue(v, decimals), colour});
      }
    };
    add(centre[last_index], run_chart ? "Median" : "Mean", kCentreColour);
    if (!run_chart && !spans.empty() && spans.back().draw_limits) {
      add(upper[last_index], "Upper limit", kLimitColour);
      add(lower[last_index], "Lower limit", kLimitColour);
    }
    add(target[last_index], "Target", kTargetColour);
  }
  PlaceEdgeLabels(labels, s.top, s.bottom + 4);
  w.Open("g", {{"class", "line-labels"}, {"font-size", "11"}});
  for (const EdgeLabel& l : labels) {
    w.Leaf("text", {{"x", Num(s.right + 6)}, {"y", Num(l.y)}, {"fill", std::string(l.colour)}},
           l.text);
  }
  w.Close();

  // Annotation markers: a numbered disc above the point, a faint rule down to it.
  std::vector<int> stacked(n, 0);
  w.Open("g", {{"class", "annotations"}, {"font-size", "11"}});
  for (std::size_t k = 0; k < markers.size(); ++k) {
    const int i = markers[k].point;
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
           render::PeriodText(markers[k].date, r.period_kind) + ": " + markers[k].text);
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

  // Legend: the lines always, point kinds only when the chart shows them.
  w.Open("g", {{"class", "legend"}, {"font-size", "11"}, {"fill", std::string(kTextColour)}});
  double lx = s.left;
  double ly = s.bottom + 44;
  // Starts a second legend row when the next item would run past the right edge.
  auto make_room = [&](double item_width) {
    if (lx + item_width > width - 10 && lx > s.left) {
      lx = s.left;
      ly += 16;
    }
  };
  auto line_item = [&](std::string_view label, std::string_view colour, std::string_view dash) {
    make_room(31 + TextWidth(label, 11));
    std::vector<Attr> attrs = {{"x1", Num(lx)},
                               {"y1", Num(ly - 4)},
                               {"x2", Num(lx + 26)},
                               {"y2", Num(ly - 4)},
                               {"stroke", std::string(colour)},
                               {"stroke-width", "2"}};
    if (!dash.empty()) attrs.push_back({"stroke-dasharray", std::string(dash)});
    w.Leaf("line", attrs);
    w.Leaf("text", {{"x", Num(lx + 31)}, {"y", Num(ly)}}, label);
    lx += 31 + TextWidth(label, 11) + 18;
  };
  auto point_item = [&](std::string_view label, std::string_view fill, bool hollow,
                        std::string_view ring = "") {
    make_room(14 + TextWidth(label, 11));
    std::string stroke(hollow ? kLimitColour : fill);
    if (!ring.empty()) stroke = ring;
    w.Leaf("circle", {{"cx", Num(lx + 5)},
                      {"cy", Num(ly - 4)},
                      {"r", "5"},
                      {"fill", hollow ? std::string("#FFFFFF") : std::string(fill)},
                      {"stroke", stroke},
                      {"stroke-width", "1.5"}});
    w.Leaf("text", {{"x", Num(lx + 14)}, {"y", Num(ly)}}, label);
    lx += 14 + TextWidth(label, 11) + 18;
  };
  line_item(run_chart ? "Median" : "Mean", kCentreColour, "");
  if (!run_chart && any_limits) line_item("Process limits", kLimitColour, kLimitDash);
  if (any_target) line_item("Target", kTargetColour, kTargetDash);
  constexpr std::string_view kLegendNames[] = {"Common cause", "Improvement", "Concern",
                                               "Neither improvement nor concern"};
  constexpr PointClass kClasses[] = {PointClass::kCommonCause, PointClass::kImprovement,
                                     PointClass::kConcern, PointClass::kNeutral};
  for (const PointClass c : kClasses) {
    if (seen[static_cast<int>(c)]) {
      point_item(kLegendNames[static_cast<int>(c)], render::ClassColour(options.palette, c), false);
    }
  }
  if (seen[static_cast<int>(PointClass::kNotJudged)]) {
    point_item(NotJudgedLegend(r), render::kNotJudgedColour, false, render::kNotJudgedRing);
  }
  if (any_ghost) point_item("Ghosted (excluded from the limits)", "", true);
  w.Close();

  // Annotation texts below the chart, numbered as their markers.
  if (!markers.empty()) {
    w.Open(
        "g",
        {{"class", "annotation-notes"}, {"font-size", "12"}, {"fill", std::string(kTextColour)}});
    double y = base_height + 4;
    for (std::size_t k = 0; k < markers.size(); ++k) {
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
      for (const std::string& text_line : marker_lines[k]) {
        w.Leaf("text", {{"x", "36"}, {"y", Num(y)}}, text_line);
        y += render::kAnnotationLineHeight;
      }
    }
    w.Close();
  }
  return w.Finish();
}

}  // namespace kaizen
