// The named rule profiles. Each parameter's value and source is tabulated in docs/profiles.md;
// the peer-tool facts come from spc-spec.md (read from each tool's source) and are pinned by
// the conformance cases in tests/conformance.
#include <array>
#include <string>

#include "kaizen/profile.h"

namespace kaizen {
namespace {

// 3 / d2 with d2 = 1.128 for moving ranges of two (Montgomery, Appendix table VI).
constexpr double kThreeOverD2 = 3.0 / 1.128;

Profile Mdc() {
  Profile p;
  p.name = "mdc";
  p.description =
      "NHS England Making Data Count (the default): XmR 2.66, no screening, 7-point shift and "
      "trend, 2 of 3 in the outer band, 15 points for limits";
  p.source =
      "NHS England Making Data Count Excel tool and 'Making Data Count: strengthening "
      "your decisions' (2019); spc-spec.md";
  p.xmr_sigma_constant = 2.66;
  p.mr_screening = MrScreening::kOff;
  p.min_points_for_limits = 15;
  p.beyond_limits = true;
  p.shift = true;
  p.shift_length = 7;
  p.shift_on_centre = OnCentre::kBreaks;
  p.shift_flagging = RunFlagging::kWholeRun;
  p.trend = true;
  p.trend_length = 7;
  p.trend_ties = TrendTies::kBreak;
  p.trend_across_segments = true;  // the MDC tool computes trends across rebases
  p.trend_flagging = RunFlagging::kWholeRun;
  p.two_of_three = {.enabled = true,
                    .count = 2,
                    .window = 3,
                    .sigma = 2.0,
                    .beyond_outer_counts = false,
                    .others_same_side = true,
                    .flagging = ZoneFlagging::kBeyondPoints};
  p.conflict = ConflictPolicy::kIndicatorPreference;
  p.assurance = AssuranceComparison::kInclusive;
  return p;
}

Profile Mdc2023() {
  Profile p = Mdc();
  p.name = "mdc-2023";
  p.description =
      "Making Data Count with its announced change: points beyond 3 sigma also count "
      "in 2 of 3";
  p.two_of_three.beyond_outer_counts = true;
  return p;
}

Profile Nhsr() {
  Profile p = Mdc();
  p.name = "nhsr";
  p.description =
      "NHSRplotthedots 0.2.2: XmR 2.66 with moving-range screening, every point of a "
      "7-point shift or trend, the band points of 2 of 3, fixed precedence";
  p.source =
      "nhs-r-community/NHSRplotthedots 0.2.2 (050b07d7), R/ptd_spc_standard.R and "
      "R/ptd_calculate_point_type.R, as ptd_spc() returns them";
  p.mr_screening = MrScreening::kExcludeAboveUcl;
  p.min_points_for_limits = 0;
  p.warn_below_points = 13;
  // ptd_part_of_seven_trend() marks every point of a qualifying window, for shifts and trends.
  p.shift_flagging = RunFlagging::kWholeRun;
  p.trend_across_segments = false;
  p.trend_flagging = RunFlagging::kWholeRun;
  // ptd_special_cause_type(): the label's direction is sign(diff(y)) at the next trend point.
  p.trend_side = TrendSide::kNextStep;
  // ptd_part_of_two_in_three(): only the window's points in the band beyond 2 sigma.
  p.two_of_three.flagging = ZoneFlagging::kBeyondPoints;
  p.conflict = ConflictPolicy::kPrecedence;
  p.precedence = {RuleId::kBeyondLimits, RuleId::kTrend, RuleId::kTwoOfThree, RuleId::kShift};
  p.assurance = AssuranceComparison::kStrict;
  return p;
}

Profile Qicharts2() {
  Profile p;
  p.name = "qicharts2";
  p.description =
      "qicharts2 0.8.1 as attached with library(): 3-sigma limits (3/1.128) with "
      "moving-range screening, ranges broken at gaps, Anhøj runs and crossings, no assurance";
  p.source = "anhoej/qicharts2 0.8.1 (1b9487ec), R/helper.functions.R (qic.i, .onAttach)";
  p.xmr_sigma_constant = kThreeOverD2;
  // .onAttach sets options(qic.screenedmr = TRUE), which qic.i() and the Laney charts read.
  p.mr_screening = MrScreening::kExcludeAboveUcl;
  // qic.i() takes diff() of the values with NA kept: a gap removes both ranges next to it.
  p.mr_across_gaps = MrAcrossGaps::kBreak;
  p.qicharts2_empty_subgroup_quirk = true;
  p.ghosts_flagged_beyond_limits = true;
  p.beyond_limits = true;
  p.shift = false;
  p.trend = false;
  p.two_of_three.enabled = false;
  p.longest_run = true;
  p.crossings = true;
  p.shift_on_centre = OnCentre::kIgnored;
  p.conflict = ConflictPolicy::kShowBoth;
  p.assurance = AssuranceComparison::kNone;
  return p;
}

Profile PbiSpc() {
  Profile p;
  p.name = "pbi-spc";
  p.description =
      "PowerBI-SPC 1.7: 3/1.128 limits with moving-range screening, 7-point shift, "
      "5-point trend, 2 of 3 beyond 2 sigma; all four rules switched on";
  p.source = "AUS-DOH-Safety-and-Quality/PowerBI-SPC 1.7.4 (478773a5), src/Outlier Flagging";
  p.xmr_sigma_constant = kThreeOverD2;
  p.mr_screening = MrScreening::kExcludeAboveUcl;
  p.subgroup_sigma = SubgroupSigma::kAlwaysPooled;
  p.shift_length = 7;
  p.trend_length = 5;
  p.two_of_three = {.enabled = true,
                    .count = 2,
                    .window = 3,
                    .sigma = 2.0,
                    .beyond_outer_counts = true,
                    .others_same_side = false,
                    .flagging = ZoneFlagging::kBeyondPoints};
  p.conflict = ConflictPolicy::kShowBoth;
  p.assurance = AssuranceComparison::kStrict;
  return p;
}

Profile WesternElectric() {
  Profile p;
  p.name = "western-electric";
  p.description =
      "Western Electric rules WE1-WE4: beyond 3 sigma, 2 of 3 beyond 2 sigma, 4 of 5 "
      "beyond 1 sigma, 8 on one side";
  p.source =
      "Western Electric, Statistical Quality Control Handbook (1956), pp. 25-28; "
      "Montgomery, Introduction to SQC, 8th ed., section 5.3.6";
  p.xmr_sigma_constant = kThreeOverD2;
  p.shift_length = 8;
  p.shift_flagging = RunFlagging::kFromNth;
  p.trend = false;
  p.two_of_three = {.enabled = true,
                    .count = 2,
                    .window = 3,
                    .sigma = 2.0,
                    .beyond_outer_counts = true,
                    .others_same_side = false,
                    .flagging = ZoneFlagging::kBeyondPoints};
  p.four_of_five = {.enabled = true,
                    .count = 4,
                    .window = 5,
                    .sigma = 1.0,
                    .beyond_outer_counts = true,
                    .others_same_side = false,
                    .flagging = ZoneFlagging::kBeyondPoints};
  p.conflict = ConflictPolicy::kShowBoth;
  p.assurance = AssuranceComparison::kStrict;
  return p;
}

Profile Nelson() {
  Profile p = WesternElectric();
  p.name = "nelson";
  p.description = "Nelson tests 1-8 as Minitab applies them, with Minitab's default K values";
  p.source =
      "Nelson, 'The Shewhart control chart: tests for special causes', J. Quality "
      "Technology 16(4), 1984; Minitab 21 help, 'Tests for special causes'";
  p.shift_length = 9;  // test 2: K = 9 points on one side
  p.trend = true;      // test 3: K = 6 points increasing or decreasing
  p.trend_length = 6;
  p.trend_flagging = RunFlagging::kFromNth;
  p.alternating = true;  // test 4: K = 14 alternating
  p.alternating_length = 14;
  p.stratification = true;  // test 7: K = 15 within 1 sigma
  p.stratification_length = 15;
  p.mixture = true;  // test 8: K = 8 beyond 1 sigma, either side
  p.mixture_length = 8;
  return p;
}

Profile IhiRun() {
  Profile p;
  p.name = "ihi-run";
  p.description =
      "IHI run-chart rules: shift of 6 around the median, trend of 5, too few or too "
      "many runs";
  p.source =
      "Perla, Provost and Murray, 'The run chart: a simple analytical tool for learning "
      "from variation in healthcare processes', BMJ Qual Saf 2011;20:46-51";
  p.beyond_limits = false;
  p.shift_length = 6;
  p.shift_on_centre = OnCentre::kIgnored;
  p.trend_length = 5;
  p.trend_ties = TrendTies::kSkip;
  p.two_of_three.enabled = false;
  p.run_count = true;
  p.conflict = ConflictPolicy::kShowBoth;
  p.assurance = AssuranceComparison::kNone;
  return p;
}

using Factory = Profile (*)();
struct Named {
  std::string_view name;
  Factory make;
};
constexpr std::array<Named, 8> kProfiles = {{
    {"mdc", Mdc},
    {"mdc-2023", Mdc2023},
    {"nhsr", Nhsr},
    {"qicharts2", Qicharts2},
    {"pbi-spc", PbiSpc},
    {"western-electric", WesternElectric},
    {"nelson", Nelson},
    {"ihi-run", IhiRun},
}};

}  // namespace

std::vector<std::string> ProfileNames() {
  std::vector<std::string> names;
  for (const auto& p : kProfiles) names.emplace_back(p.name);
  return names;
}

Result<Profile> FindProfile(std::string_view name) {
  for (const auto& p : kProfiles)
    if (p.name == name) return p.make();
  std::string known;
  for (const auto& p : kProfiles) known += (known.empty() ? "" : ", ") + std::string(p.name);
  return Status::NotFound("no profile named '" + std::string(name) + "' (known: " + known + ")");
}

}  // namespace kaizen
