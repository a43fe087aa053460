// Every rule of every named profile, each with a minimal series that just triggers it and one
// that just misses it. Rules are driven through the public engine (AnalyseSeries), so each test
// also proves that the profile switches the rule on with the right parameters.
//
// Most tests freeze the limits on one baseline (Indicator.baseline.first_n = 16) and append the
// points under test. The baseline alternates 11, 9, 11, 9, ... and ends on 9, so by hand:
//   mean = 10, every moving range = 2, MR̄ = 2.
//   MDC constant 2.66 (mdc, mdc-2023, nhsr): sigma = 2.66/3 · 2 = 1.77333
//     1σ 8.22667 / 11.77333, 2σ 6.45333 / 13.54667, 3σ 4.68 / 15.32
//   3/1.128 (qicharts2, pbi-spc, western-electric, nelson): sigma = 2/1.128 = 1.77305
//     1σ 8.22695 / 11.77305, 2σ 6.45390 / 13.54610, 3σ 4.68085 / 15.31915
// nhsr and pbi-spc screen moving ranges at 3.267 · MR̄ = 6.534: every MR is 2, none is dropped.
// The baseline itself has no run longer than 1 and no trend longer than 2 points.
//
// "Whether a run of N counts points or steps": every shift and trend test below counts points,
// so a 7-point trend is 6 steps.
#include "spc/rules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kaizen/spc.h"
#include "test_support.h"

namespace kaizen {
namespace {

using testing::MakeIndicator;
using testing::MonthlyValues;

constexpr int kBase = 16;  // index of the first point after the baseline

std::vector<double> Baseline() {
  std::vector<double> v;
  for (int i = 0; i < kBase; ++i) v.push_back(i % 2 == 0 ? 11.0 : 9.0);
  return v;
}

std::vector<double> Repeat(double value, int n) { return std::vector<double>(n, value); }

// Analyses `values` as they are (no frozen baseline unless first_n > 0).
SeriesResult AnalyseValues(const std::string& profile, const std::vector<double>& values,
                           ChartType chart = ChartType::kXmr,
                           Direction direction = Direction::kHigherIsBetter, int first_n = 0,
                           const ProfileOverrides& overrides = {}) {
  Indicator ind = MakeIndicator(chart, direction, profile);
  ind.baseline.first_n = first_n;
  ind.overrides = overrides;
  Result<SeriesResult> r = AnalyseSeries(ind, MonthlyValues(values));
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : SeriesResult{};
}

// The baseline followed by `tail`, judged against the baseline's frozen lines.
SeriesResult AnalyseTail(const std::string& profile, const std::vector<double>& tail,
                         ChartType chart = ChartType::kXmr,
                         const ProfileOverrides& overrides = {}) {
  std::vector<double> v = Baseline();
  v.insert(v.end(), tail.begin(), tail.end());
  return AnalyseValues(profile, v, chart, Direction::kHigherIsBetter, kBase, overrides);
}

// Indices of the points `rule` flags.
std::vector<int> Flagged(const SeriesResult& r, RuleId rule) {
  std::vector<int> out;
  for (std::size_t i = 0; i < r.points.size(); ++i)
    if (r.points[i].rules[static_cast<int>(rule)] != 0) out.push_back(static_cast<int>(i));
  return out;
}

std::vector<int> Range(int first, int last) {
  std::vector<int> out;
  for (int i = first; i <= last; ++i) out.push_back(i);
  return out;
}

const std::vector<int> kNone;

// ---------------------------------------------------------------- shift (points, not steps)

TEST(ShiftRule, MdcSevenPointsAboveTheMeanFlagTheWholeRun) {
  // 11 is above the mean 10 and inside 1σ, so nothing but the shift can fire.
  EXPECT_EQ(Flagged(AnalyseTail("mdc", Repeat(11, 6)), RuleId::kShift), kNone);
  const SeriesResult r = AnalyseTail("mdc", Repeat(11, 7));
  EXPECT_EQ(Flagged(r, RuleId::kShift), Range(kBase, kBase + 6));
  EXPECT_EQ(r.points[kBase].rules[static_cast<int>(RuleId::kShift)], 1);
  EXPECT_EQ(r.points[kBase].point_class, PointClass::kImprovement);
}

TEST(ShiftRule, MdcSevenPointsBelowTheMeanAreLow) {
  // The baseline ends on 9 (below), so a tail of six 9.5s makes a run of seven below.
  const SeriesResult r = AnalyseTail("mdc", Repeat(9.5, 6));
  EXPECT_EQ(Flagged(r, RuleId::kShift), Range(kBase - 1, kBase + 5));
  EXPECT_EQ(r.points[kBase].rules[static_cast<int>(RuleId::kShift)], -1);
  EXPECT_EQ(Flagged(AnalyseTail("mdc", Repeat(9.5, 5)), RuleId::kShift), kNone);
}

TEST(ShiftRule, Mdc2023KeepsTheSevenPointShift) {
  EXPECT_EQ(Flagged(AnalyseTail("mdc-2023", Repeat(11, 6)), RuleId::kShift), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("mdc-2023", Repeat(11, 7)), RuleId::kShift),
            Range(kBase, kBase + 6));
}

TEST(ShiftRule, NhsrFlagsEveryPointOfTheRun) {
  // ptd_part_of_seven_trend() marks each point of a qualifying 7-point window, so a run of 7
  // marks all 7 and a run of 8 all 8 (differential README, "ptd marks every point").
  EXPECT_EQ(Flagged(AnalyseTail("nhsr", Repeat(11, 6)), RuleId::kShift), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("nhsr", Repeat(11, 7)), RuleId::kShift), Range(kBase, kBase + 6));
  EXPECT_EQ(Flagged(AnalyseTail("nhsr", Repeat(11, 8)), RuleId::kShift), Range(kBase, kBase + 7));
}

