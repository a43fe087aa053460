// "Not judged" as a state of its own (issue 7): a segment with too few points for limits, no
// variation, or no limits gets no rule, no point colour, no icon, and a sentence that says why
// and states the latest value against the target. Expected values are worked out by hand in
// the comments; the series start in January 2020 (test_support.h).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kaizen/spc.h"
#include "spc/classify.h"
#include "test_support.h"

namespace kaizen {
namespace {

using testing::MakeIndicator;
using testing::Month;
using testing::MonthlyValues;

SeriesResult Analyse(const Indicator& ind, const std::vector<double>& values) {
  Result<SeriesResult> r = AnalyseSeries(ind, MonthlyValues(values));
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : SeriesResult{};
}

Indicator XmrWithTarget(const std::string& profile, Direction direction, double target) {
  Indicator ind = MakeIndicator(ChartType::kXmr, direction, profile);
  ind.targets = {{.from = Month(0), .value = target}};
  return ind;
}

// 11, 12, ..., 19: nine months, January to September 2020, each higher than the one before.
std::vector<double> NineRising() {
  std::vector<double> v;
  for (int i = 0; i < 9; ++i) v.push_back(11.0 + i);
  return v;
}

TEST(Judgement, ShortSegmentUnderMdcIsNotJudgedAndNoRuleRuns) {
  // Nine points: mdc needs 15 for limits. The nine rise every month, a 7-point trend that
  // would flag every point if the rules ran; a segment that is not judged gets none of them.
  const SeriesResult r =
      Analyse(XmrWithTarget("mdc", Direction::kHigherIsBetter, 20.0), NineRising());
  ASSERT_EQ(r.segments.size(), 1u);
  EXPECT_EQ(r.segments[0].judgement, Judgement::kTooFewPoints);
  EXPECT_EQ(r.segments[0].points_needed, 15);
  EXPECT_EQ(r.segments[0].n_baseline, 9);
  EXPECT_EQ(r.judgement, Judgement::kTooFewPoints);
  for (const PointResult& pt : r.points) {
    EXPECT_EQ(pt.point_class, PointClass::kNotJudged);
    EXPECT_EQ(pt.label, RuleId::kNone);
    for (const int8_t flag : pt.rules) EXPECT_EQ(flag, 0);
  }
  EXPECT_TRUE(r.signals.empty());
  EXPECT_EQ(r.variation, VariationIcon::kNone);
  EXPECT_EQ(r.assurance, AssuranceIcon::kNone);
  // Higher is better and 19 < 20: not met. 15 − 9 = 6 more points. The values spread over 8
  // (from 1 to 10): every value of the series, the target too, with two decimals.
  ASSERT_TRUE(r.target_met.has_value());
  EXPECT_FALSE(*r.target_met);
  EXPECT_EQ(r.summary,
            "Not judged yet: 9 of the 15 points needed for limits (6 more). The latest point "
            "(September 2020, 19.00) does not meet the target of 20.00.");
}

TEST(Judgement, TargetMetRespectsTheDirection) {
  // The same nine points with lower is better: 19 ≤ 20, so the target is met.
  const SeriesResult r =
      Analyse(XmrWithTarget("mdc", Direction::kLowerIsBetter, 20.0), NineRising());
  ASSERT_TRUE(r.target_met.has_value());
  EXPECT_TRUE(*r.target_met);
  EXPECT_EQ(r.summary,
            "Not judged yet: 9 of the 15 points needed for limits (6 more). The latest point "
            "(September 2020, 19.00) meets the target of 20.00.");
}

TEST(Judgement, MeetsTargetIsInclusiveAndDirectional) {
  EXPECT_EQ(spc::MeetsTarget(Direction::kHigherIsBetter, 95.0, 95.0), true);  // on the target
  EXPECT_EQ(spc::MeetsTarget(Direction::kHigherIsBetter, 94.9, 95.0), false);
  EXPECT_EQ(spc::MeetsTarget(Direction::kLowerIsBetter, 5.0, 6.0), true);
  EXPECT_EQ(spc::MeetsTarget(Direction::kLowerIsBetter, 7.0, 6.0), false);
  EXPECT_EQ(spc::MeetsTarget(Direction::kNeither, 7.0, 6.0), std::nullopt);
  EXPECT_EQ(spc::MeetsTarget(Direction::kHigherIsBetter, kMissing, 6.0), std::nullopt);
}

TEST(Judgement, ZeroVariationGivesNoIconAndSaysWhy) {
  // Sixteen 12s (January 2020 to April 2021): enough points, but every moving range is 0.
  // mdc keeps its limits on the mean (12), yet there is nothing to judge: no icon, and 12 ≥ 10
  // meets the target (higher is better).
  const SeriesResult r = Analyse(XmrWithTarget("mdc", Direction::kHigherIsBetter, 10.0),
                                 std::vector<double>(16, 12.0));
  ASSERT_EQ(r.segments.size(), 1u);
  EXPECT_TRUE(r.segments[0].zero_variation);
  EXPECT_EQ(r.segments[0].judgement, Judgement::kZeroVariation);
  EXPECT_EQ(r.segments[0].points_needed, 0);
  EXPECT_EQ(r.variation, VariationIcon::kNone);
  EXPECT_EQ(r.assurance, AssuranceIcon::kNone);
  for (const PointResult& pt : r.points) EXPECT_EQ(pt.point_class, PointClass::kNotJudged);
  EXPECT_EQ(r.target_met, true);
  EXPECT_EQ(r.summary,
            "No variation: every value is 12 since January 2020, so there is nothing to judge. "
            "The latest point (April 2021, 12) meets the target of 10.");
}

TEST(Judgement, ZeroVariationComesBeforeTooFewPoints) {
  // Nine 12s under mdc: too few points and no variation; no variation is the reason that
  // more points will not cure, so it is the one given.
  const SeriesResult r = Analyse(MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc"),
                                 std::vector<double>(9, 12.0));
  EXPECT_EQ(r.judgement, Judgement::kZeroVariation);
  EXPECT_EQ(r.summary,
            "No variation: every value is 12 since January 2020, so there is nothing to judge. "
            "The latest point (September 2020, 12) has no target.");
}

TEST(Judgement, ZeroVariationUnderAScreenedProfileHasNoLimits) {
  // nhsr screens the moving ranges and keeps none (all 0): no limits drawn, as its peer.
  const SeriesResult r = Analyse(MakeIndicator(ChartType::kXmr, Direction::kLowerIsBetter, "nhsr"),
                                 std::vector<double>(16, 3.0));
  EXPECT_FALSE(r.segments[0].has_limits);
  EXPECT_EQ(r.judgement, Judgement::kZeroVariation);
  EXPECT_EQ(r.variation, VariationIcon::kNone);
}

TEST(Judgement, ShortSegmentAfterARebaseCountsFromTheRebase) {
  // 16 points alternating 11, 9, then a rebase at May 2021 (month 16) and five points 20..24
  // (May to September 2021). Segment 1 (16 points) is judged: its points are common cause (no
  // rule flags a strict alternation: 2 of 3 needs points beyond 2 sigma, 10 ± 3.55). Segment 2
  // has 5 of 15 points: 10 more.
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.rebases = {{Month(16), {.reason = "new pathway"}}};
  std::vector<double> v;
  for (int i = 0; i < 16; ++i) v.push_back(i % 2 == 0 ? 11.0 : 9.0);
  for (int i = 0; i < 5; ++i) v.push_back(20.0 + i);
  const SeriesResult r = Analyse(ind, v);
  ASSERT_EQ(r.segments.size(), 2u);
  EXPECT_EQ(r.segments[0].judgement, Judgement::kJudged);
  EXPECT_EQ(r.segments[1].judgement, Judgement::kTooFewPoints);
  EXPECT_EQ(r.points[0].point_class, PointClass::kCommonCause);
  EXPECT_EQ(r.points[15].point_class, PointClass::kCommonCause);
  EXPECT_EQ(r.points[16].point_class, PointClass::kNotJudged);
  EXPECT_EQ(r.points[20].point_class, PointClass::kNotJudged);
  EXPECT_EQ(r.variation, VariationIcon::kNone);
  // The values spread from 9 to 24 (15, from 10 to 100): one decimal.
  EXPECT_EQ(r.summary,
            "Not judged yet: 5 of the 15 points needed for limits since the limits were "
            "recalculated in May 2021 (10 more). The latest point (September 2021, 24.0) has "
            "no target.");
}

TEST(Judgement, AFixedShortBaselineIsNamed) {
  // 20 points but a baseline of the first 10: the baseline, not the series, is short.
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.baseline.first_n = 10;
  std::vector<double> v;
  for (int i = 0; i < 20; ++i) v.push_back(i % 2 == 0 ? 11.0 : 9.0);
  const SeriesResult r = Analyse(ind, v);
  EXPECT_EQ(r.judgement, Judgement::kTooFewPoints);
  // The latest point is month 19, August 2021, a 9.
  EXPECT_EQ(r.summary,
            "Not judged yet: the baseline has 10 of the 15 points needed for limits (5 more). "
            "The latest point (August 2021, 9.00) has no target.");
}

TEST(Judgement, OnePointHasNoLimits) {
  // nhsr needs no minimum, but one point has no moving range: a centre (5) and no limits.
  const SeriesResult r =
      Analyse(MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "nhsr"), {5.0});
  EXPECT_EQ(r.latest, 0);
  EXPECT_EQ(r.judgement, Judgement::kNoLimits);
  EXPECT_EQ(r.points[0].point_class, PointClass::kNotJudged);
  // One whole value: no decimals.
  EXPECT_EQ(r.summary,
            "Not judged: no process limits can be drawn from 1 point, so there is nothing to "
            "judge. The latest point (January 2020, 5) has no target.");
}

// Issue 8, item 12: values in sentences carry the unit as every output writes it, after a
// space when worded ("27,950attendances" once) and directly for "%".
TEST(Judgement, SentencesCarryTheUnit) {
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "nhsr");
  ind.unit = "attendances";
  const SeriesResult r = Analyse(ind, {27950.0});
  EXPECT_EQ(r.summary,
            "Not judged: no process limits can be drawn from 1 point, so there is nothing to "
            "judge. The latest point (January 2020, 27,950 attendances) has no target.");
  ind.unit = "%";
  ind.targets = {{.from = Month(0), .value = 95}};
  const SeriesResult pct = Analyse(ind, {94.5});
  // One value, not whole: judged by its size (94.5, from 10 to 100): one decimal.
  EXPECT_NE(pct.summary.find("(January 2020, 94.5%) does not meet the target of 95.0%."),
            std::string::npos)
      << pct.summary;
}

