// The histogram chart: bars of the bins it is given (stats/histogram_bins.cc chooses them), the
// mean and median as labelled lines, and the normal curve with the data's mean and sd.
#include "kaizen/histogram.h"

#include <algorithm>
#include <cmath>
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

// Everything about the chart that is worked out before drawing, once.
struct HistogramLayout {
  double width = 0, base_height = 0, height = 0;  // height = base_height + the notes' lines
  int k = 0;                                      // bins
  bool have_bins = false;  // counts and edges agree; otherwise no bars are drawn
  double bin_width = 1;    // the curve is scaled to expected counts per bin
  bool curve = false;      // a normal curve needs a finite mean and a positive sd
  double n = 0;
  double x_lo = 0, x_hi = 1;  // the bars' span, as the description states it
  render::Axis x_axis, y_axis;
  render::PlotArea a;
  std::vector<std::string> notes;
  double note_width = 0;
};

// The count axis: the tallest bar or the curve's peak (at the mean).
render::Axis CountAxis(const HistogramBins& bins, const Descriptive& d, const HistogramLayout& l) {
  int64_t max_count = 0;
  for (const int64_t c : bins.counts) max_count = std::max(max_count, c);
  double y_top = static_cast<double>(max_count);
  if (l.curve) y_top = std::max(y_top, NormalBinCount(d.mean, d.mean, d.sd, l.n, l.bin_width));
  render::Axis y_axis = render::MakeAxis(0, std::max(1.0, y_top));
  // Counts are whole numbers: never a tick at 2.5 patients.
  if (y_axis.decimals > 0) y_axis = render::MakeAxis(0, std::max(5.0, y_top));
  return y_axis;
}

// The footnotes: why the bins differ from the rule asked for, and how many values were left out.
std::vector<std::string> NotesOf(const HistogramBins& bins, const Descriptive& d) {
  std::vector<std::string> notes;
  if (!bins.note.empty()) notes.push_back(bins.note);
  if (d.missing > 0) {
    notes.push_back(std::to_string(d.missing) + " missing value" + (d.missing == 1 ? "" : "s") +
                    " left out.");
  }
  return notes;
}

HistogramLayout LayoutHistogram(const HistogramBins& bins, const Descriptive& d,
                                const PlotOptions& options) {
  HistogramLayout l;
  l.width = std::max(options.width, 320);
  l.base_height = std::max(options.height, 240);
  l.k = static_cast<int>(bins.counts.size());
  l.have_bins = l.k > 0 && static_cast<int>(bins.edges.size()) == l.k + 1;
  l.bin_width = l.have_bins ? (bins.edges[l.k] - bins.edges[0]) / l.k : 1;
  l.curve = std::isfinite(d.sd) && d.sd > 0 && std::isfinite(d.mean) && d.n > 1;
  l.n = static_cast<double>(d.n);
  l.x_lo = l.have_bins ? bins.edges.front() : 0;
  l.x_hi = l.have_bins ? bins.edges.back() : 1;
  l.x_axis = render::MakeAxis(l.x_lo, l.x_hi);
  l.y_axis = CountAxis(bins, d, l);
  l.notes = NotesOf(bins, d);
  l.note_width = l.width - 28;
  l.height = l.base_height + render::NotesLines(l.notes, l.note_width) * render::kNoteLineHeight;
  l.a = render::AxesPlotArea(l.x_axis, l.y_axis, l.width, l.base_height, true);
  return l;
}

// n, the bin rule and width, and the curve's parameters when there is one.
std::string HistogramSubtitle(const HistogramBins& bins, const Descriptive& d,
                              const HistogramLayout& l) {
  std::string subtitle = "n = " + render::FormatValue(l.n, 0) + "  \xC2\xB7  bins: ";
  if (!bins.note.empty()) {
    subtitle += "Sturges (IQR is 0)";
  } else {
    subtitle += std::string(RuleName(bins.rule));
  }
  subtitle += ", width " + render::FormatSignificant(l.bin_width);
  if (l.curve) {
    subtitle += "  \xC2\xB7  normal curve: mean " + render::FormatSignificant(d.mean) + ", sd " +
                render::FormatSignificant(d.sd);
  }
  return subtitle;
}

// The chart in one sentence, for screen readers (the SVG's <desc>).
std::string HistogramDescription(const Descriptive& d, const HistogramLayout& l) {
  return "Histogram of " + render::FormatValue(l.n, 0) + " values in " + std::to_string(l.k) +
         " bins of width " + render::FormatSignificant(l.bin_width) + " from " +
         render::FormatSignificant(l.x_lo) + " to " + render::FormatSignificant(l.x_hi) +
         "; mean " + render::FormatSignificant(d.mean) + ", median " +
         render::FormatSignificant(d.median) + ".";
}

