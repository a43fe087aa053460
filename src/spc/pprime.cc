// Laney p′ chart: the p chart for large subgroups, whose binomial sigma √(p̄(1−p̄)/nᵢ) is scaled
// by σz, the XmR sigma of the z-scores zᵢ = (pᵢ − p̄)/σᵢ, so that between-subgroup variation
// widens the limits (Laney, Quality Engineering 14(4), 2002; qicharts2 0.8.1 qic.pp();
// PowerBI-SPC 1.7 pprimeLimits()). Lines p̄ ± k·σᵢ·σz, clipped to [0, 1]. See laney.cc.
#include "spc/chart.h"
#include "spc/laney.h"

namespace kaizen::spc {

Status ComputePPrimeLines(const ChartInput& in, const Profile& p, ChartScratch* s,
                          ChartOutput* out) {
  return ComputeLaneyLines(LaneyBase::kBinomial, in, p, s, out);
}

}  // namespace kaizen::spc
