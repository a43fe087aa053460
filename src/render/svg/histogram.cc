// The histogram chart: bars of the bins it is given (stats/histogram_bins.cc chooses them), the
// mean and median as labelled lines, and the normal curve with the data's mean and sd.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "kaizen/analysis_render.h"
#include "render/svg/palette.h"
#include "render/svg/plot_frame.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {
namespace {

std::string_view RuleName(BinRule rule) {
  switch (rule) {
    case BinRule::kSturges:
      return "Sturges";
    case BinRule::kFixedWidth:
      return "fixed width";
    case BinRule::kFreedmanDiaconis:
      break;
  }
  return "Freedman\xE2\x80\x93"
         "Diaconis";
}

// Decimals for the bars' edges: two significant digits of the bin width, 0 to 6. A zero width
// (edges that collapsed) or a non-finite one has no magnitude: the log would be infinite, and
// converting that to int is undefined behaviour (UBSan, histogram.cc:205), so say 2.
int EdgeDecimals(double bin_width) {
  if (!(bin_width > 0) || !std::isfinite(bin_width)) return 2;
  return std::clamp(2 - static_cast<int>(std::floor(std::log10(bin_width))), 0, 6);
}

}  // namespace

std::string RenderHistogramSvg(const HistogramBins& bins, const Descriptive& d,
                               const PlotOptions& options) {
  using render::Num;
  const double width = std::max(options.width, 320);
  const double base_height = std::max(options.height, 240);
  const int k = static_cast<int>(bins.counts.size());
  const bool have_bins = k > 0 && static_cast<int>(bins.edges.size()) == k + 1;
  const double bin_width = have_bins ? (bins.edges[k] - bins.edges[0]) / k : 1;
  const bool curve = std::isfinite(d.sd) && d.sd > 0 && std::isfinite(d.mean) && d.n > 1;
  const double n = static_cast<double>(d.n);
  // Expected count in a bin of width w at x: n · w · φ((x − mean) / sd) / sd.
  auto normal_count = [&](double x) {
    const double z = (x - d.mean) / d.sd;
    return n * bin_width * std::exp(-0.5 * z * z) / (d.sd * std::sqrt(2 * std::numbers::pi));
  };

  int64_t max_count = 0;
  for (const int64_t c : bins.counts) max_count = std::max(max_count, c);
  double y_top = static_cast<double>(max_count);
  if (curve) y_top = std::max(y_top, normal_count(d.mean));
  const double x_lo = have_bins ? bins.edges.front() : 0;
  const double x_hi = have_bins ? bins.edges.back() : 1;
  const render::Axis x_axis = render::MakeAxis(x_lo, x_hi);
  render::Axis y_axis = render::MakeAxis(0, std::max(1.0, y_top));
  // Counts are whole numbers: never a tick at 2.5 patients.
  if (y_axis.decimals > 0) y_axis = render::MakeAxis(0, std::max(5.0, y_top));

  std::vector<std::string> notes;
  if (!bins.note.empty()) notes.push_back(bins.note);
  if (d.missing > 0) {
    notes.push_back(std::to_string(d.missing) + " missing value" + (d.missing == 1 ? "" : "s") +
                    " left out.");
  }
  const double note_width = width - 28;
  const double height =
      base_height + render::NotesLines(notes, note_width) * render::kNoteLineHeight;

  const std::string y_title = options.y_label.empty() ? "Count" : options.y_label;
  const render::PlotArea a = render::AxesPlotArea(x_axis, y_axis, width, base_height, true);

  const std::string title = options.title.empty() ? "Histogram" : options.title;
  std::string subtitle = "n = " + render::FormatValue(n, 0) + "  \xC2\xB7  bins: ";
  if (!bins.note.empty()) {
    subtitle += "Sturges (IQR is 0)";
  } else {
    subtitle += std::string(RuleName(bins.rule));
  }
  subtitle += ", width " + render::FormatSignificant(bin_width);
  if (curve) {
    subtitle += "  \xC2\xB7  normal curve: mean " + render::FormatSignificant(d.mean) + ", sd " +
                render::FormatSignificant(d.sd);
  }
  const std::string desc =
      "Histogram of " + render::FormatValue(n, 0) + " values in " + std::to_string(k) +
      " bins of width " + render::FormatSignificant(bin_width) + " from " +
      render::FormatSignificant(x_lo) + " to " + render::FormatSignificant(x_hi) + "; mean " +
      render::FormatSignificant(d.mean) + ", median " + render::FormatSignificant(d.median) + ".";

  render::MarkupWriter w;
  render::OpenPlot(w, width, height, title, subtitle, desc);
  render::DrawYAxis(w, a, y_axis, y_title);
  const render::PaletteColours colours = render::ColoursOf(options.palette);

  // Bars, each with its range and count as a tooltip.
  w.Open("g", {{"class", "bars"}});
  const int decimals = EdgeDecimals(bin_width);
  for (int i = 0; have_bins && i < k; ++i) {
    const double x0 = a.X(bins.edges[i]), x1 = a.X(bins.edges[i + 1]);
    const double y = a.Y(static_cast<double>(bins.counts[i]));
    w.Open("rect", {{"class", "bar"},
                    {"x", Num(x0)},
                    {"y", Num(y)},
                    {"width", Num(x1 - x0)},
                    {"height", Num(a.bottom - y)},
                    {"fill", std::string(colours.common)},
                    {"fill-opacity", "0.55"},
                    {"stroke", "#FFFFFF"},
                    {"stroke-width", "1"}});
    w.Leaf("title", {},
           render::FormatValue(bins.edges[i], decimals) + " to " +
               render::FormatValue(bins.edges[i + 1], decimals) + ": " +
               std::to_string(bins.counts[i]));
    w.Close();
  }
  w.Close();
  render::DrawXAxis(w, a, x_axis, options.x_label);

  // The normal curve over the plotted range, 160 segments: smooth at any width.
  if (curve) {
    std::vector<double> xs, ys;
    constexpr int kSteps = 160;
    for (int i = 0; i <= kSteps; ++i) {
      const double x = a.x_lo + (a.x_hi - a.x_lo) * i / kSteps;
      xs.push_back(x);
      ys.push_back(normal_count(x));
    }
    w.Leaf("path", {{"class", "normal-curve"},
                    {"d", render::PolylinePath(a, xs, ys)},
                    {"fill", "none"},
                    {"stroke", std::string(colours.neither)},
                    {"stroke-width", "2"}});
  }

  // Mean and median: the label of the larger to its right, the smaller's to its left, so they
  // never sit on each other.
  auto marker = [&](std::string_view cls, std::string_view name, double v, std::string_view colour,
                    std::string_view dash, bool label_right) {
    if (!std::isfinite(v)) return;
    const std::string x = Num(a.X(v));
    std::vector<render::Attr> attrs = {{"class", std::string(cls)}, {"x1", x},
                                       {"y1", Num(a.top)},          {"x2", x},
                                       {"y2", Num(a.bottom)},       {"stroke", std::string(colour)},
                                       {"stroke-width", "2"}};
    if (!dash.empty()) attrs.push_back({"stroke-dasharray", std::string(dash)});
    w.Leaf("line", attrs);
    w.Leaf("text",
           {{"x", Num(a.X(v) + (label_right ? 5 : -5))},
            {"y", Num(a.top + 11)},
            {"font-size", "11"},
            {"font-weight", "bold"},
            {"text-anchor", label_right ? "start" : "end"},
            {"fill", std::string(colour)}},
           std::string(name) + " " + render::FormatSignificant(v));
  };
  const bool mean_right = d.mean >= d.median;
  marker("mean", "Mean", d.mean, render::kCentreColour, "", mean_right);
  marker("median", "Median", d.median, render::kTargetColour, "6 3", !mean_right);

  w.Open("g",
         {{"class", "legend"}, {"font-size", "11"}, {"fill", std::string(render::kTextColour)}});
  render::Legend legend(w, a.left, a.bottom + 62, width - 10);
  legend.Swatch("Count in bin", colours.common, 0.55);
  legend.Line("Mean", render::kCentreColour);
  legend.Line("Median", render::kTargetColour, "6 3");
  if (curve) legend.Line("Normal curve (same mean and sd)", colours.neither);
  w.Close();
  render::DrawNotes(w, 14, base_height - 4, note_width, notes);
  return w.Finish();
}

}  // namespace kaizen
