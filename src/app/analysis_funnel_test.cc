// FunnelOfPeriod (kaizen/app_analysis.h): which points, which type, which centre line and on
// which scale, worked out by hand. The limits themselves are compare/'s tests.
#include <gtest/gtest.h>

#include "kaizen/app_analysis.h"
#include "test_support.h"

namespace kaizen {
namespace {

// Three organisations' monthly proportions from January 2020: in February, A has 10 of 100,
// B 30 of 100 and C none recorded for that month.
std::vector<Series> ThreeOrganisations() {
  Series a = testing::MonthlyRatios({5, 10}, {50, 100});
  a.organisation = "A";
  Series b = testing::MonthlyRatios({6, 30}, {60, 100});
  b.organisation = "B";
  Series c = testing::MonthlyRatios({7}, {70});
  c.organisation = "C";
  return {a, b, c};
}

FunnelRequest February() {
  FunnelRequest r;
  r.indicator = "falls";
  r.period = testing::Month(1);
  r.source = "data.csv";
  return r;
}

TEST(FunnelOfPeriodTest, ThePooledMeanOfTheOrganisationsWithThePeriod) {
  const Indicator p = testing::MakeIndicator(ChartType::kP, Direction::kLowerIsBetter, "mdc");
  Result<FunnelJobResult> f = FunnelOfPeriod(ThreeOrganisations(), p, February());
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f->type, FunnelType::kProportion);  // from the p chart
  ASSERT_EQ(f->funnel.points.size(), 2u);       // C has no February
  EXPECT_EQ(f->funnel.points[0].provider, "A");
  EXPECT_EQ(f->funnel.points[1].provider, "B");
  // No target: the pooled mean (10 + 30) / (100 + 100) = 0.2.
  EXPECT_EQ(f->funnel.centre, FunnelCentre::kPooledMean);
  EXPECT_DOUBLE_EQ(f->funnel.target, 0.2);
  ASSERT_EQ(f->assessments.size(), 2u);
}

TEST(FunnelOfPeriodTest, ARequestTargetIsOnTheDisplayScale) {
  Indicator p = testing::MakeIndicator(ChartType::kP, Direction::kLowerIsBetter, "mdc");
  p.multiplier = 100;  // shown as a percentage
  FunnelRequest r = February();
  r.target = 25;  // 25 %
  Result<FunnelJobResult> f = FunnelOfPeriod(ThreeOrganisations(), p, r);
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f->funnel.centre, FunnelCentre::kTarget);
  EXPECT_DOUBLE_EQ(f->funnel.target, 0.25);
  EXPECT_DOUBLE_EQ(f->multiplier, 100);
}

TEST(FunnelOfPeriodTest, AChartWithoutCountsNeedsAType) {
  const Indicator x = testing::MakeIndicator(ChartType::kXmr, Direction::kLowerIsBetter, "mdc");
  Result<FunnelJobResult> f = FunnelOfPeriod(ThreeOrganisations(), x, February());
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("--indicator falls is a xmr chart"), std::string::npos)
      << f.status().message();
  FunnelRequest r = February();
  r.type = FunnelType::kProportion;
  EXPECT_TRUE(FunnelOfPeriod(ThreeOrganisations(), x, r).ok());
}

// The type each chart implies: counts of opportunities are proportions (p, np, p′), events per
// exposure are rates (u, u′); a c chart counts events without a denominator, so it has none.
TEST(FunnelOfPeriodTest, TheChartTypeImpliesTheFunnelType) {
  const auto type_of = [](ChartType chart) {
    const Indicator ind = testing::MakeIndicator(chart, Direction::kLowerIsBetter, "mdc");
    return FunnelOfPeriod(ThreeOrganisations(), ind, February());
  };
  for (ChartType c : {ChartType::kP, ChartType::kNp, ChartType::kPPrime}) {
    Result<FunnelJobResult> f = type_of(c);
    ASSERT_TRUE(f.ok()) << ChartTypeName(c) << ": " << f.status().message();
    EXPECT_EQ(f->type, FunnelType::kProportion) << ChartTypeName(c);
  }
  for (ChartType c : {ChartType::kU, ChartType::kUPrime}) {
    Result<FunnelJobResult> f = type_of(c);
    ASSERT_TRUE(f.ok()) << ChartTypeName(c) << ": " << f.status().message();
    EXPECT_EQ(f->type, FunnelType::kRate) << ChartTypeName(c);
  }
  for (ChartType c : {ChartType::kC, ChartType::kRun, ChartType::kXbar, ChartType::kG})
    EXPECT_FALSE(type_of(c).ok()) << ChartTypeName(c);
}

TEST(FunnelOfPeriodTest, APeriodNoOrganisationHasIsNotFound) {
  const Indicator p = testing::MakeIndicator(ChartType::kP, Direction::kLowerIsBetter, "mdc");
  FunnelRequest r = February();
  r.period = testing::Month(5);
  Result<FunnelJobResult> f = FunnelOfPeriod(ThreeOrganisations(), p, r);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(f.status().message(), "--period: no organisation has data for 2020-06-01 in data.csv");
}

}  // namespace
}  // namespace kaizen
