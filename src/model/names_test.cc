// The name tables (kaizen/names.h) against the spellings docs/api.md promised before the tables
// existed, written out by hand: each *Name function reads its table, and every name is unique
// within its enum (a script matching on a name must never meet two values).
#include "kaizen/names.h"

#include <gtest/gtest.h>

#include <set>

namespace kaizen {
namespace {

TEST(NamesTest, TheNameFunctionsReadTheTables) {
  EXPECT_EQ(ChartTypeName(ChartType::kPPrime), "pp");
  EXPECT_EQ(DirectionName(Direction::kHigherIsBetter), "higher");
  EXPECT_EQ(AggregationName(Aggregation::kLast), "last");
  EXPECT_EQ(PeriodKindName(PeriodKind::kFinancialQuarter), "financial_quarter");
  EXPECT_EQ(RuleName(RuleId::kTwoOfThree), "two_of_three");
  EXPECT_EQ(RuleName(RuleId::kNone), "none");
  EXPECT_EQ(SideName(Side::kLow), "low");
  EXPECT_EQ(PointClassName(PointClass::kNotJudged), "not_judged");
  EXPECT_EQ(JudgementName(Judgement::kTooFewPoints), "too_few_points");
  EXPECT_EQ(VariationIconName(VariationIcon::kNeitherLow), "neither_low");
  EXPECT_EQ(AssuranceIconName(AssuranceIcon::kHitOrMiss), "hit_or_miss");
  EXPECT_EQ(WarningCodeName(WarningCode::kImplausibleTarget), "implausible_target");
  EXPECT_EQ(FunnelFlagName(FunnelFlag::kHigh998), "high_99.8");
  EXPECT_EQ(FunnelCentreName(FunnelCentre::kPooledMean), "pooled mean");
}

TEST(NamesTest, ParseChartTypeReadsEveryNameTheTableWrites) {
  for (const NamedValue<ChartType>& e : ChartTypeNames()) {
    Result<ChartType> parsed = ParseChartType(e.name);
    ASSERT_TRUE(parsed.ok()) << e.name;
    EXPECT_EQ(*parsed, e.value) << e.name;
  }
}

TEST(NamesTest, NoEnumHasTwoValuesWithOneName) {
  for (const OutputEnumNames& e : AllOutputEnumNames()) {
    const std::set<std::string_view> unique(e.names.begin(), e.names.end());
    EXPECT_EQ(unique.size(), e.names.size()) << e.enum_name;
  }
}

}  // namespace
}  // namespace kaizen
