#include <gtest/gtest.h>

#include <cmath>

#include "kaizen/summary.h"
#include "test_support.h"

namespace kaizen {
namespace {

using testing::Month;

Date Day(int y, int m, int d) { return *Date::FromCivil(y, m, d); }

Indicator Falls() {
  Indicator ind;
  ind.id = "falls";
  ind.reference = "Q-03";
  ind.name = "Inpatient falls per 1,000 bed days";
  ind.domain = "Safe";
  ind.direction = Direction::kLowerIsBetter;
  ind.chart = ChartType::kU;
  ind.refresh = "monthly";
  ind.accountable_person = "Chief Nurse";
  ind.data_owner = "Patient safety team";
  ind.data_quality = "Reasonable";
  ind.targets = {{.from = Month(0), .value = 6.0, .set_by = "national"},
                 {.from = Month(2), .value = 5.0, .set_by = "local"}};
  ind.narratives = {{Month(1), "Old news.", "A"}, {Month(3), "Falls up: agency staff.", "B"}};
  return ind;
}

// Four monthly points, January to April 2020; the latest is April.
SeriesResult Result4(VariationIcon variation, AssuranceIcon assurance) {
  SeriesResult r;
  r.organisation = "RXX";
  for (int i = 0; i < 4; ++i) {
    PointResult p;
    p.period = Month(i);
    p.value = 5 + i;
    p.centre = 6.5;
    p.lower3 = 2;
    p.upper3 = 11;
    r.points.push_back(p);
  }
  r.latest = 3;
  r.variation = variation;
  r.assurance = assurance;
  r.target = 5.0;
  r.summary = "The latest point shows common cause variation.";
  return r;
}

TEST(MakeSummaryRow, CopiesTheLatestPointAndTheTargetInForce) {
  const SummaryRow row = MakeSummaryRow(
      Falls(), Result4(VariationIcon::kCommonCause, AssuranceIcon::kHitOrMiss), Day(2020, 4, 20));
  EXPECT_EQ(row.reference, "Q-03");
  EXPECT_EQ(row.domain, "Safe");
  EXPECT_EQ(row.organisation, "RXX");
  ASSERT_TRUE(row.updated_to);
  EXPECT_EQ(*row.updated_to, Month(3));
  EXPECT_EQ(row.latest_value, 8);
  EXPECT_EQ(row.mean, 6.5);
  EXPECT_EQ(row.lower_limit, 2);
  EXPECT_EQ(row.upper_limit, 11);
  EXPECT_EQ(row.target, 5.0);
  EXPECT_EQ(row.target_set_by, "local");
  EXPECT_EQ(row.narrative, "Falls up: agency staff.");
  EXPECT_EQ(row.accountable_person, "Chief Nurse");
  EXPECT_EQ(row.data_owner, "Patient safety team");
  EXPECT_EQ(row.data_quality, "Reasonable");
  EXPECT_EQ(row.sentence, "The latest point shows common cause variation.");
  EXPECT_FALSE(row.exception);
  EXPECT_FALSE(row.stale);
}

TEST(MakeSummaryRow, ExceptionOnConcernOrFail) {
  const Date today = Day(2020, 4, 20);
  EXPECT_TRUE(MakeSummaryRow(Falls(),
                             Result4(VariationIcon::kConcernHigh, AssuranceIcon::kHitOrMiss), today)
                  .exception);
  EXPECT_TRUE(
      MakeSummaryRow(Falls(), Result4(VariationIcon::kConcernLow, AssuranceIcon::kNone), today)
          .exception);
  EXPECT_TRUE(
      MakeSummaryRow(Falls(), Result4(VariationIcon::kCommonCause, AssuranceIcon::kFail), today)
          .exception);
  EXPECT_FALSE(
      MakeSummaryRow(Falls(), Result4(VariationIcon::kImprovementLow, AssuranceIcon::kPass), today)
          .exception);
}

TEST(MakeSummaryRow, WithoutAnAssuranceIconAMissedTargetIsAnException) {
  // Issue 7: a series that cannot be judged (too few points) still shows its latest value
  // against the target, and missing it makes the row an exception.
  const Date today = Day(2020, 4, 20);
  SeriesResult r = Result4(VariationIcon::kNone, AssuranceIcon::kNone);
  r.judgement = Judgement::kTooFewPoints;
  r.target_met = false;
  const SummaryRow missed = MakeSummaryRow(Falls(), r, today);
  EXPECT_TRUE(missed.exception);
  EXPECT_EQ(missed.judgement, Judgement::kTooFewPoints);
  EXPECT_EQ(missed.target_met, false);
  r.target_met = true;
  EXPECT_FALSE(MakeSummaryRow(Falls(), r, today).exception);
  r.target_met.reset();  // no better direction: nothing to miss
  EXPECT_FALSE(MakeSummaryRow(Falls(), r, today).exception);
  // With an assurance icon, the icon decides: hit or miss is no exception even when the
  // latest value misses.
  r = Result4(VariationIcon::kCommonCause, AssuranceIcon::kHitOrMiss);
  r.target_met = false;
  EXPECT_FALSE(MakeSummaryRow(Falls(), r, today).exception);
}

TEST(MakeSummaryRow, AShortSeriesMissingItsTargetThroughTheEngine) {
  // Falls (lower is better, target 5.0 from March 2020) as an XmR chart of nine months, 6 to 8:
  // mdc needs 15 points, so nothing is judged; the latest value 7 (September 2020) is above
  // the ceiling 5: not met, so the row is an exception although it has no icon.
  Indicator ind = Falls();
  ind.chart = ChartType::kXmr;
  ind.profile = "mdc";
  Result<SeriesResult> r = AnalyseSeries(ind, testing::MonthlyValues({6, 7, 8, 6, 7, 8, 6, 8, 7}));
  ASSERT_TRUE(r.ok()) << r.status().message();
  const SummaryRow row = MakeSummaryRow(ind, *r, Day(2020, 10, 20));
  EXPECT_EQ(row.variation, VariationIcon::kNone);
  EXPECT_EQ(row.assurance, AssuranceIcon::kNone);
  EXPECT_EQ(row.judgement, Judgement::kTooFewPoints);
  EXPECT_EQ(row.target_met, false);
  EXPECT_TRUE(row.exception);
}

TEST(MakeSummaryRow, MonthlyDataIsStaleAfterTwoMonths) {
  const SeriesResult r = Result4(VariationIcon::kCommonCause, AssuranceIcon::kHitOrMiss);
  // Updated to April 2020 (the period starting 1 April): current until 1 June.
  EXPECT_FALSE(MakeSummaryRow(Falls(), r, Day(2020, 6, 1)).stale);
  EXPECT_TRUE(MakeSummaryRow(Falls(), r, Day(2020, 6, 2)).stale);
}

TEST(MakeSummaryRow, StaleFollowsTheRefreshInterval) {
  SeriesResult r = Result4(VariationIcon::kCommonCause, AssuranceIcon::kNone);
  Indicator ind = Falls();
  ind.refresh = "weekly";
  EXPECT_FALSE(MakeSummaryRow(ind, r, Day(2020, 4, 15)).stale);
  EXPECT_TRUE(MakeSummaryRow(ind, r, Day(2020, 4, 16)).stale);
  ind.refresh = "daily";
  EXPECT_FALSE(MakeSummaryRow(ind, r, Day(2020, 4, 3)).stale);
  EXPECT_TRUE(MakeSummaryRow(ind, r, Day(2020, 4, 4)).stale);
  ind.refresh = "quarterly";
  EXPECT_FALSE(MakeSummaryRow(ind, r, Day(2020, 10, 1)).stale);
  EXPECT_TRUE(MakeSummaryRow(ind, r, Day(2020, 10, 2)).stale);
  ind.refresh = "annual";
  EXPECT_FALSE(MakeSummaryRow(ind, r, Day(2022, 4, 1)).stale);
  EXPECT_TRUE(MakeSummaryRow(ind, r, Day(2022, 4, 2)).stale);
  ind.refresh = "";
  EXPECT_FALSE(MakeSummaryRow(ind, r, Day(2035, 1, 1)).stale);  // unknown: never stale
}

TEST(MakeSummaryRow, NoDataMeansNoLatestValues) {
  SeriesResult r;
  r.organisation = "RXX";
  const SummaryRow row = MakeSummaryRow(Falls(), r, Day(2020, 4, 20));
  EXPECT_FALSE(row.updated_to);
  EXPECT_TRUE(std::isnan(row.latest_value));
  EXPECT_FALSE(row.stale);
  EXPECT_TRUE(row.narrative.empty());
}

}  // namespace
}  // namespace kaizen
