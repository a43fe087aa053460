// The implausible-target warning (issue 8, item 9): it fires when every value sits on the far
// side of 50 % from a target on the good side (the breach rate against the 95 % standard), and
// stays silent on a process that simply fails its target. Values are chosen by hand; the gaps
// in the expected messages are worked out in the comments.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kaizen/spc.h"
#include "test_support.h"

namespace kaizen {
namespace {

using testing::MakeIndicator;
using testing::Month;

Indicator Percentage(ChartType chart, Direction direction, double target) {
  Indicator ind = MakeIndicator(chart, direction, "mdc");
  ind.multiplier = 100;
  ind.unit = "%";
  ind.targets = {{.from = Month(0), .value = target}};
  return ind;
}

const Warning* Implausible(const SeriesResult& r) {
  for (const Warning& w : r.warnings)
    if (w.code == WarningCode::kImplausibleTarget) return &w;
  return nullptr;
}

// Breaches out of 1,000 attendances: 100 to 300 per month (10 % to 30 %), 20 months (enough
// for limits).
Series BreachRate() {
  return testing::MonthlyRatios({100, 150, 200, 250, 300, 120, 180, 240, 160, 220,
                                 110, 170, 230, 190, 210, 140, 260, 130, 200, 180},
                                std::vector<double>(20, 1000));
}

TEST(ImplausibleTargetTest, TheBreachRateAgainstTheFourHourStandardIsFlagged) {
  Result<SeriesResult> r =
      AnalyseSeries(Percentage(ChartType::kP, Direction::kHigherIsBetter, 95), BreachRate());
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Warning* w = Implausible(*r);
  ASSERT_NE(w, nullptr);
  // The highest value is 300 / 1000 = 30.0 %, 95 − 30 = 65.0 below; the complement 100 − 95.
  EXPECT_EQ(w->message,
            "every value is at least 65.0 below the target of 95.0% and on the other side of "
            "50.0%, nearer the target's complement (5.0%) than the target: check that the "
            "direction and the measure are right (is this the breach rate rather than the "
            "performance?)");
  EXPECT_EQ(WarningCodeName(w->code), "implausible_target");
}

TEST(ImplausibleTargetTest, AProcessThatFailsItsTargetIsNotImplausible) {
  // The same months as performance: 70 % to 90 % seen within 4 hours, all below 95 %.
  std::vector<double> seen;
  for (double breaches : {100, 150, 200, 250, 300, 120, 180, 240, 160, 220})
    seen.push_back(1000 - breaches);
  Result<SeriesResult> r =
      AnalyseSeries(Percentage(ChartType::kP, Direction::kHigherIsBetter, 95),
                    testing::MonthlyRatios(seen, std::vector<double>(10, 1000)));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Implausible(*r), nullptr);
  EXPECT_EQ(r->target_met, false);  // a real failure, reported as one
}

TEST(ImplausibleTargetTest, OneValueOnTheTargetsSideOfHalfSilencesIt) {
  // 30 % to 55 %: the worst months of a failing department, or a breach rate above one half.
  Result<SeriesResult> r =
      AnalyseSeries(Percentage(ChartType::kP, Direction::kHigherIsBetter, 95),
                    testing::MonthlyRatios({300, 400, 550, 350}, std::vector<double>(4, 1000)));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Implausible(*r), nullptr);
}

TEST(ImplausibleTargetTest, PerformanceAgainstABreachCeilingIsTheMirrorImage) {
  // Lower is better with a 5 % ceiling, but the series is 70 % to 90 %: 70 − 5 = 65.0 above.
  std::vector<double> seen;
  for (double breaches : {100, 150, 200, 250, 300}) seen.push_back(1000 - breaches);
  Result<SeriesResult> r =
      AnalyseSeries(Percentage(ChartType::kP, Direction::kLowerIsBetter, 5),
                    testing::MonthlyRatios(seen, std::vector<double>(5, 1000)));
  ASSERT_TRUE(r.ok());
  const Warning* w = Implausible(*r);
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->message.find("at least 65.0 above the target of 5.0%"), std::string::npos)
      << w->message;
  EXPECT_NE(w->message.find("is this the performance rather than the breach rate?"),
            std::string::npos);
}

TEST(ImplausibleTargetTest, AnXmrChartOfPercentagesIsCheckedToo) {
  Indicator ind = Percentage(ChartType::kXmr, Direction::kHigherIsBetter, 92);
  ind.multiplier = 1;  // the values are percentages already
  Result<SeriesResult> r = AnalyseSeries(ind, testing::MonthlyValues({12, 15, 11, 18, 14}));
  ASSERT_TRUE(r.ok());
  const Warning* w = Implausible(*r);
  ASSERT_NE(w, nullptr);
  // 92 − 18 = 74; values spread over 7 (DecimalsFor: 2 decimals over 1 to 10).
  EXPECT_NE(w->message.find("at least 74.00 below the target of 92.00%"), std::string::npos)
      << w->message;
}

TEST(ImplausibleTargetTest, CountsAndUnboundedMeasuresAreNeverJudged) {
  // 40 to 60 falls a month against a ceiling of 5: far above it, and perhaps truly so.
  Indicator ind = MakeIndicator(ChartType::kC, Direction::kLowerIsBetter, "mdc");
  ind.targets = {{.from = Month(0), .value = 5}};
  Result<SeriesResult> r = AnalyseSeries(ind, testing::MonthlyValues({40, 50, 60, 45, 55}));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Implausible(*r), nullptr);
  // A percentage XmR without the unit "%" has no known whole either.
  Indicator plain = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  plain.targets = {{.from = Month(0), .value = 95}};
  r = AnalyseSeries(plain, testing::MonthlyValues({12, 15, 11, 18, 14}));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Implausible(*r), nullptr);
}

TEST(ImplausibleTargetTest, NoDirectionOrNoTargetEverywhereSaysNothing) {
  Indicator neither = Percentage(ChartType::kP, Direction::kNeither, 95);
  Result<SeriesResult> r = AnalyseSeries(neither, BreachRate());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Implausible(*r), nullptr);
  // A target only from the fifth month: the first four are judged against nothing.
  Indicator late = Percentage(ChartType::kP, Direction::kHigherIsBetter, 95);
  late.targets[0].from = Month(4);
  r = AnalyseSeries(late, BreachRate());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Implausible(*r), nullptr);
}

TEST(ImplausibleTargetTest, TheWarningChangesNoFlagIconOrLimit) {
  Indicator with = Percentage(ChartType::kP, Direction::kHigherIsBetter, 95);
  Indicator without = with;
  without.targets[0].value = 4;  // on the values' own side of 50 %: no warning
  Result<SeriesResult> a = AnalyseSeries(with, BreachRate());
  Result<SeriesResult> b = AnalyseSeries(without, BreachRate());
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_NE(Implausible(*a), nullptr);
  EXPECT_EQ(Implausible(*b), nullptr);
  EXPECT_EQ(a->warnings.size(), b->warnings.size() + 1);
  EXPECT_EQ(a->variation, b->variation);
  EXPECT_FALSE(std::isnan(a->points[0].upper3));  // limits drawn: there is something to compare
  ASSERT_EQ(a->points.size(), b->points.size());
  for (std::size_t i = 0; i < a->points.size(); ++i) {
    EXPECT_EQ(a->points[i].rules, b->points[i].rules);
    EXPECT_EQ(a->points[i].point_class, b->points[i].point_class);
    EXPECT_DOUBLE_EQ(a->points[i].upper3, b->points[i].upper3);
  }
}

}  // namespace
}  // namespace kaizen
