// The funnel plot (Spiegelhalter 2005): each provider at its precision, the target, the 95 %
// and 99.8 % limits drawn as smooth curves from FunnelLimitsAt across the whole x range, and
// the providers outside them coloured and named.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "kaizen/analysis_render.h"
#include "render/svg/funnel_labels.h"
#include "render/svg/palette.h"
#include "render/svg/plot_frame.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {
namespace {

using render::Num;

struct Settings {
  FunnelLimitMethod method = FunnelLimitMethod::kExact;
  FunnelScale scale = FunnelScale::kSqrt;
};

// FunnelResult keeps the limits per provider but not the options that made them, so the
// settings are recovered by recomputing one provider's limits each way and keeping the one
// that reproduces them. Falls back to exact limits on the square-root scale.
Settings RecoverSettings(const FunnelResult& f) {
  const double tau2 = f.adjusted ? f.tau2 : 0;
  for (const FunnelPoint& p : f.points) {
    if (!(p.denominator > 0)) continue;
    for (const FunnelLimitMethod method : {FunnelLimitMethod::kExact, FunnelLimitMethod::kNormal}) {
      for (const FunnelScale scale : {FunnelScale::kSqrt, FunnelScale::kLog}) {
        const Result<FunnelBand> b =
            FunnelLimitsAt(p.denominator, f.target, f.type, method, tau2, scale);
        if (!b.ok()) continue;
        auto same = [](double u, double v) {
          return u == v || std::fabs(u - v) <= 1e-9 * std::max(1.0, std::fabs(v));
        };
        if (same(b->lower95, p.limits.lower95) && same(b->upper95, p.limits.upper95) &&
            same(b->lower998, p.limits.lower998) && same(b->upper998, p.limits.upper998)) {
          return {method, scale};
        }
      }
    }
    break;
  }
  return {};
}

struct LegendContent {
  std::string centre;                              // "Target 95.0%", "Pooled mean 80.7%"
  bool within = false, high = false, low = false;  // which kinds of point are drawn
  Direction direction = Direction::kNeither;
  render::PaletteColours colours;
};

// Draws the legend from (x, y), wrapping before `right`; returns the baseline of its last row.
double DrawFunnelLegend(render::MarkupWriter& w, const LegendContent& c, double x, double y,
                        double right) {
  render::OpenLegendGroup(w);
  render::Legend legend(w, x, y, right);
  legend.Line(c.centre, render::kCentreColour, "", 1.75);
  legend.Line("95 % limits", render::kLimitColour, render::kLimitDash, 1.5);
  legend.Line("99.8 % limits", render::kLimitColour, "", 1.75);
  if (c.within) legend.Point("Within the 95 % limits", c.colours.common);
  if (c.direction == Direction::kNeither) {
    if (c.high || c.low) legend.Point("Outside the 95 % limits", c.colours.neither);
  } else {
    const bool higher_better = c.direction == Direction::kHigherIsBetter;
    if (c.high) {
      legend.Point(higher_better ? "Above the limits: better" : "Above the limits: worse",
                   higher_better ? c.colours.improvement : c.colours.concern);
    }
    if (c.low) {
      legend.Point(higher_better ? "Below the limits: worse" : "Below the limits: better",
                   higher_better ? c.colours.concern : c.colours.improvement);
    }
  }
  w.Close();
  return legend.bottom();
}

// How far the data reach: the providers' precisions and values, and the target.
struct Extent {
  double x_min = INFINITY, x_max = 0, y_lo = 0, y_hi = 0;
};

// The value axis also shows the 99.8 % limits at the smallest provider, so every provider's
// position relative to its own limits is visible; the curves above it are clipped.
Extent ExtentOf(const FunnelResult& f, const Settings& settings, double tau2) {
  const bool proportion = f.type == FunnelType::kProportion;
  Extent e{.y_lo = f.target, .y_hi = f.target};
  for (const FunnelPoint& p : f.points) {
    if (!render::DrawnOnFunnel(p)) continue;
    e.x_max = std::max(e.x_max, p.denominator);
    e.x_min = std::min(e.x_min, p.denominator);
    e.y_lo = std::min(e.y_lo, p.value);
    e.y_hi = std::max(e.y_hi, p.value);
  }
  if (!std::isfinite(e.x_min)) e.x_min = e.x_max = 1;
  if (const Result<FunnelBand> b =
          FunnelLimitsAt(proportion ? std::max(1.0, std::round(e.x_min)) : e.x_min, f.target,
                         f.type, settings.method, tau2, settings.scale);
      b.ok()) {
    if (std::isfinite(b->lower998)) e.y_lo = std::min(e.y_lo, b->lower998);
    if (std::isfinite(b->upper998)) e.y_hi = std::max(e.y_hi, b->upper998);
  }
  if (proportion) {
    e.y_lo = std::max(0.0, e.y_lo);
    e.y_hi = std::min(1.0, e.y_hi);
  }
  return e;
}

// The footnotes: the method, the rows left out and the outliers not named on the chart.
std::vector<std::string> FunnelNotes(const FunnelResult& f, const render::FunnelLabels& labels) {
  std::vector<std::string> notes;
  if (!f.method.empty()) notes.push_back(f.method);
  if (f.rows_skipped > 0) {
    notes.push_back(std::to_string(f.rows_skipped) + " row" + (f.rows_skipped == 1 ? "" : "s") +
                    " with a missing numerator or no denominator left out.");
  }
  if (!labels.unlabelled.empty()) {
    std::string list;
    for (const std::string& name : labels.unlabelled) list += (list.empty() ? "" : ", ") + name;
    notes.push_back("Also outside the limits (no room to name them on the chart): " + list + ".");
  }
  return notes;
}

// Everything about the chart that is worked out before drawing, once.
struct FunnelLayout {
  double width = 0, base_height = 0, height = 0;
  bool proportion = false;
  double tau2 = 0;
  Settings settings;
  double x_min = 1;
  double multiplier = 1;
  std::string unit;
  bool percent = false;
  render::Axis x_axis, y_axis;
  render::PlotArea a;
  render::FunnelLabels labels;
  std::vector<std::string> notes;
  double note_width = 0;
  LegendContent legend;
  double legend_y = 0, legend_extra = 0;

