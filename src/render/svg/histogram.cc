// Histogram bins (Freedman–Diaconis, Sturges or a fixed width) and the histogram chart: bars,
// the mean and median as labelled lines, and the normal curve with the data's mean and sd.
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

Result<BinRule> ParseBinRule(std::string_view name) {
  if (name == "fd" || name == "freedman-diaconis") return BinRule::kFreedmanDiaconis;
  if (name == "sturges") return BinRule::kSturges;
  if (name == "width") return BinRule::kFixedWidth;
  return Status::InvalidArgument("unknown bin rule '" + std::string(name) +
                                 "' (expected fd, sturges or width)");
}

namespace {

// More bins than this cannot be drawn (each would be under a pixel wide at 900 px) and
// usually means a width given in the wrong unit.
constexpr double kMaxBins = 1000;

// ⌈log2 n⌉ + 1 (Sturges 1926), as R's nclass.Sturges.
int SturgesBins(std::size_t n) {
  return static_cast<int>(std::ceil(std::log2(static_cast<double>(n)))) + 1;
}

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

// A bin width on a round number: the smallest of 1, 2, 2.5 and 5 times a power of ten that is
// at least the rule's width, so bins are never narrower than the rule asks and edges read as
// 0, 5, 10 or 0.2, 0.4 (Minitab and R's hist() likewise put edges on round numbers; issue 8).
// Held as tenths (10, 20, 25, 50) and a power of ten so that each edge is computed from whole
// numbers and rounds once: the edge 0.6 is the double 0.6, not 3 · 0.2 = 0.6000000000000001.
struct RoundWidth {
  double tenths = 10;  // 10, 20, 25 or 50
  int exponent = 0;    // width = tenths / 10 · 10^exponent

  double Width() const { return Edge(1); }
  // multiple · width, rounded once.
  double Edge(double multiple) const {
    return exponent >= 1 ? multiple * tenths * std::pow(10.0, exponent - 1)
                         : multiple * tenths / std::pow(10.0, 1 - exponent);
  }
};

RoundWidth RoundUpWidth(double raw) {
  RoundWidth w;
  w.exponent = static_cast<int>(std::floor(std::log10(raw)));
  const double fraction = raw / std::pow(10.0, w.exponent);  // in [1, 10)
  for (const double tenths : {10.0, 20.0, 25.0, 50.0, 100.0}) {
    if (tenths / 10 >= fraction * (1 - 1e-12)) {
      w.tenths = tenths;
      break;
    }
  }
  if (w.tenths == 100) {
    w.tenths = 10;
    ++w.exponent;
  }
  return w;
}

}  // namespace

Result<HistogramBins> ComputeHistogramBins(std::span<const double> values, BinRule rule,
                                           double width) {
  std::vector<double> v;
  v.reserve(values.size());
  for (const double x : values) {
    if (std::isnan(x)) continue;
    if (!std::isfinite(x)) return Status::InvalidArgument("histogram values must be finite");
    v.push_back(x);
  }
  if (v.empty()) return Status::InvalidArgument("no values to put in a histogram");
  const auto [min_it, max_it] = std::minmax_element(v.begin(), v.end());
  const double lo = *min_it, hi = *max_it;
  const double range = hi - lo;
  // Values near ±1.8e308 can span more than a double holds; the bins would be NaN.
  if (!std::isfinite(range))
    return Status::InvalidArgument("the values span too wide a range to put in bins");

  HistogramBins bins;
  bins.rule = rule;
  double start = lo;
  int k = 1;
  if (rule == BinRule::kFixedWidth) {
    if (!(width > 0) || !std::isfinite(width)) {
      return Status::InvalidArgument("a fixed bin width must be positive and finite");
    }
    // Edges on multiples of the width (a width of 1 day gives bins 3–4, 4–5, ...), the first
    // at or below the smallest value.
    start = std::floor(lo / width + 1e-9) * width;
    const double needed = std::ceil((hi - start) / width - 1e-9);
    if (needed > kMaxBins) {
      return Status::InvalidArgument("a bin width of " + render::FormatSignificant(width) +
                                     " gives more than 1000 bins over this range");
    }
    // A width below the values' precision (0.000001 at 10^12) gives edges that do not move.
    if (start + width == start)
      return Status::InvalidArgument("a bin width of " + render::FormatSignificant(width) +
                                     " is below the precision of values near " +
                                     render::FormatSignificant(lo));
    k = std::max(1, static_cast<int>(needed));
    // The last bin is closed, so a maximum on an edge belongs to the bin below it; a single
    // edge value (every value on one multiple) still needs one bin above it.
    if (start + k * width < hi) ++k;
  } else if (range == 0) {
    // Every value equal: one bin of unit width centred on the value.
    width = 1;
    start = lo - 0.5;
    k = 1;
  } else {
    double fd_width = 0;
    if (rule == BinRule::kFreedmanDiaconis) {
      // IQR by R's default quantile (Hyndman & Fan type 7), as R's nclass.FD.
      const Result<double> q1 = Quantile(v, 0.25, QuantileMethod::kType7);
      const Result<double> q3 = Quantile(v, 0.75, QuantileMethod::kType7);
      if (!q1.ok()) return q1.status();
      if (!q3.ok()) return q3.status();
      fd_width = 2 * (*q3 - *q1) * std::pow(static_cast<double>(v.size()), -1.0 / 3.0);
      if (fd_width <= 0) {
        bins.note =
            "Freedman\xE2\x80\x93"
            "Diaconis needs a positive interquartile range; with an IQR of 0 the bins "
            "follow Sturges' rule instead";
      }
    }
    const double raw = fd_width > 0 ? fd_width : range / SturgesBins(v.size());
    if (range / raw > kMaxBins)
      return Status::InvalidArgument("the Freedman-Diaconis width is too small");
    // Edges on multiples of the round width: the first at or below the minimum, the last at or
    // above the maximum (closed, so a maximum on an edge stays in the bin below it).
    const RoundWidth round = RoundUpWidth(raw);
    width = round.Width();
    double first = std::floor(lo / width + 1e-9);
    if (round.Edge(first) > lo) first -= 1;  // the tolerance must never leave lo below the bins
    k = std::max(1, static_cast<int>(std::ceil((hi - round.Edge(first)) / width - 1e-9)));
    if (round.Edge(first + k) < hi) ++k;
    bins.width = width;
    bins.edges.resize(k + 1);
    for (int i = 0; i <= k; ++i) bins.edges[i] = round.Edge(first + i);
    start = bins.edges[0];
  }
  bins.width = width;
  if (bins.edges.empty()) {
    bins.edges.resize(k + 1);
    for (int i = 0; i <= k; ++i) bins.edges[i] = start + i * width;
  }
  bins.counts.assign(k, 0);
  for (const double x : v) {
    int i = std::clamp(static_cast<int>(std::floor((x - start) / width)), 0, k - 1);
    // Floating-point division can land one bin off at an edge; the edges decide.
    while (i > 0 && x < bins.edges[i]) --i;
    while (i < k - 1 && x >= bins.edges[i + 1]) ++i;
    ++bins.counts[i];
  }
  return bins;
}

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
