// The edge cases of spc-spec.md ("Edge cases that must be defined and tested") and the
// segment, baseline, icon and sentence behaviour the spec defines, through the public engine.
// Expected values are worked out by hand in the comments.
//
// Recurring baseline: 16 points alternating 11, 9 (ending on 9): mean 10, MR̄ 2, and under the
// MDC constant sigma = 2.66/3 · 2 = 1.77333, limits 10 ± 5.32 = 4.68 / 15.32, 2σ 6.45333 /
// 13.54667.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kaizen/spc.h"
#include "test_support.h"

namespace kaizen {
namespace {

using testing::MakeIndicator;
using testing::Month;
using testing::MonthlyRatios;
using testing::MonthlyValues;

constexpr int kBase = 16;

std::vector<double> Baseline() {
  std::vector<double> v;
  for (int i = 0; i < kBase; ++i) v.push_back(i % 2 == 0 ? 11.0 : 9.0);
  return v;
}

std::vector<double> WithTail(std::vector<double> tail) {
  std::vector<double> v = Baseline();
  v.insert(v.end(), tail.begin(), tail.end());
  return v;
}

SeriesResult Analyse(const Indicator& ind, const Series& s) {
  Result<SeriesResult> r = AnalyseSeries(ind, s);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : SeriesResult{};
}

SeriesResult AnalyseValues(const std::string& profile, const std::vector<double>& values,
                           Direction direction = Direction::kHigherIsBetter, int first_n = 0,
                           ChartType chart = ChartType::kXmr) {
  Indicator ind = MakeIndicator(chart, direction, profile);
  ind.baseline.first_n = first_n;
  return Analyse(ind, MonthlyValues(values));
}

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

bool HasWarning(const SeriesResult& r, WarningCode code) {
  return std::any_of(r.warnings.begin(), r.warnings.end(),
                     [&](const Warning& w) { return w.code == code; });
}

bool NoFlags(const PointResult& pt) {
  return std::all_of(pt.rules.begin(), pt.rules.end(), [](int8_t f) { return f == 0; });
}

const std::vector<int> kNone;

// ---------------------------------------------------------------- all values equal

TEST(EdgeCases, AllValuesEqualLimitsEqualTheMeanWithAWarning) {
  // Every MR is 0, so sigma is 0 and every line equals the mean 5.
  const SeriesResult r = AnalyseValues("mdc", std::vector<double>(16, 5.0));
  ASSERT_TRUE(r.segments[0].has_limits);
  EXPECT_EQ(r.segments[0].centre, 5.0);
  EXPECT_EQ(r.segments[0].lower3, 5.0);
  EXPECT_EQ(r.segments[0].upper3, 5.0);
  EXPECT_TRUE(HasWarning(r, WarningCode::kZeroVariation));
  // Nothing varies, so nothing is judged (issue 7): no rule flags a point and no variation
  // icon is given; the summary says why (judgement_test.cc).
  for (const PointResult& pt : r.points) EXPECT_TRUE(NoFlags(pt));
  EXPECT_EQ(r.judgement, Judgement::kZeroVariation);
  EXPECT_EQ(r.variation, VariationIcon::kNone);
}

// Issue 14: 24 values of 1e308 summed to inf and every point was "below the lower process
// limit, special cause improvement". By hand: every MR is 0, so the lines are all 1e308.
TEST(EdgeCases, ConstantValuesNearTheDoubleLimitHaveNoSignal) {
  const SeriesResult r = AnalyseValues("mdc", std::vector<double>(24, 1e308));
  ASSERT_EQ(r.segments.size(), 1u);
  EXPECT_EQ(r.segments[0].centre, 1e308);
  EXPECT_EQ(r.segments[0].lower3, 1e308);
  EXPECT_EQ(r.segments[0].upper3, 1e308);
  for (const PointResult& pt : r.points) EXPECT_TRUE(NoFlags(pt));
  EXPECT_EQ(r.judgement, Judgement::kZeroVariation);
}

// Issue 14: the moving ranges of ±1e308 are 2e308, beyond a double: refused, not ±inf limits.
TEST(EdgeCases, MovingRangesBeyondTheDoubleLimitAreRefused) {
  std::vector<double> v;
  for (int i = 0; i < 24; ++i) v.push_back(i % 2 == 0 ? 1e308 : -1e308);
  const Result<SeriesResult> r = AnalyseSeries(
      MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc"), MonthlyValues(v));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("beyond the largest number a double holds"),
            std::string::npos)
      << r.status().message();
}

TEST(EdgeCases, AllValuesEqualGivesNoAssuranceIconButStatesTheTarget) {
  // The target 5 sits on both limits. Limits of zero width say nothing about what the process
  // will do, so no profile gives an assurance icon (issue 7; before it, mdc's inclusive rule
  // gave "pass"); the latest value 5 against the target 5 is stated as a fact: met, higher
  // being better. nhsr screens the moving ranges, keeps none (all are 0) and, as
  // NHSRplotthedots gives NA limits, draws none.
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.targets = {{.from = Month(0), .value = 5.0}};
  const Series s = MonthlyValues(std::vector<double>(16, 5.0));
  const SeriesResult mdc = Analyse(ind, s);
  EXPECT_EQ(mdc.assurance, AssuranceIcon::kNone);
  EXPECT_EQ(mdc.target_met, true);
  ind.profile = "nhsr";
  const SeriesResult nhsr = Analyse(ind, s);
  EXPECT_FALSE(nhsr.segments[0].has_limits);
  EXPECT_TRUE(nhsr.segments[0].zero_variation);
  EXPECT_EQ(nhsr.assurance, AssuranceIcon::kNone);
}

TEST(EdgeCases, ZeroVariationIsNeverASignal) {
  // Sixteen 5s then a frozen baseline of those 16 and a later 6: every moving range of the
  // baseline is 0, so sigma is 0. mdc draws its limits on the centre (5) and nhsr draws none
  // (screening keeps no range, as NHSRplotthedots gives NA); in neither is the 6 "beyond" them.
  std::vector<double> v(16, 5.0);
  v.push_back(6.0);
  for (const char* profile : {"mdc", "nhsr", "qicharts2", "pbi-spc"}) {
    const SeriesResult r = AnalyseValues(profile, v, Direction::kHigherIsBetter, 16);
    ASSERT_EQ(r.segments.size(), 1u);
    EXPECT_TRUE(r.segments[0].zero_variation) << profile;
    EXPECT_TRUE(HasWarning(r, WarningCode::kZeroVariation)) << profile;
    EXPECT_EQ(Flagged(r, RuleId::kBeyondLimits), std::vector<int>{}) << profile;
    EXPECT_EQ(Flagged(r, RuleId::kTwoOfThree), std::vector<int>{}) << profile;
  }
  EXPECT_TRUE(AnalyseValues("mdc", v, Direction::kHigherIsBetter, 16).segments[0].has_limits);
  EXPECT_FALSE(AnalyseValues("nhsr", v, Direction::kHigherIsBetter, 16).segments[0].has_limits);
}

TEST(EdgeCases, ScreeningToZeroWidthLimitsJudgesAsThePeerDoes) {
  // 7 then nine 13s (the second segment of differential case S181): moving ranges 6, 0 × 8,
  // MR̄ = 6/9; screening drops the 6 (not below 3.267 · 6/9 = 2.178) and averages the eight 0s:
  // MR̄ = 0, limits on the mean 12.4. The data vary, so this is not zero variation: as
  // NHSRplotthedots does, every point off the centre is beyond the zero-width limits, the 7
  // below and the 13s above, and a warning says why.
  std::vector<double> v = {7};
  for (int i = 0; i < 9; ++i) v.push_back(13);
  const SeriesResult r = AnalyseValues("nhsr", v);
  EXPECT_FALSE(r.segments[0].zero_variation);
  EXPECT_TRUE(HasWarning(r, WarningCode::kZeroWidthLimits));
  EXPECT_DOUBLE_EQ(r.segments[0].centre, 12.4);
  EXPECT_EQ(r.segments[0].upper3, r.segments[0].centre);
  EXPECT_EQ(Flagged(r, RuleId::kBeyondLimits).size(), 10u);
  EXPECT_EQ(r.points[0].point_class, PointClass::kConcern);
}

TEST(EdgeCases, PChartAtZeroPercentHasNoVariation) {
  // 0 of 40 in each of 16 months: p̄ = 0, sigma √(p̄(1 − p̄)/n) = 0.
  const SeriesResult r =
      Analyse(MakeIndicator(ChartType::kP, Direction::kLowerIsBetter, "mdc"),
              MonthlyRatios(std::vector<double>(16, 0.0), std::vector<double>(16, 40.0)));
  EXPECT_TRUE(r.segments[0].zero_variation);
  EXPECT_TRUE(HasWarning(r, WarningCode::kZeroVariation));
  for (const PointResult& pt : r.points) EXPECT_TRUE(NoFlags(pt));
}

TEST(EdgeCases, MovingRangesBreakAtAGapUnderQicharts2) {
  // 1, 3, (missing), 4, 8. Bridged, the ranges are 2, 1, 4 (MR̄ 7/3); qicharts2 takes diff()
  // with the NA kept, so both ranges next to it are NA: 2 and 4 remain, MR̄ = 3. Screening
  // keeps both (below 3.267 · 3). Centre mean(1, 3, 4, 8) = 4; UCL = 4 + 3 · 3/1.128.
  const std::vector<double> v = {1, 3, kMissing, 4, 8};
  const SeriesResult q = AnalyseValues("qicharts2", v);
  EXPECT_EQ(q.segments[0].mr_bar, 3.0);
  EXPECT_NEAR(q.segments[0].upper3, 4 + 9 / 1.128, 1e-12);
  Indicator bridged = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "qicharts2");
  bridged.overrides = {{"mr_across_gaps", "bridge"}};
  EXPECT_NEAR(Analyse(bridged, MonthlyValues(v)).segments[0].mr_bar, 7.0 / 3, 1e-15);
}

TEST(EdgeCases, AnhoejFiguresAreAbsentWhenEveryPointIsOnTheCentre) {
  // A constant run chart: the median is the value, no point is useful (qicharts2: NA, and no
  // runs signal).
  const SeriesResult r = AnalyseValues("qicharts2", std::vector<double>(12, 4.0),
                                       Direction::kHigherIsBetter, 0, ChartType::kRun);
  EXPECT_EQ(r.segments[0].n_useful, 0);
  EXPECT_FALSE(r.segments[0].longest_run.has_value());
  EXPECT_FALSE(r.segments[0].longest_run_max.has_value());
  EXPECT_FALSE(r.segments[0].crossings.has_value());
  EXPECT_FALSE(r.segments[0].crossings_min.has_value());
  for (const PointResult& pt : r.points) EXPECT_TRUE(NoFlags(pt));
}

// ---------------------------------------------------------------- n < 2

TEST(EdgeCases, FewerThanTwoPointsHaveNoLimits) {
  // One point: a centre (the point itself) but no moving range, so no limits.
  const SeriesResult one = AnalyseValues("nhsr", {7.0});
  ASSERT_EQ(one.segments.size(), 1u);
  EXPECT_FALSE(one.segments[0].has_limits);
  EXPECT_EQ(one.points[0].centre, 7.0);
  EXPECT_TRUE(std::isnan(one.points[0].upper3));
  EXPECT_TRUE(std::isnan(one.points[0].lower3));
  EXPECT_EQ(one.variation, VariationIcon::kNone);
  // No points at all: nothing to judge, and no error.
  const SeriesResult none = AnalyseValues("nhsr", {});
  EXPECT_EQ(none.latest, -1);
  EXPECT_EQ(none.variation, VariationIcon::kNone);
}

// ---------------------------------------------------------------- on the centre line

TEST(EdgeCases, PointOnTheMeanBreaksAShiftUnderMdc) {
  // 3 × 11, one point on the mean 10, 4 × 11: runs of 3 and 4, no shift. Without the 10 the
  // seven 11s are a shift.
  const SeriesResult broken = AnalyseValues("mdc", WithTail({11, 11, 11, 10, 11, 11, 11, 11}),
                                            Direction::kHigherIsBetter, kBase);
  EXPECT_EQ(Flagged(broken, RuleId::kShift), kNone);
  const SeriesResult whole = AnalyseValues("mdc", WithTail({11, 11, 11, 11, 11, 11, 11}),
                                           Direction::kHigherIsBetter, kBase);
  EXPECT_EQ(Flagged(whole, RuleId::kShift), Range(kBase, kBase + 6));
}

TEST(EdgeCases, PointOnTheMedianIsIgnoredUnderIhiRun) {
  // Median of the frozen baseline = (9 + 11)/2 = 10. 3 × 11, 10, 3 × 11: six points above,
  // the one on the median neither counts nor breaks, and is not flagged.
  const SeriesResult r = AnalyseValues("ihi-run", WithTail({11, 11, 11, 10, 11, 11, 11}),
                                       Direction::kHigherIsBetter, kBase, ChartType::kRun);
  EXPECT_EQ(r.points[kBase].centre, 10.0);
  EXPECT_EQ(Flagged(r, RuleId::kShift),
            (std::vector<int>{kBase, kBase + 1, kBase + 2, kBase + 4, kBase + 5, kBase + 6}));
}

// ---------------------------------------------------------------- ties inside a trend

TEST(EdgeCases, TiesInsideATrend) {
  // 8.5, 9, 9, 9.5, 10, 10.5, 11, 11.5 (after the baseline's last 9, so 8.5 starts the rise).
  const std::vector<double> tail = {8.5, 9, 9, 9.5, 10, 10.5, 11, 11.5};
  // mdc: the tie breaks the trend; what is left (9, 9.5, ..., 11.5) is 6 points, short of 7.
  EXPECT_EQ(Flagged(AnalyseValues("mdc", WithTail(tail), Direction::kHigherIsBetter, kBase),
                    RuleId::kTrend),
            kNone);
  // ihi-run: the tie counts once: 7 distinct rising points ≥ 5, all eight points flagged.
  EXPECT_EQ(Flagged(AnalyseValues("ihi-run", WithTail(tail), Direction::kHigherIsBetter, kBase,
                                  ChartType::kRun),
                    RuleId::kTrend),
            Range(kBase, kBase + 7));
}

// ---------------------------------------------------------------- trend across a rebase

TEST(EdgeCases, TrendAcrossARebaseCountsUnderMdcNotUnderNhsr) {
  // Points 4..10 rise 8.5 → 11.5 (7 points); the rebase starts a segment at point 8, leaving 4
  // rising points before it and 3 after. Both segments are short of mdc's 15 points, and a
  // segment that is not judged gets no rule (judgement_test.cc); min_points_for_limits = 0
  // isolates the parameter under test, trend_across_segments.
  const std::vector<double> v = {11, 9, 11, 9, 8.5, 9, 9.5, 10, 10.5, 11, 11.5, 9, 11, 9};
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.overrides = {{"min_points_for_limits", "0"}};
  ind.rebases = {{.date = Month(8), .decision = {.reason = "new pathway"}}};
  const SeriesResult mdc = Analyse(ind, MonthlyValues(v));
  ASSERT_EQ(mdc.segments.size(), 2u);
  EXPECT_EQ(mdc.segments[1].first, 8);
  EXPECT_EQ(Flagged(mdc, RuleId::kTrend), Range(4, 10));
  // One episode across the rebase, one sentence.
  int trend_signals = 0;
  for (const Signal& s : mdc.signals) {
    if (s.rule != RuleId::kTrend) continue;
    ++trend_signals;
    EXPECT_EQ(s.first, 4);
    EXPECT_EQ(s.last, 10);
  }
  EXPECT_EQ(trend_signals, 1);
  ind.profile = "nhsr";
  EXPECT_EQ(Flagged(Analyse(ind, MonthlyValues(v)), RuleId::kTrend), kNone);
}

// ---------------------------------------------------------------- 2 of 3 and 3 sigma

TEST(EdgeCases, TwoOfThreeWithOnePointBeyondThreeSigma) {
  // 16 is beyond 15.32; 14 is in the band (13.54667, 15.32]; 11 is above the mean.
  const std::vector<double> v = WithTail({16, 11, 14});
  // mdc: only 14 is in the band: one point, no 2 of 3 (the 16 is a beyond-limits signal).
  const SeriesResult mdc = AnalyseValues("mdc", v, Direction::kHigherIsBetter, kBase);
  EXPECT_EQ(Flagged(mdc, RuleId::kTwoOfThree), kNone);
  EXPECT_EQ(Flagged(mdc, RuleId::kBeyondLimits), std::vector<int>{kBase});
  // mdc-2023: a point beyond 3σ also counts, so 16 and 14 make 2 of 3.
  const SeriesResult mdc2023 = AnalyseValues("mdc-2023", v, Direction::kHigherIsBetter, kBase);
  EXPECT_EQ(Flagged(mdc2023, RuleId::kTwoOfThree), (std::vector<int>{kBase, kBase + 2}));
}

// ---------------------------------------------------------------- improvement and concern

TEST(EdgeCases, ImprovementAndConcernAtOnceFollowTheIndicatorsPreference) {
  // After the baseline, 20, 19, 18, 17, 16, 15.8, 15.5: all above 15.32 (beyond, high), seven
  // above the mean (shift, high) and seven falling (trend, low). Higher is better: the high
  // signals are improvement, the falling trend is concern.
  const std::vector<double> v = WithTail({20, 19, 18, 17, 16, 15.8, 15.5});
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.baseline.first_n = kBase;
  const int last = kBase + 6;

  ind.conflict_preference = ConflictPreference::kConcern;
  const SeriesResult concern = Analyse(ind, MonthlyValues(v));
  const PointResult& c = concern.points[last];
  EXPECT_EQ(c.rules[static_cast<int>(RuleId::kBeyondLimits)], 1);
  EXPECT_EQ(c.rules[static_cast<int>(RuleId::kShift)], 1);
  EXPECT_EQ(c.rules[static_cast<int>(RuleId::kTrend)], -1);
  EXPECT_EQ(c.point_class, PointClass::kConcern);
  EXPECT_EQ(c.label, RuleId::kTrend);
  EXPECT_EQ(concern.variation, VariationIcon::kConcernLow);

  ind.conflict_preference = ConflictPreference::kImprovement;
  const SeriesResult improvement = Analyse(ind, MonthlyValues(v));
  EXPECT_EQ(improvement.points[last].point_class, PointClass::kImprovement);
  EXPECT_EQ(improvement.points[last].label, RuleId::kBeyondLimits);
  EXPECT_EQ(improvement.variation, VariationIcon::kImprovementHigh);

  // nhsr ignores the preference: beyond limits comes first in its precedence.
  ind.profile = "nhsr";
  ind.conflict_preference = ConflictPreference::kConcern;
  const SeriesResult nhsr = Analyse(ind, MonthlyValues(v));
  EXPECT_EQ(nhsr.points[last].rules[static_cast<int>(RuleId::kTrend)], -1);
  EXPECT_EQ(nhsr.points[last].label, RuleId::kBeyondLimits);
  EXPECT_EQ(nhsr.points[last].point_class, PointClass::kImprovement);
}

// ---------------------------------------------------------------- target on a limit

TEST(EdgeCases, TargetExactlyOnALimit) {
  // LPL = 10 − 5.32 = 4.68 and UPL = 15.32. The target is set to the very value the engine
  // drew, so the test is about the comparison, not about rounding.
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  const Series s = MonthlyValues(Baseline());
  const SeriesResult plain = Analyse(ind, s);
  const double lpl = plain.points.back().lower3, upl = plain.points.back().upper3;
  EXPECT_NEAR(lpl, 4.68, 1e-12);
  EXPECT_NEAR(upl, 15.32, 1e-12);

  ind.targets = {{.from = Month(0), .value = lpl}};
  EXPECT_EQ(Analyse(ind, s).assurance, AssuranceIcon::kPass);  // inclusive: on LPL passes
  ind.targets = {{.from = Month(0), .value = upl}};
  EXPECT_EQ(Analyse(ind, s).assurance, AssuranceIcon::kFail);  // inclusive: on UPL fails

  // nhsr draws the same limits (no MR is screened out) but compares strictly.
  ind.profile = "nhsr";
  ind.targets = {{.from = Month(0), .value = lpl}};
  EXPECT_EQ(Analyse(ind, s).assurance, AssuranceIcon::kHitOrMiss);
  ind.targets = {{.from = Month(0), .value = upl}};
  EXPECT_EQ(Analyse(ind, s).assurance, AssuranceIcon::kHitOrMiss);
}

// ---------------------------------------------------------------- values a chart cannot use

TEST(EdgeCases, PChartInvalidDenominatorsAreWarnedAndMissing) {
  // 16 valid rows of 10/100 and three invalid ones: a zero denominator, a negative one and a
  // numerator above its denominator. p̄ = 160/1600 = 0.1 from the valid rows only.
  std::vector<double> num(16, 10.0), den(16, 100.0);
  num.insert(num.begin() + 3, 5.0);
  den.insert(den.begin() + 3, 0.0);
  num.insert(num.begin() + 7, 5.0);
  den.insert(den.begin() + 7, -4.0);
  num.insert(num.begin() + 11, 50.0);
  den.insert(den.begin() + 11, 40.0);
  const SeriesResult r = Analyse(MakeIndicator(ChartType::kP, Direction::kLowerIsBetter, "mdc"),
                                 MonthlyRatios(num, den));
  ASSERT_TRUE(HasWarning(r, WarningCode::kInvalidValue));
  for (int i : {3, 7, 11}) {
    EXPECT_TRUE(r.points[i].missing) << i;
    EXPECT_TRUE(NoFlags(r.points[i])) << i;
  }
  EXPECT_EQ(r.segments[0].n_used, 16);
  EXPECT_NEAR(r.segments[0].centre, 0.1, 1e-12);
}

TEST(EdgeCases, TChartNonPositiveValuesAreWarnedAndMissing) {
  std::vector<double> v(16, 8.0);
  v[2] = 0.0;
  v[9] = -3.0;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] > 0) v[i] += static_cast<double>(i % 3);  // some variation
  const SeriesResult r =
      Analyse(MakeIndicator(ChartType::kT, Direction::kHigherIsBetter, "nhsr"), MonthlyValues(v));
  ASSERT_TRUE(HasWarning(r, WarningCode::kInvalidValue));
  EXPECT_TRUE(r.points[2].missing);
  EXPECT_TRUE(r.points[9].missing);
  EXPECT_EQ(r.segments[0].n_used, 14);
}

