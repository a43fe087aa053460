// Over-dispersion of attribute charts named (issue 7): Laney's σz for every segment of a p, np,
// c, u, p′ or u′ chart, and a warning when a p, np, c or u segment varies much more than its
// binomial or Poisson model allows, so that a chart whose points nearly all fall outside its
// limits says why. Internal to spc/; called once per series by the engine.
#ifndef KAIZEN_SPC_OVERDISPERSION_H_
#define KAIZEN_SPC_OVERDISPERSION_H_

#include <cstdint>
#include <span>

#include "kaizen/spc.h"
#include "spc/chart.h"

namespace kaizen::spc {

// σz above this says the segment is over-dispersed. kaizen's choice, calibrated rather than
// quoted (docs/formulas.md, "Over-dispersion"): Laney (2002) defines σz = 1 as "the model
// holds" without a cut-off; under the model the 99th percentile of MR̄(z)/1.128 is 1.63 for 15
// points, 1.49 for 24 and 1.39 for 36 (simulation in formulas.md), and Minitab's P and U Chart
// Diagnostic reports 95% upper limits of 129% to 148% for the observed/expected ratio in its
// documented examples.
inline constexpr double kOverdispersionSigmaZ = 1.5;

// Sets out->segments[k].sigma_z for the charts above: from the z-scores of the segment's points
// for p, np, c and u (zᵢ = (yᵢ − centre)/σᵢ with the chart's own σᵢ); p′ and u′ segments keep the
// σz their limits used (the engine copies it). `kept` and `estimate` are the engine's masks over
// the whole series. Appends an kOverdispersion warning per over-dispersed p, np, c or u segment
// that has limits. Other charts are left alone. Uses scratch->b for the z-scores.
void AssessDispersion(ChartType chart, const Profile& profile, std::span<const uint8_t> kept,
                      std::span<const uint8_t> estimate, ChartScratch* scratch, SeriesResult* out);

}  // namespace kaizen::spc

#endif  // KAIZEN_SPC_OVERDISPERSION_H_
