// What each chart type is, in one table: the columns a row needs, what it plots, what a count
// may be, whether it has limits, the model its sigma comes from and whether it can give
// assurance. The engine, the readers, the catalogue, the renderers and the jobs read these
// facts from here instead of listing chart types, so a new chart type adds its row here and its
// lines in its own file under src/spc/ (src/README.md, "Where new work goes").
//
// The table is constexpr and immutable: safe to read from any thread, and free in hot loops.
#ifndef KAIZEN_CHART_TRAITS_H_
#define KAIZEN_CHART_TRAITS_H_

#include <array>
#include <cstddef>

#include "kaizen/model.h"

namespace kaizen {

// The statistic a chart plots for one row, which fixes the columns of a Series it reads
// (spc-spec.md, "Chart types and formulas"; docs/formulas.md, "Chart types").
enum class Plotted {
  kValue,         // the value column as given: run, xmr, mr, c, g, t
  kProportion,    // numerator / denominator, at most 1: p, p′
  kDefectives,    // the numerator, at most the denominator (constant n): np
  kRate,          // numerator / denominator of any size: u, u′
  kSubgroupMean,  // the value column (a subgroup mean) with its size in the denominator: x̄
  kSubgroupSd,    // the subgroup SD column with its size in the denominator: s
};

// What the plotted count (the value, or the numerator of a ratio) may be.
enum class CountDomain {
  kAny,          // any number: run, xmr, mr, x̄, s
  kNonNegative,  // a count of events, zero or more: p, np, c, u, p′, u′, g
  kPositive,     // a time between events, above zero: t
};

// Where a chart's sigma comes from when it is not measured from moving ranges or subgroups.
enum class SigmaModel {
  kNone,      // measured from the data (run, xmr, mr, x̄, s) or its own model (g, t)
  kBinomial,  // p, np, p′
  kPoisson,   // c, u, u′
};

// Whether the centre line is the median or the mean; "Median" or "Mean" in every output.
enum class CentreLine { kMean, kMedian };

// One chart type's facts. The defaults are those of most charts, so a row names only where
// its chart differs.
struct ChartTraits {
  ChartType type = ChartType::kXmr;
  Plotted plots = Plotted::kValue;
  CountDomain domain = CountDomain::kAny;
  bool whole_counts = false;  // the count must be a whole number (c, np): 2.5 events is an error
  CentreLine centre = CentreLine::kMean;
  bool has_limits = true;                // false for the run chart: runs rules, no limits
  SigmaModel model = SigmaModel::kNone;  // the binomial or Poisson model of an attribute chart
  bool laney = false;                    // p′, u′: limits already widened by Laney's σz
  bool gives_assurance = true;           // false for g and t: MDC shows no assurance icon
                                         // for them (spc-spec.md, "Classification and icons")

  // The value column (run, xmr, mr, c, g, t, x̄).
  constexpr bool ReadsValue() const {
    return plots == Plotted::kValue || plots == Plotted::kSubgroupMean;
  }
  // The numerator and denominator columns (p, np, u, p′, u′).
  constexpr bool ReadsRatio() const {
    return plots == Plotted::kProportion || plots == Plotted::kDefectives ||
           plots == Plotted::kRate;
  }
  // The subgroup size (denominator column) and SD columns (x̄, s).
  constexpr bool ReadsSubgroup() const {
    return plots == Plotted::kSubgroupMean || plots == Plotted::kSubgroupSd;
  }
};

// One row per ChartType, in the enum's order (checked below).
inline constexpr std::array<ChartTraits, 13> kChartTraits = {{
    {.type = ChartType::kRun, .centre = CentreLine::kMedian, .has_limits = false},
    {.type = ChartType::kXmr},
    {.type = ChartType::kMr},
    {.type = ChartType::kXbar, .plots = Plotted::kSubgroupMean},
    {.type = ChartType::kS, .plots = Plotted::kSubgroupSd},
    {.type = ChartType::kP,
     .plots = Plotted::kProportion,
     .domain = CountDomain::kNonNegative,
     .model = SigmaModel::kBinomial},
    {.type = ChartType::kNp,
     .plots = Plotted::kDefectives,
     .domain = CountDomain::kNonNegative,
     .whole_counts = true,
     .model = SigmaModel::kBinomial},
    {.type = ChartType::kC,
     .domain = CountDomain::kNonNegative,
     .whole_counts = true,
     .model = SigmaModel::kPoisson},
    {.type = ChartType::kU,
     .plots = Plotted::kRate,
     .domain = CountDomain::kNonNegative,
     .model = SigmaModel::kPoisson},
    {.type = ChartType::kPPrime,
     .plots = Plotted::kProportion,
     .domain = CountDomain::kNonNegative,
     .model = SigmaModel::kBinomial,
     .laney = true},
    {.type = ChartType::kUPrime,
     .plots = Plotted::kRate,
     .domain = CountDomain::kNonNegative,
     .model = SigmaModel::kPoisson,
     .laney = true},
    {.type = ChartType::kG, .domain = CountDomain::kNonNegative, .gives_assurance = false},
    {.type = ChartType::kT, .domain = CountDomain::kPositive, .gives_assurance = false},
}};

namespace chart_traits_internal {
constexpr bool InEnumOrder() {
  for (std::size_t i = 0; i < kChartTraits.size(); ++i)
    if (static_cast<std::size_t>(kChartTraits[i].type) != i) return false;
  return true;
}
}  // namespace chart_traits_internal
static_assert(chart_traits_internal::InEnumOrder(),
              "kChartTraits must hold one row per ChartType, in the enum's order");

// The row of `type`. `type` must be a ChartType value (every enumerator has a row); a value
// cast from an out-of-range integer is a precondition violation.
constexpr const ChartTraits& TraitsOf(ChartType type) {
  return kChartTraits[static_cast<std::size_t>(type)];
}

}  // namespace kaizen

#endif  // KAIZEN_CHART_TRAITS_H_
