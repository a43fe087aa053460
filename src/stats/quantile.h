// Hyndman & Fan (1996) sample quantiles over order statistics, shared by Describe and Quantile.
//
// Split in two so that a caller can ask for several quantiles and pay for selection once:
// QuantilePlan says which order statistics a quantile needs and how to blend them; the caller
// puts those order statistics in place (a full sort, or nth_element) and then Blend reads them.
#ifndef KAIZEN_STATS_QUANTILE_H_
#define KAIZEN_STATS_QUANTILE_H_

#include <cstddef>
#include <span>
#include <vector>

#include "kaizen/stats.h"

namespace kaizen::stats {

// Quantile = (1 - h) x_(lo) + h x_(hi), with lo and hi 0-based order-statistic indices.
struct QuantilePlan {
  std::size_t lo = 0;
  std::size_t hi = 0;
  double h = 0;
};

// The plan for probability p (0 <= p <= 1) over n >= 1 values. Follows R 4.x
// quantile.default (src/library/stats/R/quantile.R) step for step, including its fuzz of
// 4 machine epsilons on the index, so results agree with R's to the last digit.
QuantilePlan PlanQuantile(std::size_t n, double p, QuantileMethod method);

// Rearranges `values` (a scratch copy) so that every index in `indices` holds its order
// statistic, by successive nth_element calls over shrinking ranges: O(n) per distinct index in
// the worst case, far less than a sort when only a handful are needed.
void SelectOrderStatistics(std::vector<double>& values, std::vector<std::size_t> indices);

// Applies the plan to values whose planned order statistics are in place.
double BlendQuantile(std::span<const double> arranged, const QuantilePlan& plan);

}  // namespace kaizen::stats

#endif  // KAIZEN_STATS_QUANTILE_H_
