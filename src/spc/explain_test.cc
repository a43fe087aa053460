// The profile comparison on hand-made series whose disagreements are known in advance.
#include "kaizen/explain.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "test_support.h"

namespace kaizen {
namespace {

using testing::MakeIndicator;
using testing::MonthlyValues;

std::vector<int32_t> Range(int32_t first, int32_t last) {
  std::vector<int32_t> v(last - first + 1);
  std::iota(v.begin(), v.end(), first);
  return v;
}

const ParameterCause* FindCause(const ProfileComparison& c, std::string_view name) {
  for (const ParameterCause& cause : c.causes)
    if (cause.parameter == name) return &cause;
  return nullptr;
}

std::vector<int32_t> ClassificationDiffs(const ProfileComparison& c) {
  std::vector<int32_t> v;
  for (const PointDifference& d : c.points)
    if (d.classification_differs) v.push_back(d.index);
  return v;
}

std::vector<int32_t> LimitDiffs(const ProfileComparison& c) {
  std::vector<int32_t> v;
  for (const PointDifference& d : c.points)
    if (d.limits_differ) v.push_back(d.index);
  return v;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// 15 points of the wave 8, 11, 14, 14, 11, 8 then a 5-point rise 9..13 (April to August
// 2021). Sum 220, so the mean is exactly 11; runs on either side of it are at most 3 long, the
// ties 14, 14 and 8, 8 break every other trend, and MR-bar = 39/19 = 2.05 puts the limits at
// 11 ± 5.46 (mdc) or 11 ± 5.459 (3/1.128), far from every value. The largest moving range (5)
// is below the screening cut 3.267 · 2.05 = 6.7, so screening changes nothing.
Series RiseSeries() {
  return MonthlyValues({8, 11, 14, 14, 11, 8, 8, 11, 14, 14, 11, 8, 8, 11, 14, 9, 10, 11, 12, 13});
}

TEST(CompareProfiles, FivePointRiseIsATrendOnlyUnderPbiSpc) {
  const Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  Result<ProfileComparison> r = CompareProfiles(ind, RiseSeries(), "mdc", "pbi-spc");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const ProfileComparison& c = *r;
  EXPECT_EQ(c.profile_a, "mdc");
  EXPECT_EQ(c.profile_b, "pbi-spc");
  EXPECT_FALSE(c.agree());

  // Classification: the five rising points, a trend (improvement) under pbi-spc only.
  EXPECT_EQ(ClassificationDiffs(c), Range(15, 19));
  for (const PointDifference& d : c.points) {
    if (!d.classification_differs) continue;
    EXPECT_EQ(d.a.label, RuleId::kNone);
    EXPECT_EQ(d.a.point_class, PointClass::kCommonCause);
    EXPECT_EQ(d.b.label, RuleId::kTrend);
    EXPECT_EQ(d.b.side, Side::kHigh);
    EXPECT_EQ(d.b.point_class, PointClass::kImprovement);
  }
  // Limits: every point, 2.66 against 3/1.128 times MR-bar 39/19.
  EXPECT_EQ(LimitDiffs(c), Range(0, 19));
  const double mr_bar = 39.0 / 19.0;
  EXPECT_NEAR(c.points[0].a.upper3, 11 + 2.66 * mr_bar, 1e-9);
  EXPECT_NEAR(c.points[0].b.upper3, 11 + 3 / 1.128 * mr_bar, 1e-9);
  EXPECT_NEAR(c.points[0].b.lower3, 11 - 3 / 1.128 * mr_bar, 1e-9);

  EXPECT_EQ(c.variation_a, VariationIcon::kCommonCause);
  EXPECT_EQ(c.variation_b, VariationIcon::kImprovementHigh);
  EXPECT_EQ(c.assurance_a, AssuranceIcon::kNone);  // no target
  EXPECT_EQ(c.assurance_b, AssuranceIcon::kNone);

  const ParameterCause* trend = FindCause(c, "trend_length");
  ASSERT_NE(trend, nullptr);
  EXPECT_EQ(trend->value_a, "7");
  EXPECT_EQ(trend->value_b, "5");
  EXPECT_EQ(trend->explains_classification, Range(15, 19));
  EXPECT_TRUE(trend->explains_limits.empty());
  EXPECT_TRUE(trend->explains_variation);
  EXPECT_FALSE(trend->explains_assurance);
  EXPECT_TRUE(Contains(trend->sentence, "trend_length is 7 in mdc but 5 in pbi-spc"))
      << trend->sentence;
  EXPECT_TRUE(Contains(trend->sentence,
                       "the 5 points from April 2021 to August 2021 are part "
                       "of a rising trend only under pbi-spc"))
      << trend->sentence;

  const ParameterCause* sigma = FindCause(c, "xmr_sigma_constant");
  ASSERT_NE(sigma, nullptr);
  EXPECT_EQ(sigma->value_a, "2.66");
  EXPECT_EQ(sigma->explains_limits, Range(0, 19));
  EXPECT_TRUE(sigma->explains_classification.empty());
  EXPECT_FALSE(sigma->explains_variation);
  // 11 ± 2.66 · 39/19 = 5.54 and 16.46; 11 ± 3/1.128 · 39/19 = 5.5409 and 16.4591.
  EXPECT_TRUE(Contains(sigma->sentence,
                       "from January 2020 to August 2021 the limits are 5.54 to "
                       "16.46 under mdc but 5.541 to 16.46 under pbi-spc"))
      << sigma->sentence;

  // Parameters that differ but change nothing here are still listed, after those that matter.
  for (const char* inert : {"mr_screening", "min_points_for_limits", "trend_across_segments",
                            "two_of_three.beyond_outer_counts", "conflict", "assurance"}) {
    const ParameterCause* cause = FindCause(c, inert);
    ASSERT_NE(cause, nullptr) << inert;
    EXPECT_TRUE(cause->explains_classification.empty() && cause->explains_limits.empty() &&
                cause->contributes.empty() && !cause->explains_variation)
        << inert;
    EXPECT_TRUE(Contains(cause->sentence, "makes no difference")) << cause->sentence;
  }
  EXPECT_LT(std::find_if(c.causes.begin(), c.causes.end(),
                         [](const ParameterCause& x) { return x.parameter == "trend_length"; }),
            std::find_if(c.causes.begin(), c.causes.end(),
                         [](const ParameterCause& x) { return x.parameter == "mr_screening"; }));

  EXPECT_TRUE(c.unexplained_classification.empty());
  EXPECT_TRUE(c.unexplained_limits.empty());
  EXPECT_FALSE(c.variation_unexplained);
  EXPECT_TRUE(Contains(c.summary, "mdc and pbi-spc disagree on 20 of 20 points")) << c.summary;
  EXPECT_TRUE(
      Contains(c.summary,
               "Taken alone, xmr_sigma_constant explains the limits of 20 points; trend_length "
               "explains the classification of 5 points and the "
               "variation icon"))
      << c.summary;
}

// Wave 8, 11, 14, 14, 11, 8 with a spike of 30 in May 2020 (index 4) and 23 in April 2021
// (index 15). Sum 245: mean 12.25. Moving ranges 3,3,0,16,22,0,3,3,0,3,3,0,3,3,9,12,3,0,3:
// sum 89, MR-bar 89/19 = 4.684; mdc limits 12.25 ± 2.66 · 4.684 = -0.21 and 24.71, so the
// spike (30) is beyond them and 23 is inside. nhsr screens moving ranges at or above
// 3.267 · 4.684 = 15.30 (the 16 and 22 around the spike): MR-bar 51/17 = 3 exactly, limits
// 12.25 ± 7.98 = 4.27 and 20.23, and 23 is beyond them too. No other rule fires under either
// profile: runs on one side are at most 4 long, trends at most 4, and under mdc only 23 lies
// in the 2-3 sigma band (20.56 to 24.71).
Series SpikeSeries() {
  return MonthlyValues({8, 11, 14, 14, 30, 8, 8, 11, 14, 14, 11, 8, 8, 11, 14, 23, 11, 8, 8, 11});
}

TEST(CompareProfiles, ScreeningPutsPointsBeyondLimitsUnderNhsrOnly) {
  const Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  Result<ProfileComparison> r = CompareProfiles(ind, SpikeSeries(), "mdc", "nhsr");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const ProfileComparison& c = *r;

  EXPECT_EQ(ClassificationDiffs(c), std::vector<int32_t>{15});
  EXPECT_EQ(LimitDiffs(c), Range(0, 19));
  for (const PointDifference& d : c.points) {
    EXPECT_NEAR(d.a.centre, 12.25, 1e-9);
    EXPECT_NEAR(d.b.centre, 12.25, 1e-9);
    EXPECT_NEAR(d.a.lower3, 12.25 - 2.66 * 89.0 / 19.0, 1e-9);
    EXPECT_NEAR(d.a.upper3, 12.25 + 2.66 * 89.0 / 19.0, 1e-9);
    EXPECT_NEAR(d.b.lower3, 4.27, 1e-9);
    EXPECT_NEAR(d.b.upper3, 20.23, 1e-9);
    if (!d.classification_differs) continue;
    EXPECT_EQ(d.a.label, RuleId::kNone);
    EXPECT_EQ(d.b.label, RuleId::kBeyondLimits);
    EXPECT_EQ(d.b.side, Side::kHigh);
    EXPECT_EQ(d.b.point_class, PointClass::kImprovement);
  }
  // The last point (11) is common cause under both.
  EXPECT_EQ(c.variation_a, VariationIcon::kCommonCause);
  EXPECT_EQ(c.variation_b, VariationIcon::kCommonCause);

  const ParameterCause* screening = FindCause(c, "mr_screening");
  ASSERT_NE(screening, nullptr);
  EXPECT_EQ(screening->value_a, "off");
  EXPECT_EQ(screening->value_b, "exclude_above_ucl");
  EXPECT_EQ(screening->explains_classification, std::vector<int32_t>{15});
  EXPECT_EQ(screening->explains_limits, Range(0, 19));
  EXPECT_TRUE(Contains(screening->sentence, "April 2021 is beyond the upper limit only under nhsr"))
      << screening->sentence;
  EXPECT_TRUE(Contains(screening->sentence,
                       "from January 2020 to August 2021 the limits are "
                       "-0.21 to 24.71 under mdc but 4.27 to 20.23 "
                       "under nhsr"))
      << screening->sentence;

  // The precedence parameters of nhsr make no difference to this series.
  for (const char* inert : {"conflict", "precedence", "warn_below_points"}) {
    const ParameterCause* cause = FindCause(c, inert);
    ASSERT_NE(cause, nullptr) << inert;
    EXPECT_TRUE(cause->explains_classification.empty() && cause->explains_limits.empty() &&
                cause->contributes.empty())
        << inert;
  }
  const ParameterCause* precedence = FindCause(c, "precedence");
  EXPECT_EQ(precedence->value_a, "");
  EXPECT_EQ(precedence->value_b, "beyond_limits,trend,two_of_three,shift");
  EXPECT_TRUE(Contains(precedence->sentence, "precedence is empty in mdc")) << precedence->sentence;
  EXPECT_TRUE(c.unexplained_classification.empty());
  EXPECT_TRUE(c.unexplained_limits.empty());
}

TEST(CompareProfiles, LimitsFromTwoParametersAreExplainedByThePair) {
  // pbi-spc differs from mdc in both the sigma constant (3/1.128) and screening, and its
  // limits 12.25 ± 3/1.128 · 3 = 4.2713 and 20.2287 need both: neither alone reproduces them,
  // though each moves them; the pair does. Screening alone puts April 2021 (23) beyond the
  // limits.
  const Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  Result<ProfileComparison> r = CompareProfiles(ind, SpikeSeries(), "mdc", "pbi-spc");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const ProfileComparison& c = *r;
  EXPECT_NEAR(c.points[0].b.upper3, 12.25 + 9 / 1.128, 1e-9);
  EXPECT_NEAR(c.points[0].b.lower3, 12.25 - 9 / 1.128, 1e-9);
  EXPECT_EQ(ClassificationDiffs(c), std::vector<int32_t>{15});
  EXPECT_TRUE(c.unexplained_limits.empty());
  EXPECT_TRUE(c.unexplained_classification.empty());
  ASSERT_EQ(c.pair_causes.size(), 1u);
  EXPECT_EQ(c.pair_causes[0].first, "xmr_sigma_constant");
  EXPECT_EQ(c.pair_causes[0].second, "mr_screening");
  EXPECT_EQ(c.pair_causes[0].explains_limits, Range(0, 19));

  const ParameterCause* screening = FindCause(c, "mr_screening");
  const ParameterCause* sigma = FindCause(c, "xmr_sigma_constant");
  ASSERT_NE(screening, nullptr);
  ASSERT_NE(sigma, nullptr);
  EXPECT_EQ(screening->explains_classification, std::vector<int32_t>{15});
  EXPECT_TRUE(screening->explains_limits.empty());
  EXPECT_EQ(screening->contributes, Range(0, 19));
  EXPECT_TRUE(sigma->explains_limits.empty());
  EXPECT_EQ(sigma->contributes, Range(0, 19));
  EXPECT_TRUE(Contains(c.summary,
                       "Together, xmr_sigma_constant and mr_screening explain the limits of 20 "
                       "points"))
      << c.summary;
}

TEST(CompareProfiles, TrendPointsNeedLengthAndFlaggingTogether) {
  // 1, 2, 3, 4, 5: a 5-point rise. pbi-spc (trend of 5, whole run flagged) flags all five;
  // nelson (trend of 6, flagged from the 6th point, as Minitab does) flags none.
  // trend_length = 5 alone flags only the completing fifth point; whole-run flagging alone
  // changes nothing (no run reaches 6). Together they flag points 1-4 as well.
  const Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "nelson");
  Result<ProfileComparison> r =
      CompareProfiles(ind, MonthlyValues({1, 2, 3, 4, 5}), "nelson", "pbi-spc");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const ProfileComparison& c = *r;
  const ParameterCause* length = FindCause(c, "trend_length");
  ASSERT_NE(length, nullptr);
  EXPECT_EQ(length->explains_classification, std::vector<int32_t>{4});
  const ParameterCause* flagging = FindCause(c, "trend_flagging");
  ASSERT_NE(flagging, nullptr);
  EXPECT_TRUE(flagging->explains_classification.empty());
  ASSERT_EQ(c.pair_causes.size(), 1u);
  EXPECT_EQ(c.pair_causes[0].first, "trend_length");
  EXPECT_EQ(c.pair_causes[0].second, "trend_flagging");
  EXPECT_EQ(c.pair_causes[0].explains_classification, Range(0, 3));
  EXPECT_TRUE(c.unexplained_classification.empty());
  EXPECT_TRUE(c.unexplained_limits.empty());
}

TEST(CompareProfiles, IdenticalProfilesHaveNoDifferences) {
  const Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kLowerIsBetter, "nhsr");
  Result<ProfileComparison> r = CompareProfiles(ind, SpikeSeries(), "nhsr", "nhsr");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->agree());
  EXPECT_TRUE(r->points.empty());
  EXPECT_TRUE(r->causes.empty());
  EXPECT_EQ(r->summary,
            "nhsr and nhsr agree on every point and icon of this series; their parameters are "
            "identical.");
}