// ---------------------------------------------------------------- missing values

TEST(EdgeCases, MissingValueInsideARunIsSteppedOver) {
  // 3 × 11, a gap, 4 × 11: seven judged points above the mean, so a shift; the gap is neither
  // flagged nor a break.
  const SeriesResult r = AnalyseValues("mdc", WithTail({11, 11, 11, kMissing, 11, 11, 11, 11}),
                                       Direction::kHigherIsBetter, kBase);
  EXPECT_TRUE(HasWarning(r, WarningCode::kMissingValues));
  EXPECT_TRUE(r.points[kBase + 3].missing);
  EXPECT_TRUE(NoFlags(r.points[kBase + 3]));
  EXPECT_EQ(Flagged(r, RuleId::kShift), (std::vector<int>{kBase, kBase + 1, kBase + 2, kBase + 4,
                                                          kBase + 5, kBase + 6, kBase + 7}));
  // Six 11s around a gap are not seven: the gap never makes up the count.
  const SeriesResult six = AnalyseValues("mdc", WithTail({11, 11, 11, kMissing, 11, 11, 11}),
                                         Direction::kHigherIsBetter, kBase);
  EXPECT_EQ(Flagged(six, RuleId::kShift), kNone);
}

// ---------------------------------------------------------------- ghosted points