TEST(ShiftRule, PbiSpcSevenPoints) {
  EXPECT_EQ(Flagged(AnalyseTail("pbi-spc", Repeat(11, 6)), RuleId::kShift), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("pbi-spc", Repeat(11, 7)), RuleId::kShift),
            Range(kBase, kBase + 6));
}

TEST(ShiftRule, WesternElectricFourIsEightOnOneSide) {
  // WE4: 8 successive points on one side; 11 is inside 1σ (11.773), so WE3 stays silent.
  EXPECT_EQ(Flagged(AnalyseTail("western-electric", Repeat(11, 7)), RuleId::kShift), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("western-electric", Repeat(11, 8)), RuleId::kShift),
            std::vector<int>{kBase + 7});
}

TEST(ShiftRule, NelsonTestTwoIsNineOnOneSide) {
  EXPECT_EQ(Flagged(AnalyseTail("nelson", Repeat(11, 8)), RuleId::kShift), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("nelson", Repeat(11, 9)), RuleId::kShift),
            std::vector<int>{kBase + 8});
}

TEST(ShiftRule, QiCharts2HasNoFixedLengthShift) {
  EXPECT_EQ(Flagged(AnalyseTail("qicharts2", Repeat(11, 12)), RuleId::kShift), kNone);
}

TEST(ShiftRule, IhiRunSixAroundTheMedianPointsOnItNeitherCountNorBreak) {
  // Run chart frozen on the baseline: median of eight 9s and eight 11s = (9 + 11)/2 = 10.
  EXPECT_EQ(Flagged(AnalyseTail("ihi-run", Repeat(11, 5), ChartType::kRun), RuleId::kShift), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("ihi-run", Repeat(11, 6), ChartType::kRun), RuleId::kShift),
            Range(kBase, kBase + 5));
  // Six 11s with two points on the median among them: still a shift of six; the points on the
  // median are not flagged. Five 11s around them are not enough.
  const SeriesResult r = AnalyseTail("ihi-run", {11, 11, 10, 11, 11, 10, 11, 11}, ChartType::kRun);
  EXPECT_EQ(Flagged(r, RuleId::kShift),
            (std::vector<int>{kBase, kBase + 1, kBase + 3, kBase + 4, kBase + 6, kBase + 7}));
  EXPECT_EQ(Flagged(AnalyseTail("ihi-run", {11, 11, 10, 11, 11, 10, 11}, ChartType::kRun),
                    RuleId::kShift),
            kNone);
}

// ---------------------------------------------------------------- trend (points, not steps)

// 8.5 is a fall from the baseline's last 9, so the rise starts at 8.5: 8.5, 9, 9.5, ...
std::vector<double> Rise(int points) {
  std::vector<double> v;
  for (int i = 0; i < points; ++i) v.push_back(8.5 + 0.5 * i);
  return v;
}