TEST(CompareProfiles, DifferentParametersCanStillAgree) {
  // mdc-2023 differs from mdc only in letting a point beyond 3 sigma count in 2 of 3; the rise
  // series has no such point, so the two agree, and the comparison says which parameter differs.
  const Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  Result<ProfileComparison> r = CompareProfiles(ind, RiseSeries(), "mdc", "mdc-2023");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->agree());
  ASSERT_EQ(r->causes.size(), 1u);
  EXPECT_EQ(r->causes[0].parameter, "two_of_three.beyond_outer_counts");
  EXPECT_EQ(r->causes[0].value_a, "false");
  EXPECT_EQ(r->causes[0].value_b, "true");
  EXPECT_TRUE(Contains(r->summary,
                       "although 1 parameter(s) differ "
                       "(two_of_three.beyond_outer_counts)"))
      << r->summary;
}

TEST(CompareProfiles, OverridesApplyToBothProfiles) {
  // With trend_length = 5 forced on both, the rise is a trend under mdc too and trend_length
  // no longer differs; only the limits (sigma constant) remain.
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.overrides = {{"trend_length", "5"}};
  Result<ProfileComparison> r = CompareProfiles(ind, RiseSeries(), "mdc", "pbi-spc");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(FindCause(*r, "trend_length"), nullptr);
  EXPECT_TRUE(ClassificationDiffs(*r).empty());
  EXPECT_EQ(LimitDiffs(*r), Range(0, 19));
  EXPECT_EQ(r->variation_a, VariationIcon::kImprovementHigh);
  EXPECT_EQ(r->variation_b, VariationIcon::kImprovementHigh);
}