TEST(EdgeCases, GhostedPointIsExcludedAndTheMovingRangeSpansTheGap) {
  // The baseline with point 5 (a 9) replaced by 100 and ghosted. Kept: eight 11s and seven 9s,
  // mean = (88 + 63)/15 = 151/15 = 10.06667. Moving ranges: 13 of 2 and one of |11 − 11| = 0
  // across the gap (points 4 and 6), MR̄ = 26/14 = 1.857143. UPL = 151/15 + 2.66 · 13/7
  // = 10.06667 + 4.94 = 15.00667; LPL = 5.12667.
  std::vector<double> v = Baseline();
  v[5] = 100.0;
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.ghosts = {{.date = Month(5), .decision = {.reason = "coding error"}}};
  const SeriesResult r = Analyse(ind, MonthlyValues(v));
  EXPECT_TRUE(r.points[5].ghosted);
  EXPECT_TRUE(NoFlags(r.points[5]));
  EXPECT_EQ(r.segments[0].n_used, 15);
  EXPECT_NEAR(r.segments[0].centre, 151.0 / 15.0, 1e-12);
  EXPECT_NEAR(r.segments[0].mr_bar, 13.0 / 7.0, 1e-12);
  EXPECT_NEAR(r.segments[0].upper3, 151.0 / 15.0 + 2.66 * 13.0 / 7.0, 1e-12);
  EXPECT_NEAR(r.segments[0].lower3, 151.0 / 15.0 - 2.66 * 13.0 / 7.0, 1e-12);
  EXPECT_FALSE(HasWarning(r, WarningCode::kGhostWithoutReason));
  // Without a reason the ghost is still applied, and reported.
  ind.ghosts[0].decision.reason.clear();
  EXPECT_TRUE(HasWarning(Analyse(ind, MonthlyValues(v)), WarningCode::kGhostWithoutReason));
}

