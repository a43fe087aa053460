// Tukey box-plot statistics (Tukey, Exploratory Data Analysis, 1977): quartiles, whisker ends
// and outliers, for RenderBoxPlotSvg to draw.
#include <algorithm>
#include <cmath>
#include <vector>

#include "kaizen/stats.h"

namespace kaizen {

BoxStats ComputeBoxStats(std::span<const double> values) {
  BoxStats b;
  std::vector<double> v;
  for (const double x : values) {
    if (std::isfinite(x)) v.push_back(x);
  }
  b.n = v.size();
  if (v.empty()) return b;
  // Every value is finite and there is at least one, so none of the three can fail.
  b.q1 = *Quantile(v, 0.25, QuantileMethod::kType7);
  b.median = *Quantile(v, 0.5, QuantileMethod::kType7);
  b.q3 = *Quantile(v, 0.75, QuantileMethod::kType7);
  // Tukey's inner fences: 1.5 interquartile ranges beyond the box.
  const double fence = 1.5 * (b.q3 - b.q1);
  b.low = b.q1;
  b.high = b.q3;
  for (const double x : v) {
    if (x < b.q1 - fence || x > b.q3 + fence) {
      b.outliers.push_back(x);
    } else {
      b.low = std::min(b.low, x);
      b.high = std::max(b.high, x);
    }
  }
  std::sort(b.outliers.begin(), b.outliers.end());
  return b;
}

}  // namespace kaizen