TEST(CompareProfiles, AssuranceInclusiveAgainstStrict) {
  // A target exactly on the lower limit: mdc (inclusive) says pass when higher is better,
  // nhsr (strict) says hit or miss. Values 1..5 give nhsr limits 0.34 and 5.66 (MR-bar 1, no
  // screening effect); an mdc override min_points_for_limits = 0 lets mdc draw them too.
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.overrides = {{"min_points_for_limits", "0"}};
  // mean − 3σ with σ = 2.66/3 · MR-bar, in that floating-point order, so the target is on the
  // limit to the last bit rather than 1 ulp either side of it.
  ind.targets.push_back({.from = testing::Month(0), .value = 3.0 - 3 * (2.66 / 3.0 * 1.0)});
  Result<ProfileComparison> r = CompareProfiles(ind, MonthlyValues({1, 2, 3, 4, 5}), "mdc", "nhsr");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->assurance_a, AssuranceIcon::kPass);
  EXPECT_EQ(r->assurance_b, AssuranceIcon::kHitOrMiss);
  const ParameterCause* assurance = FindCause(*r, "assurance");
  ASSERT_NE(assurance, nullptr);
  EXPECT_TRUE(assurance->explains_assurance);
  EXPECT_TRUE(Contains(assurance->sentence,
                       "the assurance icon is pass under mdc but hit or miss under nhsr"))
      << assurance->sentence;
  EXPECT_FALSE(r->assurance_unexplained);
}