TEST(TrendRule, MdcSevenPointsIsSixSteps) {
  EXPECT_EQ(Flagged(AnalyseTail("mdc", Rise(6)), RuleId::kTrend), kNone);
  const SeriesResult r = AnalyseTail("mdc", Rise(7));
  EXPECT_EQ(Flagged(r, RuleId::kTrend), Range(kBase, kBase + 6));
  EXPECT_EQ(r.points[kBase + 6].rules[static_cast<int>(RuleId::kTrend)], 1);
}

TEST(TrendRule, Mdc2023SevenPoints) {
  EXPECT_EQ(Flagged(AnalyseTail("mdc-2023", Rise(6)), RuleId::kTrend), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("mdc-2023", Rise(7)), RuleId::kTrend), Range(kBase, kBase + 6));
}

TEST(TrendRule, NhsrFlagsEveryPointOfTheTrend) {
  EXPECT_EQ(Flagged(AnalyseTail("nhsr", Rise(6)), RuleId::kTrend), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("nhsr", Rise(7)), RuleId::kTrend), Range(kBase, kBase + 6));
}

TEST(TrendRule, NhsrSidesATrendPointByItsNextStep) {
  // 1..7, 7..14: two rises joined by an equal pair (the tie breaks the trend); 15 points, so
  // mdc judges them too. ptd
  // labels a trend point by sign(y[k+1] − y[k]) when k + 1 is a trend point too, and only +1
  // reads "Increasing": the first 7 is followed by the second 7 (step 0), so it is
  // "7 Point Trend (Decreasing)", a concern when higher is better. mdc labels it by its rise.
  std::vector<double> v;
  for (int i = 1; i <= 7; ++i) v.push_back(i);
  for (int i = 7; i <= 14; ++i) v.push_back(i);
  auto trend_flag = [&](const std::string& profile, int i) {
    Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, profile);
    Result<SeriesResult> r = AnalyseSeries(ind, MonthlyValues(v));
    EXPECT_TRUE(r.ok());
    return r->points[i].rules[static_cast<int>(RuleId::kTrend)];
  };
  EXPECT_EQ(trend_flag("nhsr", 6), -1);
  EXPECT_EQ(trend_flag("nhsr", 5), 1);
  EXPECT_EQ(trend_flag("nhsr", 7), 1);
  EXPECT_EQ(trend_flag("mdc", 6), 1);
}

TEST(TrendRule, PbiSpcFivePoints) {
  EXPECT_EQ(Flagged(AnalyseTail("pbi-spc", Rise(4)), RuleId::kTrend), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("pbi-spc", Rise(5)), RuleId::kTrend), Range(kBase, kBase + 4));
}

TEST(TrendRule, PbiSpcFallingTrendIsLow) {
  // 11 rises from the baseline's 9, then 10.5, 10, 9.5, 9 fall: five falling points.
  const SeriesResult r = AnalyseTail("pbi-spc", {11, 10.5, 10, 9.5, 9});
  EXPECT_EQ(Flagged(r, RuleId::kTrend), Range(kBase, kBase + 4));
  EXPECT_EQ(r.points[kBase + 4].rules[static_cast<int>(RuleId::kTrend)], -1);
}

TEST(TrendRule, NelsonTestThreeIsSixPoints) {
  EXPECT_EQ(Flagged(AnalyseTail("nelson", Rise(5)), RuleId::kTrend), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("nelson", Rise(6)), RuleId::kTrend), std::vector<int>{kBase + 5});
}

TEST(TrendRule, WesternElectricAndQiCharts2HaveNoTrend) {
  EXPECT_EQ(Flagged(AnalyseTail("western-electric", Rise(8)), RuleId::kTrend), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("qicharts2", Rise(8)), RuleId::kTrend), kNone);
}