// ---------------------------------------------------------------- frozen baseline

TEST(EdgeCases, FrozenBaselineLimitsIgnoreLaterPoints) {
  // Whatever follows the first 16 points, the limits stay 10 ± 5.32.
  for (double later : {12.0, 40.0}) {
    const SeriesResult r = AnalyseValues("mdc", WithTail(std::vector<double>(5, later)),
                                         Direction::kHigherIsBetter, kBase);
    EXPECT_EQ(r.segments[0].n_baseline, kBase);
    EXPECT_DOUBLE_EQ(r.points.back().centre, 10.0);
    EXPECT_NEAR(r.points.back().upper3, 15.32, 1e-12);
    EXPECT_NEAR(r.points.back().lower3, 4.68, 1e-12);
    EXPECT_TRUE(r.points[kBase - 1].in_baseline);
    EXPECT_FALSE(r.points[kBase].in_baseline);
  }
}

// ---------------------------------------------------------------- rebase segments

TEST(EdgeCases, RebaseStartsASegmentWithItsOwnLimits) {
  // Segment 1: 11, 9, ... (mean 10, MR̄ 2); segment 2: 21, 19, ... (mean 20, MR̄ 2). The jump of
  // 12 from the last 9 to the first 21 crosses the rebase and belongs to neither MR̄.
  std::vector<double> v = Baseline();
  for (int i = 0; i < kBase; ++i) v.push_back(i % 2 == 0 ? 21.0 : 19.0);
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.rebases = {{.date = Month(kBase), .decision = {.reason = "new service"}}};
  const SeriesResult r = Analyse(ind, MonthlyValues(v));
  ASSERT_EQ(r.segments.size(), 2u);
  EXPECT_DOUBLE_EQ(r.segments[0].centre, 10.0);
  EXPECT_DOUBLE_EQ(r.segments[1].centre, 20.0);
  EXPECT_DOUBLE_EQ(r.segments[1].mr_bar, 2.0);
  EXPECT_NEAR(r.segments[1].upper3, 25.32, 1e-12);
  EXPECT_EQ(r.points[kBase].segment, 1);
  // Sixteen points above segment 1's mean, but the shift rule is judged per segment.
  EXPECT_EQ(Flagged(r, RuleId::kShift), kNone);
  ind.rebases[0].decision.reason.clear();
  EXPECT_TRUE(HasWarning(Analyse(ind, MonthlyValues(v)), WarningCode::kRebaseWithoutReason));
}

