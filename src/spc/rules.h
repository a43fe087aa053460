// The special-cause rules. Each rule reads the judged points of one segment (or, for a trend
// across rebases, of the whole series) and writes its flags into the points' RuleFlags.
// Internal to spc/; the parameters come from the Profile (docs/profiles.md).
//
// "Judged" points are those with a value that are not ghosted: missing and ghosted points are
// stepped over, so they neither make nor break a run (spc-spec.md, "Segments").
#ifndef KAIZEN_SPC_RULES_H_
#define KAIZEN_SPC_RULES_H_

#include <cstdint>
#include <span>

#include "kaizen/profile.h"
#include "kaizen/spc.h"

namespace kaizen::spc {

struct RuleInput {
  std::span<PointResult> points;    // the whole series; flags are written here
  std::span<const int32_t> judged;  // indices into points, in period order
  bool has_limits = false;          // the segment has sigma lines (zone rules need them)
};

// The longest window an "M of N" rule may have (a bound that keeps its state on the stack).
inline constexpr std::size_t kMaxZoneWindow = 32;

// Sets points[i].rules[rule] for the points each rule flags.
void ApplyBeyondLimits(const RuleInput& in, const Profile& p);
void ApplyShift(const RuleInput& in, const Profile& p);
void ApplyTrend(const RuleInput& in, const Profile& p);
void ApplyZoneRule(const RuleInput& in, const ZoneRule& rule, RuleId id);
void ApplyAlternating(const RuleInput& in, const Profile& p);
void ApplyStratification(const RuleInput& in, const Profile& p);
void ApplyMixture(const RuleInput& in, const Profile& p);

// Runs analysis of one segment (Anhøj 2014, 2015; Perla et al. 2011). Points on the centre
// line are dropped. Fills longest_run, crossings, runs and the Anhøj thresholds of *segment,
// and flags every judged point of the segment when the profile's rule is on and signals.
void ApplyRunsAnalysis(const RuleInput& in, const Profile& p, SegmentResult* segment);

// Anhøj thresholds for n useful points (Anhøj and Olesen 2014, PLoS ONE 9(11): e113825):
// longest run signals above round(log2 n) + 3; crossings signal below the 5th percentile of
// Binomial(n − 1, 0.5). Both 0 when n < 1.
int AnhoejLongestRunMax(int n);
int AnhoejCrossingsMin(int n);

// IHI run-chart limits for the number of runs (Perla, Provost and Murray 2011, table 1, from
// Swed and Eisenhart 1943): fewer than `lower` or more than `upper` runs signal. Returns false
// when n is outside the table.
bool IhiRunCountLimits(int n, int* lower, int* upper);

}  // namespace kaizen::spc

#endif  // KAIZEN_SPC_RULES_H_
