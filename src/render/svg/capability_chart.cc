// The capability histogram, as Minitab's Process Capability Report draws it: the values' bars,
// the specification limits as labelled lines, and two normal curves at the process mean: the
// within (short-term σ, solid) and the overall (long-term σ, dashed), so the reader sees how
// much of each curve falls outside the limits.
#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "kaizen/analysis_render.h"
#include "kaizen/histogram.h"
#include "render/svg/palette.h"
#include "render/svg/plot_frame.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {
namespace {

using render::Num;

// The curves are drawn to ±3.5σ of the wider one, so both tails show.
constexpr double kCurveSigmas = 3.5;

bool Usable(double sigma) { return std::isfinite(sigma) && sigma > 0; }

// Everything about the chart that is worked out before drawing, once.
struct CapabilityLayout {
  double width = 0, height = 0;
  HistogramBins bins;
  double n = 0;          // the values the capability was computed from
  double bin_width = 1;  // the curves are scaled to expected counts per bin
  render::Axis x_axis, y_axis;
  render::PlotArea a;
};

// The x range: the bars, both limits and both curves' tails.
render::Axis XAxisOf(const HistogramBins& bins, const CapabilityResult& c, const SpecLimits& spec) {
  const bool any_bins = !bins.counts.empty();
  double lo = any_bins ? bins.edges.front() : c.mean, hi = any_bins ? bins.edges.back() : c.mean;
  for (const double sigma : {c.sigma_within, c.sigma_overall}) {
    if (!Usable(sigma)) continue;
    lo = std::min(lo, c.mean - kCurveSigmas * sigma);
    hi = std::max(hi, c.mean + kCurveSigmas * sigma);
  }
  if (spec.lsl) lo = std::min(lo, *spec.lsl);
  if (spec.usl) hi = std::max(hi, *spec.usl);
  return render::MakeAxis(lo, hi);
}

// The count axis: the tallest bar or curve peak, with room above for the limits' labels.
render::Axis YAxisOf(const CapabilityLayout& l, const CapabilityResult& c) {
  double top = 1;
  for (const int64_t count : l.bins.counts) top = std::max(top, static_cast<double>(count));
  for (const double sigma : {c.sigma_within, c.sigma_overall})
    if (Usable(sigma)) top = std::max(top, NormalBinCount(c.mean, c.mean, sigma, l.n, l.bin_width));
  render::Axis y_axis = render::MakeAxis(0, top * 1.12);
  if (y_axis.decimals > 0) y_axis = render::MakeAxis(0, std::max(5.0, top * 1.12));
  return y_axis;
}

CapabilityLayout LayoutCapability(std::span<const double> values, const CapabilityResult& c,
                                  const SpecLimits& spec, const PlotOptions& options) {
  CapabilityLayout l;
  l.width = std::max(options.width, 320);
  l.height = std::max(options.height, 240);
  const Result<HistogramBins> computed = ComputeHistogramBins(values, BinRule::kFreedmanDiaconis);
  l.bins = computed.ok() ? *computed : HistogramBins{};
  const std::size_t k = l.bins.counts.size();
  l.n = static_cast<double>(c.n);
  l.bin_width = k > 0 ? (l.bins.edges.back() - l.bins.edges.front()) / k : 1;
  l.x_axis = XAxisOf(l.bins, c, spec);
  l.y_axis = YAxisOf(l, c);
  l.a = render::AxesPlotArea(l.x_axis, l.y_axis, l.width, l.height, true);
  return l;
}

// The indices that are defined and the expected ppm on each side that has a limit (the other
// side's is 0 by definition).
std::string CapabilitySubtitle(const CapabilityResult& c, const SpecLimits& spec, double n) {
  auto index = [](const char* name, double v) {
    return std::isfinite(v) ? std::string(name) + " " + render::FormatValue(v, 2) + "  \xC2\xB7  "
                            : std::string();
  };
  std::string ppm;
  if (spec.lsl) ppm += "< LSL " + render::FormatSignificant(c.ppm_below, 3);
  if (spec.usl)
    ppm += (ppm.empty() ? "> USL " : ", > USL ") + render::FormatSignificant(c.ppm_above, 3);
  return "n = " + render::FormatValue(n, 0) + "  \xC2\xB7  " + index("Cp", c.cp) +
         index("Cpk", c.cpk) + index("Pp", c.pp) + index("Ppk", c.ppk) + "expected ppm " + ppm +
         " (overall)";
}

void DrawBars(render::MarkupWriter& w, const CapabilityLayout& l,
              const render::PaletteColours& colours) {
  w.Open("g", {{"class", "bars"}});
  for (std::size_t i = 0; i < l.bins.counts.size(); ++i) {
    render::DrawBinBar(w, l.a, l.bins.edges[i], l.bins.edges[i + 1],
                       static_cast<double>(l.bins.counts[i]), colours.common);
  }
  w.Close();
}

// A normal curve at the process mean, with how it is drawn and named in the legend.
struct Curve {
  const char* cls;
  double sigma;
  std::string_view colour;
  const char* dash;
  std::string label;
};

std::vector<Curve> CurvesOf(const CapabilityResult& c, const render::PaletteColours& colours) {
  return {{"within-curve", c.sigma_within, colours.neither, "",
           "Within (\xCF\x83 = " + render::FormatSignificant(c.sigma_within) + ")"},
          {"overall-curve", c.sigma_overall, render::kCentreColour, "6 4",
           "Overall (\xCF\x83 = " + render::FormatSignificant(c.sigma_overall) + ")"}};
}

// Each usable curve as expected counts per bin across the whole x axis.
void DrawCurves(render::MarkupWriter& w, const CapabilityLayout& l, double mean,
                const std::vector<Curve>& curves) {
  for (const Curve& curve : curves) {
    if (!Usable(curve.sigma)) continue;
    std::vector<render::Attr> attrs = {
        {"class", curve.cls},
        {"d", render::NormalCountPath(l.a, mean, curve.sigma, l.n, l.bin_width)},
        {"fill", "none"},
        {"stroke", std::string(curve.colour)},
        {"stroke-width", "2"}};
    if (*curve.dash) attrs.push_back({"stroke-dasharray", curve.dash});
    w.Leaf("path", attrs);
  }
}

// The limits: red dashed lines labelled at the top, LSL's label to the left of its line and
// USL's to the right, so the two never sit on each other however close the limits are.
void DrawSpecLimits(render::MarkupWriter& w, const render::PlotArea& a, const SpecLimits& spec) {
  for (const auto& [name, limit, left] :
       {std::tuple{"LSL", spec.lsl, true}, std::tuple{"USL", spec.usl, false}}) {
    if (!limit) continue;
    const double x = a.X(*limit);
    w.Leaf("line", {{"class", left ? "lsl" : "usl"},
                    {"x1", Num(x)},
                    {"y1", Num(a.top)},
                    {"x2", Num(x)},
                    {"y2", Num(a.bottom)},
                    {"stroke", std::string(render::kTargetColour)},
                    {"stroke-width", "1.75"},
                    {"stroke-dasharray", "5 3"}});
    w.Leaf("text",
           {{"class", left ? "lsl-label" : "usl-label"},
            {"x", Num(left ? x - 4 : x + 4)},
            {"y", Num(a.top + 12)},
            {"font-size", "11"},
            {"text-anchor", left ? "end" : "start"},
            {"fill", std::string(render::kTargetColour)}},
           std::string(name) + " " + render::FormatSignificant(*limit, 4));
  }
}

void DrawCapabilityLegend(render::MarkupWriter& w, const CapabilityLayout& l,
                          const std::vector<Curve>& curves, const render::PaletteColours& colours) {
  render::OpenLegendGroup(w);
  render::Legend legend(w, l.a.left, l.a.bottom + 62, l.width - 10);
  legend.Swatch("Values", colours.common, 0.55);
  for (const Curve& curve : curves)
    if (Usable(curve.sigma)) legend.Line(curve.label, curve.colour, curve.dash, 2);
  legend.Line("Specification limits", render::kTargetColour, "5 3", 1.75);
  w.Close();
}

}  // namespace