// ---------------------------------------------------------------- minimum points

TEST(EdgeCases, MdcNeedsFifteenPointsForLimitsAndIcons) {
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.targets = {{.from = Month(0), .value = 4.0}};
  std::vector<double> v = Baseline();
  v.resize(14);
  const SeriesResult few = Analyse(ind, MonthlyValues(v));
  EXPECT_FALSE(few.segments[0].has_limits);
  EXPECT_TRUE(std::isnan(few.points.back().upper3));
  EXPECT_TRUE(HasWarning(few, WarningCode::kTooFewPoints));
  EXPECT_EQ(few.variation, VariationIcon::kNone);
  EXPECT_EQ(few.assurance, AssuranceIcon::kNone);
  v.push_back(11.0);  // 15 points
  const SeriesResult enough = Analyse(ind, MonthlyValues(v));
  EXPECT_TRUE(enough.segments[0].has_limits);
  EXPECT_FALSE(HasWarning(enough, WarningCode::kTooFewPoints));
  EXPECT_EQ(enough.variation, VariationIcon::kCommonCause);
}

// ---------------------------------------------------------------- variation icons

TEST(EdgeCases, AllSevenVariationIcons) {
  // The last point against the frozen limits 4.68 / 15.32: 16 is beyond the upper one, 4 the
  // lower one, 10.5 neither.
  struct Case {
    Direction direction;
    double last;
    VariationIcon icon;
  };
  const Case cases[] = {
      {Direction::kHigherIsBetter, 10.5, VariationIcon::kCommonCause},
      {Direction::kHigherIsBetter, 16, VariationIcon::kImprovementHigh},
      {Direction::kLowerIsBetter, 4, VariationIcon::kImprovementLow},
      {Direction::kLowerIsBetter, 16, VariationIcon::kConcernHigh},
      {Direction::kHigherIsBetter, 4, VariationIcon::kConcernLow},
      {Direction::kNeither, 16, VariationIcon::kNeitherHigh},
      {Direction::kNeither, 4, VariationIcon::kNeitherLow},
  };
  for (const Case& c : cases) {
    const SeriesResult r = AnalyseValues("mdc", WithTail({c.last}), c.direction, kBase);
    EXPECT_EQ(r.variation, c.icon) << VariationIconName(c.icon);
  }
}

