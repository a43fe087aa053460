// Laney's p′ and u′ charts share one computation (Laney, "Improved control charts for
// attributes", Quality Engineering 14(4), 2002): the p or u chart's sigma, scaled by the
// between-subgroup variation measured on the z-scores. Internal to spc/ (pprime.cc, uprime.cc).
#ifndef KAIZEN_SPC_LANEY_H_
#define KAIZEN_SPC_LANEY_H_

#include "spc/chart.h"

namespace kaizen::spc {

enum class LaneyBase { kBinomial, kPoisson };  // p′: √(p̄(1−p̄)/n); u′: √(ū/n)

// Fills `out` for a p′ (kBinomial) or u′ (kPoisson) chart. Same errors as ComputePLines and
// ComputeULines. Uses scratch->a for the z-scores.
Status ComputeLaneyLines(LaneyBase base, const ChartInput& in, const Profile& p,
                         ChartScratch* scratch, ChartOutput* out);

}  // namespace kaizen::spc

#endif  // KAIZEN_SPC_LANEY_H_
