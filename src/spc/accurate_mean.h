// The one mean behind every centre line and every average moving range: R's mean() of doubles,
// which both R peers (NHSRplotthedots, qicharts2) take their centres and MR̄ from. A point that
// equals the mean in R must be on the centre line here too, or a run R breaks at the mean
// becomes a signal (issue 7; conformance/differential/README.md, "Ties with the mean").
//
// The algorithm is R 4.2's real_mean() (src/main/summary.c): accumulate the sum in long double
// (x87 80-bit on x86-64, a 64-bit significand), divide by n, then add a correction pass, the
// mean of the residuals x_i − s, again in long double, and round to double once. The result is
// the double nearest the exact mean, so it does not depend on the order of the values, except
// when they cancel to a mean far below their own size (the sum of 126.638, 38.798, 77.974,
// −53.977 and −190.057, say): there the last bit may depend on the order, as it does in R, and
// the answer is still R's bit for bit. Header-only because it runs in
// the engine's hot loop and its callers pass the values as a visitor (a mask, moving ranges
// computed on the fly) without building a vector.
#ifndef KAIZEN_SPC_ACCURATE_MEAN_H_
#define KAIZEN_SPC_ACCURATE_MEAN_H_

#include <cmath>
#include <cstddef>
#include <limits>

namespace kaizen::spc {

// `for_each_value(add)` must call add(x) for each value, in the same order each time: it is
// called twice. Returns NaN when it visits no value.
template <typename ForEachValue>
double AccurateMean(ForEachValue&& for_each_value) {
  long double sum = 0.0L;
  std::size_t n = 0;
  for_each_value([&](double x) {
    sum += x;
    ++n;
  });
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  const auto count = static_cast<long double>(n);
  long double mean = sum / count;
  if (!std::isfinite(static_cast<double>(sum))) {
    // R: an infinite sum may only have overflowed the double range; sum the terms x/n instead
    // (each divided in double, as R does).
    const auto n_double = static_cast<double>(n);
    mean = 0.0L;
    for_each_value([&](double x) { mean += x / n_double; });
  }
  if (std::isfinite(static_cast<double>(mean))) {
    long double residuals = 0.0L;
    for_each_value([&](double x) { residuals += x - mean; });
    mean += residuals / count;
  }
  return static_cast<double>(mean);
}

// The long-double sum of the visited values, rounded once: R's sum() of doubles (summary.c,
// rsum), which qicharts2 divides for the centre of its p and u charts.
template <typename ForEachValue>
double AccurateSum(ForEachValue&& for_each_value) {
  long double sum = 0.0L;
  for_each_value([&](double x) { sum += x; });
  return static_cast<double>(sum);
}

}  // namespace kaizen::spc

#endif  // KAIZEN_SPC_ACCURATE_MEAN_H_