TEST(TrendRule, IhiRunFivePointsEqualNeighboursCountOnce) {
  EXPECT_EQ(Flagged(AnalyseTail("ihi-run", Rise(4), ChartType::kRun), RuleId::kTrend), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("ihi-run", Rise(5), ChartType::kRun), RuleId::kTrend),
            Range(kBase, kBase + 4));
  // 8.5, 9, 9, 9.5, 10: the tie counts once, so four distinct rising points: no trend.
  EXPECT_EQ(Flagged(AnalyseTail("ihi-run", {8.5, 9, 9, 9.5, 10}, ChartType::kRun), RuleId::kTrend),
            kNone);
  // One more rise makes five; the tied pair lies inside the trend and is flagged with it.
  EXPECT_EQ(
      Flagged(AnalyseTail("ihi-run", {8.5, 9, 9, 9.5, 10, 10.5}, ChartType::kRun), RuleId::kTrend),
      Range(kBase, kBase + 5));
}

// ---------------------------------------------------------------- beyond the limits

TEST(BeyondLimitsRule, SigmaConstantDecidesAPointBetweenTheTwoUpperLimits) {
  // 15.3195 lies between 10 + 3·2/1.128 = 15.31915 and 10 + 2.66·2 = 15.32.
  for (const char* profile : {"mdc", "mdc-2023", "nhsr"}) {
    EXPECT_EQ(Flagged(AnalyseTail(profile, {15.3195}), RuleId::kBeyondLimits), kNone) << profile;
    EXPECT_EQ(Flagged(AnalyseTail(profile, {15.33}), RuleId::kBeyondLimits),
              std::vector<int>{kBase})
        << profile;
  }
  for (const char* profile : {"qicharts2", "pbi-spc", "western-electric", "nelson"}) {
    EXPECT_EQ(Flagged(AnalyseTail(profile, {15.319}), RuleId::kBeyondLimits), kNone) << profile;
    EXPECT_EQ(Flagged(AnalyseTail(profile, {15.3195}), RuleId::kBeyondLimits),
              std::vector<int>{kBase})
        << profile;
  }
}

TEST(BeyondLimitsRule, BelowTheLowerLimitIsLow) {
  // LPL = 10 − 5.32 = 4.68 (mdc).
  EXPECT_EQ(Flagged(AnalyseTail("mdc", {4.7}), RuleId::kBeyondLimits), kNone);
  const SeriesResult r = AnalyseTail("mdc", {4.6});
  EXPECT_EQ(Flagged(r, RuleId::kBeyondLimits), std::vector<int>{kBase});
  EXPECT_EQ(r.points[kBase].rules[static_cast<int>(RuleId::kBeyondLimits)], -1);
  EXPECT_EQ(r.points[kBase].point_class, PointClass::kConcern);
}

TEST(BeyondLimitsRule, NelsonTestOneWithEditableK) {
  // K = 2.5: the line is 10 + 2.5 · 1.77305 = 14.43262.
  const ProfileOverrides k25 = {{"beyond_limits_sigma", "2.5"}};
  EXPECT_EQ(Flagged(AnalyseTail("nelson", {14.4}, ChartType::kXmr, k25), RuleId::kBeyondLimits),
            kNone);
  EXPECT_EQ(Flagged(AnalyseTail("nelson", {14.5}, ChartType::kXmr, k25), RuleId::kBeyondLimits),
            std::vector<int>{kBase});
}

TEST(BeyondLimitsRule, IhiRunChartHasNoLimits) {
  EXPECT_EQ(Flagged(AnalyseTail("ihi-run", {1000}, ChartType::kRun), RuleId::kBeyondLimits), kNone);
}

// ---------------------------------------------------------------- 2 of 3 beyond 2 sigma

TEST(TwoOfThreeRule, MdcTwoInTheOuterBandThirdOnTheSameSide) {
  // 14 lies in the band (13.54667, 15.32]; 11 is above the mean, 9 below it.
  const SeriesResult r = AnalyseTail("mdc", {14, 11, 14});
  EXPECT_EQ(Flagged(r, RuleId::kTwoOfThree), (std::vector<int>{kBase, kBase + 2}));
  EXPECT_EQ(Flagged(AnalyseTail("mdc", {14, 9, 14}), RuleId::kTwoOfThree), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("mdc", {14, 11, 11}), RuleId::kTwoOfThree), kNone);
  // 13.5 is just inside 2σ (13.54667): one point in the band is not enough.
  EXPECT_EQ(Flagged(AnalyseTail("mdc", {14, 11, 13.5}), RuleId::kTwoOfThree), kNone);
}