// ---------------------------------------------------------------- assurance icons

TEST(EdgeCases, AssuranceIcons) {
  // Limits 4.68 / 15.32, higher is better: a target of 4 is always beaten (pass), 16 never
  // reached (fail), 10 sometimes (hit or miss).
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  const Series s = MonthlyValues(Baseline());
  const std::pair<double, AssuranceIcon> cases[] = {
      {4.0, AssuranceIcon::kPass}, {16.0, AssuranceIcon::kFail}, {10.0, AssuranceIcon::kHitOrMiss}};
  for (const auto& [target, icon] : cases) {
    ind.targets = {{.from = Month(0), .value = target}};
    EXPECT_EQ(Analyse(ind, s).assurance, icon) << target;
  }
  // Lower is better mirrors it.
  ind.direction = Direction::kLowerIsBetter;
  ind.targets = {{.from = Month(0), .value = 16.0}};
  EXPECT_EQ(Analyse(ind, s).assurance, AssuranceIcon::kPass);
  // No target, or no direction: no icon.
  ind.targets.clear();
  EXPECT_EQ(Analyse(ind, s).assurance, AssuranceIcon::kNone);
  ind.targets = {{.from = Month(0), .value = 16.0}};
  ind.direction = Direction::kNeither;
  EXPECT_EQ(Analyse(ind, s).assurance, AssuranceIcon::kNone);
  // A profile without assurance (qicharts2).
  ind.direction = Direction::kLowerIsBetter;
  ind.profile = "qicharts2";
  EXPECT_EQ(Analyse(ind, s).assurance, AssuranceIcon::kNone);
}