// Layers back to front: the bars, the x axis over them, the curves, the limits, the legend.
std::string RenderCapabilitySvg(std::span<const double> values, const CapabilityResult& c,
                                const SpecLimits& spec, const PlotOptions& options) {
  const CapabilityLayout l = LayoutCapability(values, c, spec, options);
  const std::string subtitle = CapabilitySubtitle(c, spec, l.n);
  const std::string desc = "Capability histogram of " + render::FormatValue(l.n, 0) +
                           " values with the specification limits and the within and overall "
                           "normal curves. " +
                           subtitle + ". " + c.sentence;
  render::MarkupWriter w;
  render::OpenPlot(w, l.width, l.height,
                   options.title.empty() ? "Process capability" : options.title, subtitle, desc);
  render::DrawYAxis(w, l.a, l.y_axis, options.y_label.empty() ? "Count" : options.y_label);
  const render::PaletteColours colours = render::ColoursOf(options.palette);
  DrawBars(w, l, colours);
  render::DrawXAxis(w, l.a, l.x_axis, options.x_label);
  const std::vector<Curve> curves = CurvesOf(c, colours);
  DrawCurves(w, l, c.mean, curves);
  DrawSpecLimits(w, l.a, spec);
  DrawCapabilityLegend(w, l, curves, colours);
  return w.Finish();
}

}  // namespace kaizen
