// Input checks shared by the statistics: missing values are skipped, infinities rejected.
#ifndef KAIZEN_STATS_INPUT_H_
#define KAIZEN_STATS_INPUT_H_

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "kaizen/status.h"

namespace kaizen::stats {

// InvalidArgument naming the 1-based position of an infinite value ("value 5 is +infinity").
// `what` names the column ("x", "y", "column 'gnp'") or is empty for a single column.
Status InfiniteValue(std::size_t index, double value, const std::string& what = "");

// Appends the non-missing values of `values` to `out` (NaN is missing). Fails on ±infinity.
Status CollectFinite(std::span<const double> values, std::vector<double>& out);

// Complete cases of two equal-length columns: pairs where neither is NaN.
Status CollectPairs(std::span<const double> x, std::span<const double> y, std::vector<double>& xs,
                    std::vector<double>& ys);

}  // namespace kaizen::stats

#endif  // KAIZEN_STATS_INPUT_H_