TEST(Judgement, TheCataloguesDecimalsOverrideTheDatas) {
  // 9 and 11 alone would get two decimals (spread 2); the catalogue asks for none.
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "nhsr");
  ind.decimals = 0;
  const SeriesResult r = Analyse(ind, {11.0, 9.0, 11.0, 9.0});
  EXPECT_EQ(r.decimals, 0);
  EXPECT_NE(r.summary.find("The latest point (April 2020, 9) "), std::string::npos) << r.summary;
}

TEST(Judgement, JudgedWithoutAssuranceStillStatesTheTargetFact) {
  // qicharts2 gives no assurance icon. Sixteen points alternating 11, 9 end on 9; higher is
  // better with a target of 10: 9 < 10 is not met, and the sentence says so.
  Indicator ind = XmrWithTarget("qicharts2", Direction::kHigherIsBetter, 10.0);
  std::vector<double> v;
  for (int i = 0; i < 16; ++i) v.push_back(i % 2 == 0 ? 11.0 : 9.0);
  const SeriesResult r = Analyse(ind, v);
  EXPECT_EQ(r.judgement, Judgement::kJudged);
  EXPECT_EQ(r.variation, VariationIcon::kCommonCause);
  EXPECT_EQ(r.assurance, AssuranceIcon::kNone);
  EXPECT_EQ(r.target_met, false);
  // 9 and 11 spread over 2: two decimals, for the target too.
  EXPECT_EQ(r.summary,
            "The latest point (April 2021, 9.00) shows common cause variation; against the "
            "target of 10.00 no assurance can be given, and the latest value does not meet it.");
}

}  // namespace
}  // namespace kaizen
