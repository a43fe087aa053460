// The interface every chart type implements: from one segment's plotted values to its centre
// line and its ±1, ±2, ±3 sigma lines. One file per chart type (xmr.cc, p.cc, ...), dispatched
// by ComputeChartLines() in chart.cc. Internal to the spc/ folder.
//
// A chart function reads only its input and writes only its output; it never allocates per
// point (scratch space, when needed, comes in ChartScratch and is reused across calls).
#ifndef KAIZEN_SPC_CHART_H_
#define KAIZEN_SPC_CHART_H_

#include <cmath>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "kaizen/model.h"
#include "kaizen/profile.h"
#include "kaizen/status.h"

namespace kaizen::spc {

// One segment of a series, as columns over all of its points (ghosted and missing included).
struct ChartInput {
  // The statistic the chart plots, already computed by the engine: the value (run, xmr, mr,
  // c, g, t), numerator / denominator (p, u, p′, u′), the numerator (np), the subgroup mean
  // (xbar) or the subgroup SD (s). NaN where missing or unusable.
  std::span<const double> y;
  std::span<const double> numerator;    // empty unless the chart uses it
  std::span<const double> denominator;  // p, np, u, p′, u′: n; xbar, s: subgroup size
  std::span<const double> subgroup_sd;  // xbar, s
  // 1 where the point is kept: has a value and is not ghosted. Moving ranges are taken
  // between consecutive kept points, spanning ghosted and missing ones.
  std::span<const uint8_t> kept;
  // 1 where the point supplies the estimates: kept and in the baseline.
  std::span<const uint8_t> estimate;
};

// Lines for every point of the segment (NaN where a chart has none), plus segment estimates.
struct ChartOutput {
  std::span<double> y;  // the plotted value: a copy of input.y except for the mr chart
  std::span<double> centre;
  std::span<double> lower3, lower2, lower1, upper1, upper2, upper3;
  double centre_value = kMissing;  // the segment's centre (for p, u: p̄, ū)
  double mr_bar = kMissing;        // average moving range used for the limits (XmR family)
  double sigma = kMissing;         // estimated sigma (for p and u charts: at n = 1)
  double sigma_z = kMissing;       // p′, u′: Laney's σz that scales the model sigma (laney.h)
  bool has_limits = false;
  // sigma is 0 only because screening dropped every non-zero moving range: the data vary, and
  // the peers that screen judge every point off the centre as beyond the zero-width limits.
  bool screened_to_zero = false;
};

// Reusable buffers for chart functions that need temporary columns.
struct ChartScratch {
  std::vector<double> a, b, c;
};

// Computes the lines of one segment for `type`. Returns FailedPrecondition when no point
// supplies estimates (the lines are then NaN), InvalidArgument for a chart the segment's data
// cannot support (np with varying denominators).
Status ComputeChartLines(ChartType type, const ChartInput& in, const Profile& profile,
                         ChartScratch* scratch, ChartOutput* out);

// One function per chart type, each in its own file.
Status ComputeRunLines(const ChartInput& in, const Profile& p, ChartScratch* s, ChartOutput* out);
Status ComputeXmrLines(const ChartInput& in, const Profile& p, ChartScratch* s, ChartOutput* out);
Status ComputeMrLines(const ChartInput& in, const Profile& p, ChartScratch* s, ChartOutput* out);
Status ComputeXbarLines(const ChartInput& in, const Profile& p, ChartScratch* s, ChartOutput* out);
Status ComputeSLines(const ChartInput& in, const Profile& p, ChartScratch* s, ChartOutput* out);
Status ComputePLines(const ChartInput& in, const Profile& p, ChartScratch* s, ChartOutput* out);
Status ComputeNpLines(const ChartInput& in, const Profile& p, ChartScratch* s, ChartOutput* out);
Status ComputeCLines(const ChartInput& in, const Profile& p, ChartScratch* s, ChartOutput* out);
Status ComputeULines(const ChartInput& in, const Profile& p, ChartScratch* s, ChartOutput* out);
Status ComputePPrimeLines(const ChartInput& in, const Profile& p, ChartScratch* s,
                          ChartOutput* out);
Status ComputeUPrimeLines(const ChartInput& in, const Profile& p, ChartScratch* s,
                          ChartOutput* out);
Status ComputeGLines(const ChartInput& in, const Profile& p, ChartScratch* s, ChartOutput* out);
Status ComputeTLines(const ChartInput& in, const Profile& p, ChartScratch* s, ChartOutput* out);

// Shared helpers (chart_helpers.cc).
// Sets every line of point i to centre ± k·sigma for k = 1, 2, 3. Inline: it runs per point.
inline void SetSymmetricLines(ChartOutput* out, std::size_t i, double centre, double sigma) {
  out->centre[i] = centre;
  out->lower3[i] = centre - 3 * sigma;
  out->lower2[i] = centre - 2 * sigma;
  out->lower1[i] = centre - sigma;
  out->upper1[i] = centre + sigma;
  out->upper2[i] = centre + 2 * sigma;
  out->upper3[i] = centre + 3 * sigma;
}
// Clips every line of every point into [lo, hi] (p charts: [0, 1]; counts: [0, inf)).
void ClipLines(ChartOutput* out, double lo, double hi);
// Fills every line and the centre with NaN.
void ClearLines(ChartOutput* out);
// The median of *values (reorders them); for an even count the mean of the two middle values,
// as R's median() takes it. NaN when empty.
double Median(std::vector<double>* values);

// Calls f(mr, i) for each moving range |v_i − v_previous| between consecutive kept points whose
// both ends estimate, in order. Ghosted points are stepped over (spc-spec.md, "Segments"); a
// missing value is stepped over too under MrAcrossGaps::kBridge, but under kBreak it ends the
// chain, so neither range next to it exists (qicharts2 0.8.1: diff() of a vector with NA).
template <typename F>
void ForEachMovingRange(std::span<const double> v, std::span<const uint8_t> kept,
                        std::span<const uint8_t> estimate, MrAcrossGaps gaps, F&& f) {
  double previous = kMissing;
  bool previous_estimates = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!kept[i]) {
      if (gaps == MrAcrossGaps::kBreak && std::isnan(v[i])) previous = kMissing;
      continue;
    }
    if (!std::isnan(previous) && previous_estimates && estimate[i])
      f(std::fabs(v[i] - previous), i);
    previous = v[i];
    previous_estimates = estimate[i] != 0;
  }
}