  // A value on the indicator's display scale: "81.2%", "3.45 per 1,000".
  std::string ValueText(double v) const {
    return percent
               ? render::FormatValue(v * multiplier, 1) + "%"
               : render::FormatSignificant(v * multiplier, 3) + (unit.empty() ? "" : " " + unit);
  }
};

LegendContent LegendContentOf(const FunnelResult& f, const PlotOptions& options,
                              const FunnelLayout& l) {
  const std::string centre_name(FunnelCentreName(f.centre));
  LegendContent c;
  c.centre = std::string(1, static_cast<char>(std::toupper(centre_name[0]))) +
             centre_name.substr(1) + " " + l.ValueText(f.target);
  c.direction = options.direction;
  c.colours = render::ColoursOf(options.palette);
  for (const FunnelPoint& p : f.points) {
    if (!render::DrawnOnFunnel(p)) continue;
    c.within = c.within || p.flag == FunnelFlag::kWithin;
    c.high = c.high || static_cast<int>(p.flag) > 0;
    c.low = c.low || static_cast<int>(p.flag) < 0;
  }
  return c;
}

FunnelLayout LayoutFunnel(const FunnelResult& f, const PlotOptions& options) {
  FunnelLayout l;
  l.width = std::max(options.width, 320);
  l.base_height = std::max(options.height, 240);
  l.proportion = f.type == FunnelType::kProportion;
  l.tau2 = f.adjusted ? f.tau2 : 0;
  l.settings = RecoverSettings(f);
  const Extent e = ExtentOf(f, l.settings, l.tau2);
  l.x_min = e.x_min;
  // The indicator's display scale (PlotOptions::multiplier), else percent for proportions.
  l.multiplier = options.multiplier > 0 ? options.multiplier : (l.proportion ? 100 : 1);
  l.unit = options.multiplier > 0 ? options.unit : (l.proportion ? "%" : "");
  l.percent = l.unit == "%";
  l.x_axis = render::MakeAxis(0, e.x_max);
  l.y_axis = render::MakeAxis(e.y_lo, e.y_hi, l.multiplier, l.percent ? " %" : "");
  l.a = render::AxesPlotArea(l.x_axis, l.y_axis, l.width, l.base_height, !options.y_label.empty());
  l.labels = render::PlaceFunnelLabels(f, l.a);
  l.notes = FunnelNotes(f, l.labels);
  l.note_width = l.width - 28;
  // The legend wraps onto more rows on a narrow chart or with long labels; a dry run into a
  // scratch writer measures them so the notes move down instead of overlapping it.
  l.legend = LegendContentOf(f, options, l);
  l.legend_y = l.a.bottom + 62;
  render::MarkupWriter scratch;
  l.legend_extra =
      DrawFunnelLegend(scratch, l.legend, l.a.left, l.legend_y, l.width - 10) - l.legend_y;
  l.height = l.base_height + l.legend_extra +
             render::NotesLines(l.notes, l.note_width) * render::kNoteLineHeight;
  return l;
}

std::string FunnelSubtitle(const FunnelResult& f, const FunnelLayout& l) {
  std::string subtitle = std::to_string(f.points.size()) + " providers  \xC2\xB7  " +
                         std::string(FunnelCentreName(f.centre)) + " " + l.ValueText(f.target) +
                         "  \xC2\xB7  " + std::to_string(f.outside998.size()) +
                         " outside 99.8 %, " + std::to_string(f.outside95.size()) + " outside 95 %";
  subtitle += f.adjusted ? "  \xC2\xB7  limits widened for overdispersion (\xCF\x86 = " +
                               render::FormatSignificant(f.phi) + ")"
                         : "  \xC2\xB7  \xCF\x86 = " + render::FormatSignificant(f.phi);
  return subtitle;
}

// What a screen reader announces: the subtitle and the providers outside 99.8 %.
std::string FunnelDescription(const FunnelResult& f, const std::string& subtitle) {
  std::string desc = "Funnel plot. " + subtitle + ".";
  if (!f.outside998.empty()) {
    desc += " Outside the 99.8 % limits:";
    for (std::size_t i = 0; i < f.outside998.size(); ++i) {
      desc += (i == 0 ? " " : ", ") + f.outside998[i];
    }
    desc += ".";
  }
  return desc;
}

// The clip path that keeps the curves inside the plot area; returns its id. The id carries the
// geometry so two funnels inlined in one report never share a clip path by accident.
std::string DefinePlotClip(render::MarkupWriter& w, const std::string& title,
                           const render::PlotArea& a) {
  const std::string clip_id =
      "funnel-clip-" + std::to_string(std::hash<std::string>{}(title + Num(a.left) + Num(a.bottom) +
                                                               Num(a.y_lo) + Num(a.y_hi)) %
                                      1000000007);
  w.Open("defs");
  w.Open("clipPath", {{"id", clip_id}});
  w.Leaf("rect", {{"x", Num(a.left)},
                  {"y", Num(a.top)},
                  {"width", Num(a.right - a.left)},
                  {"height", Num(a.bottom - a.top)}});
  w.Close();
  w.Close();
  return clip_id;
}

// The four limit curves sampled at the precisions xs.
struct LimitCurves {
  std::vector<double> xs, l95, u95, l998, u998;
};

// Limits on a geometric grid (the funnel changes fastest at small precision) from a quarter of
// the smallest provider's precision to the end of the axis.
LimitCurves SampleLimits(const FunnelResult& f, const FunnelLayout& l) {
  constexpr int kSteps = 240;
  const double start = std::max(l.proportion ? 1.0 : 1e-9, l.x_min / 4);
  LimitCurves c;
  double last_x = -1;
  for (int i = 0; i <= kSteps; ++i) {
    double x = start * std::pow(l.a.x_hi / start, static_cast<double>(i) / kSteps);
    // Exact binomial limits exist at whole denominators only.
    if (l.proportion && l.settings.method == FunnelLimitMethod::kExact) x = std::round(x);
    if (x <= last_x) continue;
    last_x = x;
    const Result<FunnelBand> b =
        FunnelLimitsAt(x, f.target, f.type, l.settings.method, l.tau2, l.settings.scale);
    if (!b.ok()) continue;
    c.xs.push_back(x);
    c.l95.push_back(b->lower95);
    c.u95.push_back(b->upper95);
    c.l998.push_back(b->lower998);
    c.u998.push_back(b->upper998);
  }
  return c;
}

// The 99.8 % limits solid, the 95 % dashed, clipped to the plot; then the target across it.
void DrawLimitsAndTarget(render::MarkupWriter& w, const render::PlotArea& a, const LimitCurves& c,
                         const std::string& clip_id, double target) {
  w.Open("g", {{"class", "limits"}, {"clip-path", "url(#" + clip_id + ")"}, {"fill", "none"}});
  for (const auto& [cls, ys] : {std::pair{"upper-998", &c.u998}, std::pair{"lower-998", &c.l998}}) {
    w.Leaf("path", {{"class", cls},
                    {"d", render::PolylinePath(a, c.xs, *ys)},
                    {"stroke", std::string(render::kLimitColour)},
                    {"stroke-width", "1.75"}});
  }
  for (const auto& [cls, ys] : {std::pair{"upper-95", &c.u95}, std::pair{"lower-95", &c.l95}}) {
    w.Leaf("path", {{"class", cls},
                    {"d", render::PolylinePath(a, c.xs, *ys)},
                    {"stroke", std::string(render::kLimitColour)},
                    {"stroke-width", "1.5"},
                    {"stroke-dasharray", std::string(render::kLimitDash)}});
  }
  w.Close();
  w.Leaf("line", {{"class", "target"},
                  {"x1", Num(a.left)},
                  {"y1", Num(a.Y(target))},
                  {"x2", Num(a.right)},
                  {"y2", Num(a.Y(target))},
                  {"stroke", std::string(render::kCentreColour)},
                  {"stroke-width", "1.75"}});
}

// Outliers in their class colour: high is improvement when higher is better, and so on; with
// no better direction both sides are "special cause, neither".
std::string_view OutlierColour(FunnelFlag flag, Direction direction,
                               const render::PaletteColours& colours) {
  const bool high = static_cast<int>(flag) > 0;
  switch (direction) {
    case Direction::kHigherIsBetter:
      return high ? colours.improvement : colours.concern;
    case Direction::kLowerIsBetter:
      return high ? colours.concern : colours.improvement;
    case Direction::kNeither:
      break;
  }
  return colours.neither;
}

// One provider's point, with its value, counts, flag and z-score in the tooltip.
void DrawProvider(render::MarkupWriter& w, const FunnelPoint& p, const FunnelLayout& l,
                  Direction direction) {
  const bool outside = p.flag != FunnelFlag::kWithin;
  const bool far = p.flag == FunnelFlag::kHigh998 || p.flag == FunnelFlag::kLow998;
  const render::PaletteColours& colours = l.legend.colours;
  w.Open(
      "circle",
      {{"class", outside ? (far ? "outside-998" : "outside-95") : "within"},
       {"cx", Num(l.a.X(p.denominator))},
       {"cy", Num(l.a.Y(p.value))},
       {"r", outside ? "5" : "3.5"},
       {"fill", std::string(outside ? OutlierColour(p.flag, direction, colours) : colours.common)},
       {"stroke", "#FFFFFF"},
       {"stroke-width", outside ? "1" : "0.5"}});
  w.Leaf("title", {},
         p.provider + ": " + l.ValueText(p.value) + " (" +
             render::FormatSignificant(p.numerator, 6) + " / " +
             render::FormatSignificant(p.denominator, 6) + "), " +
             std::string(FunnelFlagName(p.flag)) + ", z " + render::FormatValue(p.z_adjusted, 2));
  w.Close();
}

// Within-limit providers first, so the coloured ones are drawn on top.
void DrawProviders(render::MarkupWriter& w, const FunnelResult& f, const FunnelLayout& l,
                   Direction direction) {
  w.Open("g", {{"class", "providers"}});
  for (const bool outside_pass : {false, true}) {
    for (const FunnelPoint& p : f.points) {
      if (!render::DrawnOnFunnel(p) || (p.flag != FunnelFlag::kWithin) != outside_pass) continue;
      DrawProvider(w, p, l, direction);
    }
  }
  w.Close();
}

}  // namespace

// Layers back to front: axes, the limit curves and target, the providers, then their names,
// the legend and the notes.
std::string RenderFunnelSvg(const FunnelResult& f, const PlotOptions& options) {
  const FunnelLayout l = LayoutFunnel(f, options);
  const std::string title = options.title.empty() ? "Funnel plot" : options.title;
  const std::string subtitle = FunnelSubtitle(f, l);
  render::MarkupWriter w;
  render::OpenPlot(w, l.width, l.height, title, subtitle, FunnelDescription(f, subtitle));
  render::DrawYAxis(w, l.a, l.y_axis, options.y_label);
  render::DrawXAxis(w, l.a, l.x_axis, options.x_label);
  const std::string clip_id = DefinePlotClip(w, title, l.a);
  DrawLimitsAndTarget(w, l.a, SampleLimits(f, l), clip_id, f.target);
  DrawProviders(w, f, l, options.direction);
  render::DrawProviderLabels(w, l.labels);
  DrawFunnelLegend(w, l.legend, l.a.left, l.legend_y, l.width - 10);
  render::DrawNotes(w, 14, l.base_height - 4 + l.legend_extra, l.note_width, l.notes);
  return w.Finish();
}

}  // namespace kaizen