TEST(EdgeCases, NoAssuranceIconForTAndGCharts) {
  // Positive values with some spread, so both charts draw limits; the target would otherwise
  // give an icon.
  std::vector<double> v;
  for (int i = 0; i < 16; ++i) v.push_back(5.0 + (i % 4));
  for (ChartType chart : {ChartType::kT, ChartType::kG}) {
    Indicator ind = MakeIndicator(chart, Direction::kHigherIsBetter, "mdc");
    ind.targets = {{.from = Month(0), .value = 1000.0}};
    const SeriesResult r = Analyse(ind, MonthlyValues(v));
    EXPECT_TRUE(r.segments[0].has_limits) << ChartTypeName(chart);
    EXPECT_EQ(r.assurance, AssuranceIcon::kNone) << ChartTypeName(chart);
  }
}

// ---------------------------------------------------------------- target as a step function

TEST(EdgeCases, TargetIsAStepFunctionOfDate) {
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.targets = {{.from = Month(0), .value = 16.0}, {.from = Month(10), .value = 4.0}};
  EXPECT_EQ(ind.TargetAt(Month(0))->value, 16.0);
  EXPECT_EQ(ind.TargetAt(Month(9))->value, 16.0);
  EXPECT_EQ(ind.TargetAt(Month(10))->value, 4.0);
  EXPECT_EQ(ind.TargetAt(Month(40))->value, 4.0);
  EXPECT_FALSE(ind.TargetAt(*Date::FromCivil(2019, 12, 1)).has_value());
  // The latest point (Month 15) is under the second target, 4 < LPL 4.68: pass.
  const SeriesResult r = Analyse(ind, MonthlyValues(Baseline()));
  ASSERT_TRUE(r.target.has_value());
  EXPECT_EQ(*r.target, 4.0);
  EXPECT_EQ(r.assurance, AssuranceIcon::kPass);
}

