// Normal scores for normal probability plots (kaizen/stats.h, NormalScores).
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "kaizen/stats.h"
#include "stats/distributions.h"

namespace kaizen {

std::vector<double> NormalScores(std::span<const double> values) {
  std::vector<double> scores(values.size(), std::numeric_limits<double>::quiet_NaN());
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < values.size(); ++i)
    if (std::isfinite(values[i])) order.push_back(i);
  // Stable, so tied values keep their input order and take consecutive ranks.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  const double n = static_cast<double>(order.size());
  for (std::size_t r = 0; r < order.size(); ++r) {
    // Benard's approximation to the median rank (Benard & Bos-Levenbach 1953), as Minitab's
    // probability plots use it.
    scores[order[r]] = stats::NormalQuantile((static_cast<double>(r) + 1 - 0.3) / (n + 0.4));
  }
  return scores;
}

}  // namespace kaizen
