// Rule profiles: every choice that makes one SPC tool's signals differ from another's, as an
// explicit, named parameter. A profile is a plain value; the named ones (mdc, mdc-2023, nhsr,
// qicharts2, pbi-spc, western-electric, nelson, ihi-run) are built by FindProfile() and
// documented, parameter by parameter with their sources, in docs/profiles.md.
//
// Parameters are also reachable by name (ProfileParameters()), which is how an indicator
// overrides one ("trend.length = 6"), how `kaizen profiles` lists them, and how two profiles
// are compared to say which parameter explains a disagreement.
#ifndef KAIZEN_PROFILE_H_
#define KAIZEN_PROFILE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kaizen/status.h"

namespace kaizen {

// Which points of a run (shift, trend) are flagged once the run is long enough.
enum class RunFlagging {
  kWholeRun,  // every point of the run (MDC Excel tool, NHSRplotthedots 0.2.2)
  kFromNth,   // only the N-th point of the run and those after it (Minitab's tests)
};

// How equal neighbours are treated inside a trend.
enum class TrendTies {
  kBreak,  // an equal neighbour ends the trend (MDC, NHSRplotthedots)
  kSkip,   // equal neighbours count as one point and neither make nor break it (IHI)
};

// Which side a trend point is flagged on.
enum class TrendSide {
  kRun,       // the trend's own direction
  kNextStep,  // NHSRplotthedots 0.2.2: the sign of the step to the next point when that point
              // is a trend point too, else of the step from the previous one; anything but a
              // rise reads as falling (so the last point of a rise followed by an equal value
              // that starts another trend is "Decreasing")
};

// How the moving ranges are screened before MR̄ is used for the limits.
enum class MrScreening {
  kOff,
  kExcludeAboveUcl,  // drop MRs above 3.267·MR̄ (factor configurable), recompute MR̄ once
};

// What a missing value does to the moving range across it.
enum class MrAcrossGaps {
  kBridge,  // the range joins the values either side of the gap (MDC, NHSRplotthedots)
  kBreak,   // both ranges next to the gap are missing and dropped (qicharts2 0.8.1)
};

// How the xbar and s charts estimate sigma from subgroups.
enum class SubgroupSigma {
  kPooledWhenSizesVary,  // pooled SD if sizes vary, else the mean of the s_i (qicharts2)
  kAlwaysPooled,         // pooled SD always (PowerBI-SPC)
};

// What a point on the centre line does to a run on one side of it.
enum class OnCentre {
  kBreaks,   // ends the run (MDC)
  kIgnored,  // neither counts nor breaks (Anhøj, IHI)
};

// Which of the points of an "M of N beyond k sigma" window are flagged.
enum class ZoneFlagging {
  kBeyondPoints,  // only the points beyond k sigma (MDC)
  kWindow,        // every point of the window
};

// How a point that is both improvement and concern gets its one label.
enum class ConflictPolicy {
  kIndicatorPreference,  // the indicator says which wins (MDC)
  kPrecedence,           // a fixed rule order, see Profile::precedence (NHSRplotthedots)
  kShowBoth,             // both flags are kept; the label follows the indicator (PowerBI-SPC)
};

// How the target is compared with the process limits for the assurance icon.
enum class AssuranceComparison {
  kInclusive,  // a target exactly on a limit counts as outside it (MDC)
  kStrict,     // equality is hit-or-miss (NHSRplotthedots, PowerBI-SPC)
  kNone,       // the tool shows no assurance icon (qicharts2)
};

// The rules, in the order a precedence list names them.
enum class RuleId : unsigned char {
  kBeyondLimits = 0,  // a point beyond the k-sigma limits (WE1, Nelson 1)
  kShift,             // N points in a row on one side of the centre (WE4, Nelson 2)
  kTrend,             // N points in a row each higher (or lower) than the one before (Nelson 3)
  kTwoOfThree,        // 2 of 3 points beyond 2 sigma on one side (WE2, Nelson 5)
  kFourOfFive,        // 4 of 5 points beyond 1 sigma on one side (WE3, Nelson 6)
  kAlternating,       // 14 points in a row alternating up and down (Nelson 4)
  kStratification,    // 15 points in a row within 1 sigma (Nelson 7)
  kMixture,           // 8 points in a row beyond 1 sigma, either side (Nelson 8)
  kLongestRun,        // Anhøj: longest run longer than round(log2 n) + 3
  kCrossings,         // Anhøj: fewer crossings than qbinom(0.05, n − 1, 0.5)
  kRunCount,          // IHI: too few or too many runs (Swed–Eisenhart table)
  kCount,
  kNone = 255,
};
inline constexpr int kRuleCount = static_cast<int>(RuleId::kCount);
std::string_view RuleName(RuleId rule);  // "beyond_limits", "shift", ...

struct ZoneRule {
  bool enabled = false;
  int count = 2;                    // M points...
  int window = 3;                   // ...of N consecutive points...
  double sigma = 2.0;               // ...beyond this many sigma on the same side
  bool beyond_outer_counts = true;  // a point beyond 3 sigma counts as beyond `sigma`
  bool others_same_side = false;    // the other points of the window must be on the same side
                                    // of the centre line
  ZoneFlagging flagging = ZoneFlagging::kBeyondPoints;
};

struct Profile {
  std::string name;
  std::string description;
  std::string source;  // the peer tool and version (or standard) this profile reproduces

