// The warning that a series and its target cannot both be right (issue 8): every value of a
// proportion lies on the far side of 50 % from a target on the good side, as when the breach
// rate is charted against the 95 % four-hour standard. A warning only: it changes no point,
// flag, icon or limit. Internal to spc/; called once per series by the engine.
#ifndef KAIZEN_SPC_TARGET_PLAUSIBILITY_H_
#define KAIZEN_SPC_TARGET_PLAUSIBILITY_H_

#include <optional>

#include "kaizen/model.h"
#include "kaizen/spc.h"

namespace kaizen::spc {

// What a value of the indicator reads at 100 %: the multiplier of a p or p′ chart (100 when
// percentages are plotted, 1 for proportions), 100 for a run or XmR chart whose unit is "%".
// nullopt for every other measure: a count, rate or time has no complement, so a process far
// from its target there is as likely a real failure as a mistake, and nothing is said.
std::optional<double> WholeOfProportion(const Indicator& indicator);

// Appends a WarningCode::kImplausibleTarget warning to out->warnings when the indicator has a
// better direction, a target is in force at every plotted point (not missing, not ghosted),
// and every such value lies on the other side of half the whole from its target, the target
// being on the good side (higher is better: target above 50 %, every value below; lower is
// better: the mirror image). Such values are nearer the complement of the target than the
// target itself. Reads the plotted values and out->decimals (for the message), so it runs
// after the points are filled.
void WarnIfTargetImplausible(const Indicator& indicator, SeriesResult* out);

}  // namespace kaizen::spc

#endif  // KAIZEN_SPC_TARGET_PLAUSIBILITY_H_