// Bars, each with its range and count as a tooltip.
void DrawHistogramBars(render::MarkupWriter& w, const HistogramBins& bins, const HistogramLayout& l,
                       std::string_view colour) {
  w.Open("g", {{"class", "bars"}});
  const int decimals = EdgeDecimals(l.bin_width);
  for (int i = 0; l.have_bins && i < l.k; ++i) {
    render::DrawBinBar(w, l.a, bins.edges[i], bins.edges[i + 1],
                       static_cast<double>(bins.counts[i]), colour,
                       render::FormatValue(bins.edges[i], decimals) + " to " +
                           render::FormatValue(bins.edges[i + 1], decimals) + ": " +
                           std::to_string(bins.counts[i]));
  }
  w.Close();
}

// A statistic drawn as a vertical line across the plot, labelled at the top on one side of it.
struct Marker {
  std::string_view cls, name;
  double value;
  std::string_view colour, dash;
  bool label_right;
};

void DrawMarker(render::MarkupWriter& w, const render::PlotArea& a, const Marker& m) {
  if (!std::isfinite(m.value)) return;
  const std::string x = Num(a.X(m.value));
  std::vector<render::Attr> attrs = {{"class", std::string(m.cls)},
                                     {"x1", x},
                                     {"y1", Num(a.top)},
                                     {"x2", x},
                                     {"y2", Num(a.bottom)},
                                     {"stroke", std::string(m.colour)},
                                     {"stroke-width", "2"}};
  if (!m.dash.empty()) attrs.push_back({"stroke-dasharray", std::string(m.dash)});
  w.Leaf("line", attrs);
  w.Leaf("text",
         {{"x", Num(a.X(m.value) + (m.label_right ? 5 : -5))},
          {"y", Num(a.top + 11)},
          {"font-size", "11"},
          {"font-weight", "bold"},
          {"text-anchor", m.label_right ? "start" : "end"},
          {"fill", std::string(m.colour)}},
         std::string(m.name) + " " + render::FormatSignificant(m.value));
}

// Mean and median: the label of the larger to its right, the smaller's to its left, so they
// never sit on each other.
void DrawMeanAndMedian(render::MarkupWriter& w, const render::PlotArea& a, const Descriptive& d) {
  const bool mean_right = d.mean >= d.median;
  DrawMarker(w, a, {"mean", "Mean", d.mean, render::kCentreColour, "", mean_right});
  DrawMarker(w, a, {"median", "Median", d.median, render::kTargetColour, "6 3", !mean_right});
}

void DrawHistogramLegend(render::MarkupWriter& w, const HistogramLayout& l,
                         const render::PaletteColours& colours) {
  render::OpenLegendGroup(w);
  render::Legend legend(w, l.a.left, l.a.bottom + 62, l.width - 10);
  legend.Swatch("Count in bin", colours.common, 0.55);
  legend.Line("Mean", render::kCentreColour);
  legend.Line("Median", render::kTargetColour, "6 3");
  if (l.curve) legend.Line("Normal curve (same mean and sd)", colours.neither);
  w.Close();
}

}  // namespace

// Layers back to front: the bars, the x axis over them, the curve, the mean and median, the
// legend and the notes.
std::string RenderHistogramSvg(const HistogramBins& bins, const Descriptive& d,
                               const PlotOptions& options) {
  const HistogramLayout l = LayoutHistogram(bins, d, options);
  render::MarkupWriter w;
  render::OpenPlot(w, l.width, l.height, options.title.empty() ? "Histogram" : options.title,
                   HistogramSubtitle(bins, d, l), HistogramDescription(d, l));
  render::DrawYAxis(w, l.a, l.y_axis, options.y_label.empty() ? "Count" : options.y_label);
  const render::PaletteColours colours = render::ColoursOf(options.palette);
  DrawHistogramBars(w, bins, l, colours.common);
  render::DrawXAxis(w, l.a, l.x_axis, options.x_label);
  if (l.curve) {
    w.Leaf("path", {{"class", "normal-curve"},
                    {"d", render::NormalCountPath(l.a, d.mean, d.sd, l.n, l.bin_width)},
                    {"fill", "none"},
                    {"stroke", std::string(colours.neither)},
                    {"stroke-width", "2"}});
  }
  DrawMeanAndMedian(w, l.a, d);
  DrawHistogramLegend(w, l, colours);
  render::DrawNotes(w, 14, l.base_height - 4, l.note_width, l.notes);
  return w.Finish();
}

}  // namespace kaizen