TEST(TwoOfThreeRule, Mdc2023SameAsMdcInsideTheBand) {
  EXPECT_EQ(Flagged(AnalyseTail("mdc-2023", {14, 11, 14}), RuleId::kTwoOfThree),
            (std::vector<int>{kBase, kBase + 2}));
  EXPECT_EQ(Flagged(AnalyseTail("mdc-2023", {14, 9, 14}), RuleId::kTwoOfThree), kNone);
}

TEST(TwoOfThreeRule, NhsrFlagsOnlyTheBandPoints) {
  // ptd_part_of_two_in_three(): of the window 14, 11, 14 (2σ = 13.54610) only the two 14s;
  // the 11 between them keeps whatever lower rule applies (here none).
  EXPECT_EQ(Flagged(AnalyseTail("nhsr", {14, 11, 14}), RuleId::kTwoOfThree),
            (std::vector<int>{kBase, kBase + 2}));
  EXPECT_EQ(Flagged(AnalyseTail("nhsr", {14, 11, 11}), RuleId::kTwoOfThree), kNone);
}

TEST(TwoOfThreeRule, PbiSpcWesternElectricNelsonThirdPointUnconstrained) {
  // WE2 / Nelson 5: beyond 2σ = 13.54610; the middle point may be anywhere.
  for (const char* profile : {"pbi-spc", "western-electric", "nelson"}) {
    EXPECT_EQ(Flagged(AnalyseTail(profile, {14, 9, 14}), RuleId::kTwoOfThree),
              (std::vector<int>{kBase, kBase + 2}))
        << profile;
    EXPECT_EQ(Flagged(AnalyseTail(profile, {14, 9, 13.5}), RuleId::kTwoOfThree), kNone) << profile;
  }
}

TEST(TwoOfThreeRule, OffInQiCharts2AndIhiRun) {
  EXPECT_EQ(Flagged(AnalyseTail("qicharts2", {14, 14, 14}), RuleId::kTwoOfThree), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("ihi-run", {14, 14, 14}, ChartType::kRun), RuleId::kTwoOfThree),
            kNone);
}

// ---------------------------------------------------------------- 4 of 5 beyond 1 sigma

TEST(FourOfFiveRule, WesternElectricThreeAndNelsonSix) {
  // Beyond 1σ = 11.77305: 12 is beyond, 11 is not.
  for (const char* profile : {"western-electric", "nelson"}) {
    EXPECT_EQ(Flagged(AnalyseTail(profile, {12, 12, 11, 12, 12}), RuleId::kFourOfFive),
              (std::vector<int>{kBase, kBase + 1, kBase + 3, kBase + 4}))
        << profile;
    EXPECT_EQ(Flagged(AnalyseTail(profile, {12, 12, 11, 11, 12}), RuleId::kFourOfFive), kNone)
        << profile;
  }
  // Not part of the MDC rule set.
  EXPECT_EQ(Flagged(AnalyseTail("mdc", {12, 12, 12, 12, 12}), RuleId::kFourOfFive), kNone);
}

// ---------------------------------------------------------------- Nelson 4, 7, 8

std::vector<double> Alternating(int n) {
  std::vector<double> v;
  for (int i = 0; i < n; ++i) v.push_back(i % 2 == 0 ? 11.0 : 9.0);
  return v;
}

TEST(NelsonRules, TestFourFourteenAlternating) {
  // 14 points alternate 13 steps; the 14th point completes the pattern.
  EXPECT_EQ(Flagged(AnalyseValues("nelson", Alternating(13)), RuleId::kAlternating), kNone);
  EXPECT_EQ(Flagged(AnalyseValues("nelson", Alternating(14)), RuleId::kAlternating),
            std::vector<int>{13});
  // An equal neighbour breaks the alternation.
  std::vector<double> broken = Alternating(14);
  broken[6] = broken[5];
  EXPECT_EQ(Flagged(AnalyseValues("nelson", broken), RuleId::kAlternating), kNone);
  EXPECT_EQ(Flagged(AnalyseValues("western-electric", Alternating(20)), RuleId::kAlternating),
            kNone);
}

TEST(NelsonRules, TestSevenFifteenWithinOneSigma) {
  // Alternating 11, 9: mean 10, MR̄ 2, 1σ = 1.77305 > 1, so every point hugs the centre.
  EXPECT_EQ(Flagged(AnalyseValues("nelson", Alternating(14)), RuleId::kStratification), kNone);
  EXPECT_EQ(Flagged(AnalyseValues("nelson", Alternating(15)), RuleId::kStratification),
            std::vector<int>{14});
}