  // --- Limits ---
  // Half-width of the 3-sigma limits of an XmR chart as a multiple of MR̄. MDC and
  // NHSRplotthedots write 2.66; qicharts2 and PowerBI-SPC compute 3/1.128 = 2.6596...
  double xmr_sigma_constant = 2.66;
  MrScreening mr_screening = MrScreening::kOff;
  MrAcrossGaps mr_across_gaps = MrAcrossGaps::kBridge;
  double mr_screening_factor = 3.267;  // D4 for n = 2 (Montgomery, table VI)
  // The ±k lines drawn and judged: 3 is the control limit; 2 and 1 feed the zone rules.
  SubgroupSigma subgroup_sigma = SubgroupSigma::kPooledWhenSizesVary;
  // qicharts2 0.8.1 subtracts one pooled-SD degree of freedom for an all-missing subgroup.
  bool qicharts2_empty_subgroup_quirk = false;
  int min_points_for_limits = 0;  // below this many kept points a segment gets no limits/icons
  int warn_below_points = 0;      // below this many kept points a warning is raised

  // --- Rules ---
  bool beyond_limits = true;
  double beyond_limits_sigma = 3.0;      // Nelson's editable K
  bool beyond_limits_inclusive = false;  // a point exactly on a limit counts as beyond it
  // Ghosted points are still flagged when beyond the limits (qicharts2 0.8.1 marks excluded
  // points with its sigma signal); they never feed estimates or any other rule.
  bool ghosts_flagged_beyond_limits = false;

  bool shift = true;
  int shift_length = 7;
  OnCentre shift_on_centre = OnCentre::kBreaks;
  RunFlagging shift_flagging = RunFlagging::kWholeRun;

  bool trend = true;
  int trend_length = 7;  // points, so trend_length − 1 steps
  TrendTies trend_ties = TrendTies::kBreak;
  bool trend_across_segments = false;
  RunFlagging trend_flagging = RunFlagging::kWholeRun;
  TrendSide trend_side = TrendSide::kRun;

  ZoneRule two_of_three{.enabled = true,
                        .count = 2,
                        .window = 3,
                        .sigma = 2.0,
                        .beyond_outer_counts = false,
                        .others_same_side = true,
                        .flagging = ZoneFlagging::kBeyondPoints};
  ZoneRule four_of_five{.enabled = false,
                        .count = 4,
                        .window = 5,
                        .sigma = 1.0,
                        .beyond_outer_counts = true,
                        .others_same_side = false,
                        .flagging = ZoneFlagging::kBeyondPoints};
  bool alternating = false;
  int alternating_length = 14;
  bool stratification = false;
  int stratification_length = 15;
  bool mixture = false;
  int mixture_length = 8;
  bool longest_run = false;  // Anhøj: longest run > round(log2 n) + 3 (flags the segment)
  bool crossings = false;    // Anhøj: too few crossings (flags the segment)
  bool run_count = false;    // IHI too few / too many runs

  // --- Classification and icons ---
  ConflictPolicy conflict = ConflictPolicy::kIndicatorPreference;
  std::vector<RuleId> precedence;  // for kPrecedence: first wins
  AssuranceComparison assurance = AssuranceComparison::kInclusive;
};

// A per-indicator override of one named parameter, e.g. {"trend_length", "6"}.
using ProfileOverrides = std::vector<std::pair<std::string, std::string>>;

// The named profiles, in the order docs/profiles.md lists them.
std::vector<std::string> ProfileNames();
// Returns NotFound (listing the known names) for an unknown name.
Result<Profile> FindProfile(std::string_view name);

// One parameter reachable by name.
struct ParameterInfo {
  std::string name;         // "trend_length"
  std::string description;  // one line, for `kaizen profiles` and docs
};
std::vector<ParameterInfo> ProfileParameters();
// The parameter's value as text ("7", "true", "whole_run"). NotFound for an unknown name.
Result<std::string> GetParameter(const Profile& profile, std::string_view name);
// Sets a parameter from text. InvalidArgument naming the parameter and what was expected when
// the text is not a valid value; NotFound for an unknown name.
Status SetParameter(Profile* profile, std::string_view name, std::string_view value);
// The profile named `name` with `overrides` applied in order; the first failure is returned.
Result<Profile> ResolveProfile(std::string_view name, const ProfileOverrides& overrides);

}  // namespace kaizen

#endif  // KAIZEN_PROFILE_H_