// ---------------------------------------------------------------- signal sentences

TEST(EdgeCases, ShiftSentenceNamesTheMonths) {
  // 9, 9, then 11 × 7 (March to September 2020), then 9, 11, 9, 9, 11, 9, 11. Ten 11s and six
  // 9s: mean = 164/16 = 10.25, so the seven 11s are the only run of seven. Lower is better:
  // concern. MR̄ = 7 · 2 / 15 = 0.9333, 2σ = 10.25 + 2 · 2.66/3 · 0.9333 = 11.905, so 11 is in
  // no band and no other rule fires.
  const SeriesResult r = AnalyseValues(
      "mdc", {9, 9, 11, 11, 11, 11, 11, 11, 11, 9, 11, 9, 9, 11, 9, 11}, Direction::kLowerIsBetter);
  ASSERT_EQ(r.signals.size(), 1u);
  EXPECT_EQ(r.signals[0].rule, RuleId::kShift);
  EXPECT_EQ(r.signals[0].first, 2);
  EXPECT_EQ(r.signals[0].last, 8);
  EXPECT_EQ(r.signals[0].point_class, PointClass::kConcern);
  const std::string& s = r.signals[0].sentence;
  EXPECT_NE(s.find("7 points in a row above the mean"), std::string::npos) << s;
  EXPECT_NE(s.find("March 2020"), std::string::npos) << s;
  EXPECT_NE(s.find("September 2020"), std::string::npos) << s;
  EXPECT_NE(s.find("special cause concern"), std::string::npos) << s;
}

TEST(EdgeCases, BeyondLimitSentenceNamesTheMonthValueAndLimit) {
  // The 17th point (index 16) is May 2021; 16 is above UPL 15.32.
  const SeriesResult r = AnalyseValues("mdc", WithTail({16}), Direction::kHigherIsBetter, kBase);
  ASSERT_EQ(r.signals.size(), 1u);
  const std::string& s = r.signals[0].sentence;
  EXPECT_NE(s.find("May 2021"), std::string::npos) << s;
  EXPECT_NE(s.find("above the upper process limit"), std::string::npos) << s;
  // The value and the limit at the series' one precision: its values spread over less than
  // 10 (and 1 or more), so two decimals.
  EXPECT_NE(s.find("May 2021 (16.00)"), std::string::npos) << s;
  EXPECT_NE(s.find("(15.32)"), std::string::npos) << s;
  EXPECT_NE(s.find("special cause improvement"), std::string::npos) << s;
}

}  // namespace
}  // namespace kaizen
