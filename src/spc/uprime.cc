// Laney u′ chart: the u chart for large exposures, whose Poisson sigma √(ū/nᵢ) is scaled by σz,
// the XmR sigma of the z-scores zᵢ = (uᵢ − ū)/σᵢ (Laney, Quality Engineering 14(4), 2002;
// qicharts2 0.8.1 qic.up(); PowerBI-SPC 1.7 uprimeLimits()). Lines ū ± k·σᵢ·σz, floored at 0.
// See laney.cc.
#include "spc/chart.h"
#include "spc/laney.h"

namespace kaizen::spc {

Status ComputeUPrimeLines(const ChartInput& in, const Profile& p, ChartScratch* s,
                          ChartOutput* out) {
  return ComputeLaneyLines(LaneyBase::kPoisson, in, p, s, out);
}

}  // namespace kaizen::spc