// Average moving range over consecutive kept-and-estimating points of `v`, bridging gaps and
// screened as the profile says. NaN when there is no moving range, or when screening keeps none.
double AverageMovingRange(std::span<const double> v, std::span<const uint8_t> kept,
                          std::span<const uint8_t> estimate, const Profile& p);
// The mean of `v` over the estimating points. NaN when no point estimates.
double MeanOfEstimating(std::span<const double> v, std::span<const uint8_t> estimate);
// The unscreened average moving range: as AverageMovingRange with screening off, whatever the
// profile says (the mr chart's centre line; qicharts2 0.8.1 and PowerBI-SPC 1.7 never screen it).
double MeanMovingRange(std::span<const double> v, std::span<const uint8_t> kept,
                       std::span<const uint8_t> estimate, MrAcrossGaps gaps);
// Σ numerator / Σ denominator over the estimating points: p̄ of a p chart, ū of a u chart
// (Montgomery 7.7 and 7.19). The numerator is in.numerator when given, else y·denominator.
// NaN when the estimating denominators sum to zero or no point estimates.
double PooledRatio(const ChartInput& in);
// Validates the kept points of `in` for chart `chart` (named in the message): InvalidArgument
// naming the first kept point whose value is NaN or outside [lo, hi], or, when
// `needs_denominator`, whose denominator is not a finite positive number. Ok otherwise.
Status CheckKeptPoints(const ChartInput& in, std::string_view chart, double lo, double hi,
                       bool needs_denominator);
// The within-subgroup standard deviation s̄ that the xbar and s charts scale their lines by,
// from the estimating points' sizes (in.denominator) and SDs (in.subgroup_sd), per
// profile.subgroup_sigma: pooled √(Σ(nᵢ−1)sᵢ²/Σ(nᵢ−1)) (Montgomery 6.31), or, when every
// estimating subgroup has the same size and the profile allows it, the mean of the sᵢ (Montgomery
// 6.29; qicharts2 0.8.1). Subgroups of one have no SD and add nothing. Under
// profile.qicharts2_empty_subgroup_quirk an empty subgroup (size 0) in the baseline makes the
// sizes vary and takes one from the pooled degrees of freedom, as qicharts2 0.8.1 does
// (conformance README, NA_test). NaN when no estimating subgroup has two or more values.
double SubgroupSdEstimate(const ChartInput& in, const Profile& p);

}  // namespace kaizen::spc

#endif  // KAIZEN_SPC_CHART_H_
