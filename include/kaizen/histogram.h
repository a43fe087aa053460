// Histogram bins: how a set of values is cut into bins for a histogram (Freedman–Diaconis,
// Sturges or a fixed width, the edges on round numbers) and how many values fall in each. Pure
// computation in stats/ (src/stats/histogram_bins.cc); RenderHistogramSvg (analysis_render.h)
// draws the result. Plain values, safe from any thread.
#ifndef KAIZEN_HISTOGRAM_H_
#define KAIZEN_HISTOGRAM_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kaizen/status.h"

namespace kaizen {

// How a histogram's bins are chosen (stated on the chart).
enum class BinRule {
  kFreedmanDiaconis,  // width 2·IQR·n^(−1/3) (Freedman and Diaconis 1981); the default
  kSturges,           // ⌈log2 n⌉ + 1 bins (Sturges 1926)
  kFixedWidth,        // HistogramBins::width
};
// "fd" (or "freedman-diaconis"), "sturges", "width"; InvalidArgument naming the three for any
// other name.
Result<BinRule> ParseBinRule(std::string_view name);

struct HistogramBins {
  BinRule rule = BinRule::kFreedmanDiaconis;
  double width = 0;           // in a result, the bin width used (every rule)
  std::vector<double> edges;  // n + 1 edges; bins are [e_i, e_i+1), the last closed
  std::vector<int64_t> counts;
  // Set when the rule asked for could not be used (Freedman–Diaconis with an IQR of 0 falls
  // back to Sturges), saying so; shown on the chart.
  std::string note;
};
// The bins for `values` (NaN skipped). InvalidArgument, saying which, for no values, an infinite
// value, values spanning more than a double holds, a fixed width that is not positive and finite
// or is below the values' precision, or a width giving more than 1000 bins.
Result<HistogramBins> ComputeHistogramBins(std::span<const double> values, BinRule rule,
                                           double width = 0);

// The count a normal distribution with `mean` and `sd` puts in a bin of width `bin_width`
// centred at x, for `n` values: n · w · φ((x − mean) / sd) / sd, the density scaled to a
// histogram's counts (the curve Minitab and R's curve(dnorm) overlay on a histogram).
// src/stats/normal_curve.cc. The caller checks sd > 0 and finite; otherwise the result is
// not finite.
double NormalBinCount(double x, double mean, double sd, double n, double bin_width);

}  // namespace kaizen

#endif  // KAIZEN_HISTOGRAM_H_
