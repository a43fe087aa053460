// Laney's p′ and u′ charts share one computation (Laney, "Improved control charts for
// attributes", Quality Engineering 14(4), 2002): the p or u chart's sigma, scaled by the
// between-subgroup variation measured on the z-scores. Internal to spc/ (pprime.cc, uprime.cc).
#ifndef KAIZEN_SPC_LANEY_H_
#define KAIZEN_SPC_LANEY_H_

#include <cstdint>
#include <span>

#include "spc/chart.h"

namespace kaizen::spc {

enum class LaneyBase { kBinomial, kPoisson };  // p′: √(p̄(1−p̄)/n); u′: √(ū/n)

// The standardised value zᵢ = (yᵢ − centre)/σᵢ of a point whose model sigma is σᵢ (Laney 2002,
// eq. 1). When σᵢ is 0 (p̄ of 0 or 1, ū of 0) every estimating point equals the centre, so z is 0.
inline double StandardisedValue(double y, double centre, double sigma_i) {
  return sigma_i > 0.0 ? (y - centre) / sigma_i : 0.0;
}

// Laney's σz: the standard deviation of the z-scores `z` estimated from their moving ranges
// exactly as the XmR chart takes sigma from MR̄, screening and sigma constant included:
// σz = (xmr_sigma_constant/3)·MR̄(z), which is MR̄(z)/1.128 under the qicharts2 and pbi-spc
// profiles (Laney 2002, eq. 4; PowerBI-SPC 1.7 pprimeLimits()). 1 when the data vary as the
// binomial or Poisson model expects. Sets *mr_bar to MR̄(z). NaN when fewer than two points
// estimate. The one place kaizen computes σz: the p′ and u′ limits and the over-dispersion
// check of the p, np, c and u charts (overdispersion.cc) both call it.
double LaneySigmaZ(std::span<const double> z, std::span<const uint8_t> kept,
                   std::span<const uint8_t> estimate, const Profile& p, double* mr_bar);

// Fills `out` for a p′ (kBinomial) or u′ (kPoisson) chart. Same errors as ComputePLines and
// ComputeULines. Uses scratch->a for the z-scores.
Status ComputeLaneyLines(LaneyBase base, const ChartInput& in, const Profile& p,
                         ChartScratch* scratch, ChartOutput* out);

}  // namespace kaizen::spc

#endif  // KAIZEN_SPC_LANEY_H_