TEST(NelsonRules, TestEightEightBeyondOneSigmaEitherSide) {
  // 13 and 7 are beyond 1σ (11.77305 / 8.22695) and inside 2σ (13.54610 / 6.45390).
  EXPECT_EQ(Flagged(AnalyseTail("nelson", {13, 7, 13, 7, 13, 7, 13}), RuleId::kMixture), kNone);
  EXPECT_EQ(Flagged(AnalyseTail("nelson", {13, 7, 13, 7, 13, 7, 13, 7}), RuleId::kMixture),
            std::vector<int>{kBase + 7});
}

// ---------------------------------------------------------------- Anhøj (qicharts2)

TEST(AnhoejThresholds, MatchQiCharts2PublishedTable) {
  // Longest run max = round(log2 n) + 3:
  //   n = 10: log2 10 = 3.32 → 3 + 3 = 6;  n = 20: 4.32 → 7;  n = 24: 4.58 → 8;  n = 46: 5.52 → 9
  EXPECT_EQ(spc::AnhoejLongestRunMax(10), 6);
  EXPECT_EQ(spc::AnhoejLongestRunMax(20), 7);
  EXPECT_EQ(spc::AnhoejLongestRunMax(24), 8);
  EXPECT_EQ(spc::AnhoejLongestRunMax(46), 9);
  // Crossings min = qbinom(0.05, n − 1, 0.5), the smallest c with P(X ≤ c) ≥ 0.05:
  //   n = 10, X ~ Bin(9, ½), 0.05 · 2⁹ = 25.6: cumulative counts 1, 10, 46 → 2
  //   n = 20, Bin(19, ½), 0.05 · 2¹⁹ = 26214.4: 1, 20, 191, 1160, 5036, 16664, 43796 → 6
  //   n = 24, Bin(23, ½), 0.05 · 2²³ = 419430.4: ..., 145499 (c=6), 390656 (7), 880970 (8) → 8
  EXPECT_EQ(spc::AnhoejCrossingsMin(10), 2);
  EXPECT_EQ(spc::AnhoejCrossingsMin(20), 6);
  EXPECT_EQ(spc::AnhoejCrossingsMin(24), 8);
  EXPECT_EQ(spc::AnhoejLongestRunMax(0), 0);
  EXPECT_EQ(spc::AnhoejCrossingsMin(1), 0);
}

TEST(AnhoejRules, LongestRunOverRoundLog2NPlusThree) {
  // Ten points of 1 (L) and 2 (H) around their mean. L H L then seven H: mean 1.8, longest
  // run 7 > 6, crossings 3 ≥ 2.
  const SeriesResult hit = AnalyseValues("qicharts2", {1, 2, 1, 2, 2, 2, 2, 2, 2, 2});
  EXPECT_EQ(hit.segments[0].longest_run, 7);
  EXPECT_EQ(hit.segments[0].longest_run_max, 6);
  EXPECT_EQ(hit.segments[0].crossings, 3);
  EXPECT_EQ(Flagged(hit, RuleId::kLongestRun), Range(0, 9));
  EXPECT_EQ(Flagged(hit, RuleId::kCrossings), kNone);
  // L H L L then six H: longest run 6, not more than 6.
  const SeriesResult miss = AnalyseValues("qicharts2", {1, 2, 1, 1, 2, 2, 2, 2, 2, 2});
  EXPECT_EQ(miss.segments[0].longest_run, 6);
  EXPECT_EQ(Flagged(miss, RuleId::kLongestRun), kNone);
}

TEST(AnhoejRules, CrossingsBelowQbinom) {
  // Five L then five H: one crossing < 2. Three L, four H, three L: two crossings, no signal.
  const SeriesResult hit = AnalyseValues("qicharts2", {1, 1, 1, 1, 1, 2, 2, 2, 2, 2});
  EXPECT_EQ(hit.segments[0].crossings, 1);
  EXPECT_EQ(hit.segments[0].crossings_min, 2);
  EXPECT_EQ(Flagged(hit, RuleId::kCrossings), Range(0, 9));
  EXPECT_EQ(Flagged(hit, RuleId::kLongestRun), kNone);
  const SeriesResult miss = AnalyseValues("qicharts2", {1, 1, 1, 2, 2, 2, 2, 1, 1, 1});
  EXPECT_EQ(miss.segments[0].crossings, 2);
  EXPECT_EQ(Flagged(miss, RuleId::kCrossings), kNone);
}