TEST(CompareProfiles, ErrorsAreReported) {
  const Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  Result<ProfileComparison> unknown = CompareProfiles(ind, RiseSeries(), "mdc", "excel");
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  Indicator bad = ind;
  bad.overrides = {{"trend_length", "seven"}};
  EXPECT_EQ(CompareProfiles(bad, RiseSeries(), "mdc", "nhsr").status().code(),
            StatusCode::kInvalidArgument);
  Series ragged = RiseSeries();
  ragged.values.pop_back();
  EXPECT_EQ(CompareProfiles(ind, ragged, "mdc", "nhsr").status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kaizen

namespace kaizen {
namespace {

TEST(CompareProfiles, AGapExplainsWhyQicharts2LimitsDiffer) {
  // 1, 3, (missing), 4, 8 under pbi-spc and qicharts2: both 3/1.128 with screening, so the
  // limits differ only because qicharts2 drops both moving ranges next to the gap (MR̄ = 3)
  // where pbi-spc bridges it (ranges 2, 1, 4: MR̄ = 7/3). mr_across_gaps alone explains the
  // lines of every point, and `kaizen explain` names it.
  const Indicator ind = testing::MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  Result<ProfileComparison> r =
      CompareProfiles(ind, testing::MonthlyValues({1, 3, kMissing, 4, 8}), "pbi-spc", "qicharts2");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const ParameterCause* gaps = FindCause(*r, "mr_across_gaps");
  ASSERT_NE(gaps, nullptr);
  EXPECT_EQ(gaps->value_a, "bridge");
  EXPECT_EQ(gaps->value_b, "break");
  EXPECT_EQ(gaps->explains_limits, (std::vector<int32_t>{0, 1, 2, 3, 4}));
  EXPECT_TRUE(r->unexplained_limits.empty());
  EXPECT_NE(gaps->sentence.find("mr_across_gaps"), std::string::npos) << gaps->sentence;
}

}  // namespace
}  // namespace kaizen
