// The funnel plot (Spiegelhalter 2005): each provider at its precision, the target, the 95 %
// and 99.8 % limits drawn as smooth curves from FunnelLimitsAt across the whole x range, and
// the providers outside them coloured and named.
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "kaizen/analysis_render.h"
#include "render/svg/palette.h"
#include "render/svg/plot_frame.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {
namespace {

using render::Num;

// At most this many providers are named, the most extreme first: more labels than this on one
// chart overlap and stop being read.
constexpr std::size_t kMaxLabels = 12;

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

struct Box {
  double x0, y0, x1, y1;
  bool Overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

}  // namespace

std::string RenderFunnelSvg(const FunnelResult& f, const PlotOptions& options) {
  const double width = std::max(options.width, 320);
  const double base_height = std::max(options.height, 240);
  const bool proportion = f.type == FunnelType::kProportion;
  const double tau2 = f.adjusted ? f.tau2 : 0;
  const Settings settings = RecoverSettings(f);

  double x_max = 0, x_min = INFINITY, y_lo = f.target, y_hi = f.target;
  for (const FunnelPoint& p : f.points) {
    if (!std::isfinite(p.value) || !(p.denominator > 0)) continue;
    x_max = std::max(x_max, p.denominator);
    x_min = std::min(x_min, p.denominator);
    y_lo = std::min(y_lo, p.value);
    y_hi = std::max(y_hi, p.value);
  }
  if (!std::isfinite(x_min)) x_min = x_max = 1;
  // The value axis also shows the 99.8 % limits at the smallest provider, so every provider's
  // position relative to its own limits is visible; the curves above it are clipped.
  if (const Result<FunnelBand> b =
          FunnelLimitsAt(proportion ? std::max(1.0, std::round(x_min)) : x_min, f.target, f.type,
                         settings.method, tau2, settings.scale);
      b.ok()) {
    if (std::isfinite(b->lower998)) y_lo = std::min(y_lo, b->lower998);
    if (std::isfinite(b->upper998)) y_hi = std::max(y_hi, b->upper998);
  }
  if (proportion) {
    y_lo = std::max(0.0, y_lo);
    y_hi = std::min(1.0, y_hi);
  }
  const render::Axis x_axis = render::MakeAxis(0, x_max);
  const render::Axis y_axis =
      proportion ? render::MakeAxis(y_lo, y_hi, 100, " %") : render::MakeAxis(y_lo, y_hi);

  std::vector<std::string> notes;
  if (!f.method.empty()) notes.push_back(f.method);
  if (f.rows_skipped > 0) {
    notes.push_back(std::to_string(f.rows_skipped) + " row" + (f.rows_skipped == 1 ? "" : "s") +
                    " with a missing numerator or no denominator left out.");
  }
  const double note_width = width - 28;
  const double height =
      base_height + render::NotesLines(notes, note_width) * render::kNoteLineHeight;

  render::PlotArea a;
  a.left = render::LeftEdgeFor(y_axis, !options.y_label.empty());
  a.right = width - 24;
  a.top = render::kFrameTop;
  a.bottom = base_height - render::kFrameBottomMargin;
  a.x_lo = x_axis.lo();
  a.x_hi = x_axis.hi();
  a.y_lo = y_axis.lo();
  a.y_hi = y_axis.hi();

  auto value_text = [&](double v) {
    return proportion ? render::FormatValue(v * 100, 1) + "%" : render::FormatSignificant(v, 3);
  };
  const std::string title = options.title.empty() ? "Funnel plot" : options.title;
  std::string subtitle = std::to_string(f.points.size()) + " providers  \xC2\xB7  target " +
                         value_text(f.target) + "  \xC2\xB7  " +
                         std::to_string(f.outside998.size()) + " outside 99.8 %, " +
                         std::to_string(f.outside95.size()) + " outside 95 %";
  subtitle += f.adjusted ? "  \xC2\xB7  limits widened for overdispersion (\xCF\x86 = " +
                               render::FormatSignificant(f.phi) + ")"
                         : "  \xC2\xB7  \xCF\x86 = " + render::FormatSignificant(f.phi);
  std::string desc = "Funnel plot. " + subtitle + ".";
  if (!f.outside998.empty()) {
    desc += " Outside the 99.8 % limits:";
    for (std::size_t i = 0; i < f.outside998.size(); ++i) {
      desc += (i == 0 ? " " : ", ") + f.outside998[i];
    }
    desc += ".";
  }

  render::MarkupWriter w;
  render::OpenPlot(w, width, height, title, subtitle, desc);
  render::DrawYAxis(w, a, y_axis, options.y_label);
  render::DrawXAxis(w, a, x_axis, options.x_label);

  // The curves are clipped to the plot area; the id carries the geometry so two funnels
  // inlined in one report never share a clip path by accident.
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

  // Limits on a geometric grid (the funnel changes fastest at small precision) from a quarter
  // of the smallest provider's precision to the end of the axis.
  constexpr int kSteps = 240;
  const double start = std::max(proportion ? 1.0 : 1e-9, x_min / 4);
  std::vector<double> xs, l95, u95, l998, u998;
  double last_x = -1;
  for (int i = 0; i <= kSteps; ++i) {
    double x = start * std::pow(a.x_hi / start, static_cast<double>(i) / kSteps);
    // Exact binomial limits exist at whole denominators only.
    if (proportion && settings.method == FunnelLimitMethod::kExact) x = std::round(x);
    if (x <= last_x) continue;
    last_x = x;
    const Result<FunnelBand> b =
        FunnelLimitsAt(x, f.target, f.type, settings.method, tau2, settings.scale);
    if (!b.ok()) continue;
    xs.push_back(x);
    l95.push_back(b->lower95);
    u95.push_back(b->upper95);
    l998.push_back(b->lower998);
    u998.push_back(b->upper998);
  }
  w.Open("g", {{"class", "limits"}, {"clip-path", "url(#" + clip_id + ")"}, {"fill", "none"}});
  for (const auto& [cls, ys] : {std::pair{"upper-998", &u998}, std::pair{"lower-998", &l998}}) {
    w.Leaf("path", {{"class", cls},
                    {"d", render::PolylinePath(a, xs, *ys)},
                    {"stroke", std::string(render::kLimitColour)},
                    {"stroke-width", "1.75"}});
  }
  for (const auto& [cls, ys] : {std::pair{"upper-95", &u95}, std::pair{"lower-95", &l95}}) {
    w.Leaf("path", {{"class", cls},
                    {"d", render::PolylinePath(a, xs, *ys)},
                    {"stroke", std::string(render::kLimitColour)},
                    {"stroke-width", "1.5"},
                    {"stroke-dasharray", std::string(render::kLimitDash)}});
  }
  w.Close();
  w.Leaf("line", {{"class", "target"},
                  {"x1", Num(a.left)},
                  {"y1", Num(a.Y(f.target))},
                  {"x2", Num(a.right)},
                  {"y2", Num(a.Y(f.target))},
                  {"stroke", std::string(render::kCentreColour)},
                  {"stroke-width", "1.75"}});

  // Outliers in their class colour: high is improvement when higher is better, and so on; with
  // no better direction both sides are "special cause, neither".
  const render::PaletteColours colours = render::ColoursOf(options.palette);
  auto outlier_colour = [&](FunnelFlag flag) -> std::string_view {
    const bool high = static_cast<int>(flag) > 0;
    switch (options.direction) {
      case Direction::kHigherIsBetter:
        return high ? colours.improvement : colours.concern;
      case Direction::kLowerIsBetter:
        return high ? colours.concern : colours.improvement;
      case Direction::kNeither:
        break;
    }
    return colours.neither;
  };
  bool seen_high = false, seen_low = false;
  w.Open("g", {{"class", "providers"}});
  // Within-limit providers first, so the coloured ones are drawn on top.
  for (const bool outside_pass : {false, true}) {
    for (const FunnelPoint& p : f.points) {
      if (!std::isfinite(p.value) || !(p.denominator > 0)) continue;
      const bool outside = p.flag != FunnelFlag::kWithin;
      if (outside != outside_pass) continue;
      seen_high = seen_high || static_cast<int>(p.flag) > 0;
      seen_low = seen_low || static_cast<int>(p.flag) < 0;
      const bool far = p.flag == FunnelFlag::kHigh998 || p.flag == FunnelFlag::kLow998;
      w.Open("circle", {{"class", outside ? (far ? "outside-998" : "outside-95") : "within"},
                        {"cx", Num(a.X(p.denominator))},
                        {"cy", Num(a.Y(p.value))},
                        {"r", outside ? "5" : "3.5"},
                        {"fill", std::string(outside ? outlier_colour(p.flag) : colours.common)},
                        {"stroke", "#FFFFFF"},
                        {"stroke-width", outside ? "1" : "0.5"}});
      w.Leaf("title", {},
             p.provider + ": " + value_text(p.value) + " (" +
                 render::FormatSignificant(p.numerator, 6) + " / " +
                 render::FormatSignificant(p.denominator, 6) + "), " +
                 std::string(FunnelFlagName(p.flag)) + ", z " +
                 render::FormatValue(p.z_adjusted, 2));
      w.Close();
    }
  }
  w.Close();

  // Names beside the most extreme providers, nudged up or down until they clear each other
  // and the points already named.
  const std::vector<std::string>& named = f.outside998.empty() ? f.outside95 : f.outside998;
  std::vector<Box> placed;
  w.Open("g", {{"class", "provider-labels"},
               {"font-size", "11"},
               {"fill", std::string(render::kTextColour)}});
  for (std::size_t k = 0; k < named.size() && k < kMaxLabels; ++k) {
    const auto it = std::find_if(f.points.begin(), f.points.end(),
                                 [&](const FunnelPoint& p) { return p.provider == named[k]; });
    if (it == f.points.end() || !std::isfinite(it->value)) continue;
    const double px = a.X(it->denominator), py = a.Y(it->value);
    const double tw = render::TextWidth(it->provider, 11);
    const bool left = px + 8 + tw > a.right;
    const double x0 = left ? px - 8 - tw : px + 8;
    for (const double dy : {0.0, -13.0, 13.0, -26.0, 26.0, -39.0, 39.0}) {
      const double y = py + 4 + dy;
      const Box box{x0, y - 10, x0 + tw, y + 2};
      if (std::any_of(placed.begin(), placed.end(),
                      [&](const Box& b) { return b.Overlaps(box); }) &&
          dy != 39.0) {
        continue;
      }
      placed.push_back(box);
      w.Leaf("text",
             {{"x", Num(left ? px - 8 : px + 8)},
              {"y", Num(y)},
              {"text-anchor", left ? "end" : "start"}},
             it->provider);
      break;
    }
  }
  w.Close();

  w.Open("g",
         {{"class", "legend"}, {"font-size", "11"}, {"fill", std::string(render::kTextColour)}});
  render::Legend legend(w, a.left, a.bottom + 62, width - 10);
  legend.Line("Target " + value_text(f.target), render::kCentreColour, "", 1.75);
  legend.Line("95 % limits", render::kLimitColour, render::kLimitDash, 1.5);
  legend.Line("99.8 % limits", render::kLimitColour, "", 1.75);
  legend.Point("Within the 95 % limits", colours.common);
  if (options.direction == Direction::kNeither) {
    if (seen_high || seen_low) legend.Point("Outside the 95 % limits", colours.neither);
  } else {
    const bool higher_better = options.direction == Direction::kHigherIsBetter;
    if (seen_high) {
      legend.Point(higher_better ? "Above the limits: better" : "Above the limits: worse",
                   higher_better ? colours.improvement : colours.concern);
    }
    if (seen_low) {
      legend.Point(higher_better ? "Below the limits: worse" : "Below the limits: better",
                   higher_better ? colours.concern : colours.improvement);
    }
  }
  w.Close();
  render::DrawNotes(w, 14, base_height - 4, note_width, notes);
  return w.Finish();
}

}  // namespace kaizen
