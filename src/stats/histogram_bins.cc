// Histogram bins: Freedman–Diaconis, Sturges or a fixed width, with edges on round numbers.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kaizen/histogram.h"
#include "kaizen/number_format.h"
#include "kaizen/stats.h"

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

// The values to bin: NaN skipped (a missing value), an infinity refused (no bin holds it).
Result<std::vector<double>> BinnableValues(std::span<const double> values) {
  std::vector<double> v;
  v.reserve(values.size());
  for (const double x : values) {
    if (std::isnan(x)) continue;
    if (!std::isfinite(x)) return Status::InvalidArgument("histogram values must be finite");
    v.push_back(x);
  }
  if (v.empty()) return Status::InvalidArgument("no values to put in a histogram");
  return v;
}

// k bins of `width` from `start`: edges start + i · width.
void SetEvenEdges(HistogramBins& bins, double start, double width, int k) {
  bins.width = width;
  bins.edges.resize(k + 1);
  for (int i = 0; i <= k; ++i) bins.edges[i] = start + i * width;
}

// Bins of a width the user gave, on multiples of it (a width of 1 day gives bins 3–4, 4–5, ...),
// the first at or below the smallest value.
Status FixedWidthEdges(double lo, double hi, double width, HistogramBins& bins) {
  if (!(width > 0) || !std::isfinite(width)) {
    return Status::InvalidArgument("a fixed bin width must be positive and finite");
  }
  const double start = std::floor(lo / width + 1e-9) * width;
  const double needed = std::ceil((hi - start) / width - 1e-9);
  if (needed > kMaxBins) {
    return Status::InvalidArgument("a bin width of " + FormatSignificant(width) +
                                   " gives more than 1000 bins over this range");
  }
  // A width below the values' precision (0.000001 at 10^12) gives edges that do not move.
  if (start + width == start)
    return Status::InvalidArgument("a bin width of " + FormatSignificant(width) +
                                   " is below the precision of values near " +
                                   FormatSignificant(lo));
  int k = std::max(1, static_cast<int>(needed));
  // The last bin is closed, so a maximum on an edge belongs to the bin below it; a single
  // edge value (every value on one multiple) still needs one bin above it.
  if (start + k * width < hi) ++k;
  SetEvenEdges(bins, start, width, k);
  return Status::Ok();
}

// The width the rule asks for before rounding: Freedman–Diaconis's, or Sturges' when that rule
// was asked for or the IQR is 0 (saying so in bins.note).
Result<double> RuleWidth(const std::vector<double>& v, double range, HistogramBins& bins) {
  double fd_width = 0;
  if (bins.rule == BinRule::kFreedmanDiaconis) {
    // Width 2 · IQR · n^(−1/3) (Freedman and Diaconis 1981, "On the histogram as a density
    // estimator: L2 theory", Z. Wahrscheinlichkeitstheorie verw. Gebiete 57, 453–476), the
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
  return fd_width > 0 ? fd_width : range / SturgesBins(v.size());
}

// Bins by a rule (Freedman–Diaconis or Sturges), the width rounded up (RoundUpWidth) and the
// edges on multiples of it: the first at or below the minimum, the last at or above the maximum
// (closed, so a maximum on an edge stays in the bin below it).
Status RuleEdges(const std::vector<double>& v, double lo, double hi, HistogramBins& bins) {
  const Result<double> raw = RuleWidth(v, hi - lo, bins);
  if (!raw.ok()) return raw.status();
  if ((hi - lo) / *raw > kMaxBins)
    return Status::InvalidArgument("the Freedman-Diaconis width is too small");
  const RoundWidth round = RoundUpWidth(*raw);
  const double width = round.Width();
  double first = std::floor(lo / width + 1e-9);
  if (round.Edge(first) > lo) first -= 1;  // the tolerance must never leave lo below the bins
  int k = std::max(1, static_cast<int>(std::ceil((hi - round.Edge(first)) / width - 1e-9)));
  if (round.Edge(first + k) < hi) ++k;
  bins.width = width;
  bins.edges.resize(k + 1);
  for (int i = 0; i <= k; ++i) bins.edges[i] = round.Edge(first + i);
  return Status::Ok();
}

// How many values fall in each bin. The division finds the bin in one step; floating-point
// division can land one bin off at an edge, so the edges decide.
void CountValues(const std::vector<double>& v, HistogramBins& bins) {
  const int k = static_cast<int>(bins.edges.size()) - 1;
  const double start = bins.edges[0], width = bins.width;
  bins.counts.assign(k, 0);
  for (const double x : v) {
    int i = std::clamp(static_cast<int>(std::floor((x - start) / width)), 0, k - 1);
    while (i > 0 && x < bins.edges[i]) --i;
    while (i < k - 1 && x >= bins.edges[i + 1]) ++i;
    ++bins.counts[i];
  }
}

}  // namespace

Result<HistogramBins> ComputeHistogramBins(std::span<const double> values, BinRule rule,
                                           double width) {
  const Result<std::vector<double>> v = BinnableValues(values);
  if (!v.ok()) return v.status();
  const auto [min_it, max_it] = std::minmax_element(v->begin(), v->end());
  const double lo = *min_it, hi = *max_it;
  // Values near ±1.8e308 can span more than a double holds; the bins would be NaN.
  if (!std::isfinite(hi - lo))
    return Status::InvalidArgument("the values span too wide a range to put in bins");

  HistogramBins bins;
  bins.rule = rule;
  Status edges = Status::Ok();
  if (rule == BinRule::kFixedWidth) {
    edges = FixedWidthEdges(lo, hi, width, bins);
  } else if (hi == lo) {
    SetEvenEdges(bins, lo - 0.5, 1, 1);  // every value equal: one unit bin centred on it
  } else {
    edges = RuleEdges(*v, lo, hi, bins);
  }
  if (!edges.ok()) return edges;
  CountValues(*v, bins);
  return bins;
}

}  // namespace kaizen