TEST(AnhoejRules, PointsOnTheCentreAreNotUseful) {
  // 1, 2 alternating with points exactly on the median 1.5 between them: the 1.5s are dropped,
  // so n useful = 10 and crossings = 9.
  const SeriesResult r =
      AnalyseValues("qicharts2", {1, 1.5, 2, 1.5, 1, 2, 1, 2, 1, 2, 1, 2}, ChartType::kRun);
  EXPECT_DOUBLE_EQ(r.segments[0].centre, 1.5);
  EXPECT_EQ(r.segments[0].longest_run_max, 6);  // n useful = 10, not 12 (which gives 7)
  EXPECT_EQ(r.segments[0].crossings, 9);
}

// ---------------------------------------------------------------- IHI run count

TEST(IhiRunCount, TooFewAndTooManyRuns) {
  // Ten useful points, five below and five above the median 1.5: runs < 3 or > 9 signal.
  const SeriesResult two =
      AnalyseValues("ihi-run", {1, 1, 1, 1, 1, 2, 2, 2, 2, 2}, ChartType::kRun);
  EXPECT_EQ(two.segments[0].runs, 2);
  EXPECT_EQ(Flagged(two, RuleId::kRunCount), Range(0, 9));
  const SeriesResult three =
      AnalyseValues("ihi-run", {1, 1, 1, 2, 2, 2, 2, 2, 1, 1}, ChartType::kRun);
  EXPECT_EQ(three.segments[0].runs, 3);
  EXPECT_EQ(Flagged(three, RuleId::kRunCount), kNone);
  const SeriesResult ten =
      AnalyseValues("ihi-run", {1, 2, 1, 2, 1, 2, 1, 2, 1, 2}, ChartType::kRun);
  EXPECT_EQ(ten.segments[0].runs, 10);
  EXPECT_EQ(Flagged(ten, RuleId::kRunCount), Range(0, 9));
  const SeriesResult nine =
      AnalyseValues("ihi-run", {1, 2, 1, 2, 1, 2, 1, 2, 2, 1}, ChartType::kRun);
  EXPECT_EQ(nine.segments[0].runs, 9);
  EXPECT_EQ(Flagged(nine, RuleId::kRunCount), kNone);
  // Not an MDC rule.
  EXPECT_EQ(Flagged(AnalyseValues("mdc", {1, 1, 1, 1, 1, 2, 2, 2, 2, 2}, ChartType::kRun),
                    RuleId::kRunCount),
            kNone);
}

TEST(IhiRunCount, SwedEisenhartLimits) {
  // Exact two-sided 5 % limits (2.5 % per tail) with n1 = n2 = n/2 (Swed and Eisenhart 1943).
  // n = 10: C(10,5) = 252 arrangements; R = 2 in 2 of them, R = 3 in 2·C(4,1)·C(4,0) = 8.
  //   P(R ≤ 2) = 2/252 = 0.008, P(R ≤ 3) = 10/252 = 0.040 > 0.025, so fewer than 3 is too few;
  //   by symmetry P(R ≥ 10) = 0.008, P(R ≥ 9) = 0.040, so more than 9 is too many.
  // n = 20 (n1 = n2 = 10): P(R ≤ 6) = 0.019, P(R ≤ 7) = 0.051; P(R ≥ 16) = 0.019,
  //   P(R ≥ 15) = 0.051 (published cumulative probabilities), so runs < 7 or > 15 signal.
  int lower = 0, upper = 0;
  ASSERT_TRUE(spc::IhiRunCountLimits(10, &lower, &upper));
  EXPECT_EQ(lower, 3);
  EXPECT_EQ(upper, 9);
  ASSERT_TRUE(spc::IhiRunCountLimits(20, &lower, &upper));
  EXPECT_EQ(lower, 7);
  EXPECT_EQ(upper, 15);
  EXPECT_FALSE(spc::IhiRunCountLimits(9, &lower, &upper));
}

}  // namespace
}  // namespace kaizen
