// The chart-traits table (kaizen/chart_traits.h) against the chart definitions of spc-spec.md
// ("Chart types and formulas", "Classification and icons") and docs/formulas.md ("Chart types",
// "Over-dispersion"), written out by hand, and the row rule (CheckPoint) that reads the table
// against the rules model.h states for each chart.
#include "kaizen/chart_traits.h"

#include <gtest/gtest.h>

#include "kaizen/names.h"

namespace kaizen {
namespace {

TEST(ChartTraitsTest, EveryChartTypeHasItsOwnRow) {
  ASSERT_EQ(kChartTraits.size(), ChartTypeNames().size());
  for (const NamedValue<ChartType>& e : ChartTypeNames())
    EXPECT_EQ(TraitsOf(e.value).type, e.value);
}

// p: numerator / denominator (formulas.md: p̄ = Σy/Σn), binomial sigma.
TEST(ChartTraitsTest, PNeedsANumeratorAndADenominatorAndIsBinomial) {
  const ChartTraits& p = TraitsOf(ChartType::kP);
  EXPECT_TRUE(p.ReadsRatio());
  EXPECT_FALSE(p.ReadsValue());
  EXPECT_FALSE(p.ReadsSubgroup());
  EXPECT_EQ(p.plots, Plotted::kProportion);
  EXPECT_EQ(p.model, SigmaModel::kBinomial);
  EXPECT_FALSE(p.laney);
  EXPECT_TRUE(p.has_limits);
}

// run: median of the estimating points, sigma "none" (formulas.md).
TEST(ChartTraitsTest, TheRunChartHasAMedianAndNoLimits) {
  const ChartTraits& run = TraitsOf(ChartType::kRun);
  EXPECT_FALSE(run.has_limits);
  EXPECT_EQ(run.centre, CentreLine::kMedian);
  EXPECT_TRUE(run.ReadsValue());
  EXPECT_FALSE(run.ReadsRatio());
  for (ChartType c : {ChartType::kXmr, ChartType::kP, ChartType::kG, ChartType::kT}) {
    EXPECT_TRUE(TraitsOf(c).has_limits) << ChartTypeName(c);
    EXPECT_EQ(TraitsOf(c).centre, CentreLine::kMean) << ChartTypeName(c);
  }
}

// x̄ reads the subgroup mean (value) with its size; s reads the SD with its size, no value.
TEST(ChartTraitsTest, SubgroupChartsReadTheSubgroupColumns) {
  EXPECT_TRUE(TraitsOf(ChartType::kXbar).ReadsSubgroup());
  EXPECT_TRUE(TraitsOf(ChartType::kXbar).ReadsValue());
  EXPECT_TRUE(TraitsOf(ChartType::kS).ReadsSubgroup());
  EXPECT_FALSE(TraitsOf(ChartType::kS).ReadsValue());
  EXPECT_FALSE(TraitsOf(ChartType::kS).ReadsRatio());
}

// np plots the count of defectives itself; u is a rate (events / exposure); c a count.
TEST(ChartTraitsTest, AttributeChartsNameTheirModel) {
  EXPECT_EQ(TraitsOf(ChartType::kNp).plots, Plotted::kDefectives);
  EXPECT_EQ(TraitsOf(ChartType::kNp).model, SigmaModel::kBinomial);
  EXPECT_EQ(TraitsOf(ChartType::kU).plots, Plotted::kRate);
  EXPECT_EQ(TraitsOf(ChartType::kU).model, SigmaModel::kPoisson);
  EXPECT_EQ(TraitsOf(ChartType::kC).plots, Plotted::kValue);
  EXPECT_EQ(TraitsOf(ChartType::kC).model, SigmaModel::kPoisson);
  EXPECT_EQ(TraitsOf(ChartType::kXmr).model, SigmaModel::kNone);
  // Laney's p′ and u′ keep the p and u model and widen it by σz.
  EXPECT_TRUE(TraitsOf(ChartType::kPPrime).laney);
  EXPECT_EQ(TraitsOf(ChartType::kPPrime).model, SigmaModel::kBinomial);
  EXPECT_TRUE(TraitsOf(ChartType::kUPrime).laney);
  EXPECT_EQ(TraitsOf(ChartType::kUPrime).model, SigmaModel::kPoisson);
}

// spc-spec.md: MDC shows no assurance icon for t and g charts.
TEST(ChartTraitsTest, OnlyGAndTGiveNoAssurance) {
  for (const NamedValue<ChartType>& e : ChartTypeNames()) {
    const bool rare_events = e.value == ChartType::kG || e.value == ChartType::kT;
    EXPECT_EQ(TraitsOf(e.value).gives_assurance, !rare_events) << e.name;
  }
}

TEST(ChartTraitsTest, ChartUsesDenominatorIsTheRatioCharts) {
  for (ChartType c :
       {ChartType::kP, ChartType::kNp, ChartType::kU, ChartType::kPPrime, ChartType::kUPrime})
    EXPECT_TRUE(ChartUsesDenominator(c)) << ChartTypeName(c);
  for (ChartType c : {ChartType::kRun, ChartType::kXmr, ChartType::kMr, ChartType::kXbar,
                      ChartType::kS, ChartType::kC, ChartType::kG, ChartType::kT})
    EXPECT_FALSE(ChartUsesDenominator(c)) << ChartTypeName(c);
}

// model.h: c, g, np, p, u counts are never negative; c and np counts are whole; a t value is
// above zero; p and np have no more events than opportunities; u may.
TEST(ChartTraitsTest, CheckPointAppliesEachChartsRowRule) {
  EXPECT_EQ(CheckPoint(ChartType::kC, -1, kMissing, kMissing), PointProblem::kNegativeCount);
  EXPECT_EQ(CheckPoint(ChartType::kC, 2.5, kMissing, kMissing), PointProblem::kNonIntegerCount);
  EXPECT_EQ(CheckPoint(ChartType::kG, 2.5, kMissing, kMissing), PointProblem::kNone);
  EXPECT_EQ(CheckPoint(ChartType::kG, -0.5, kMissing, kMissing), PointProblem::kNegativeCount);
  EXPECT_EQ(CheckPoint(ChartType::kT, 0, kMissing, kMissing), PointProblem::kNotPositive);
  EXPECT_EQ(CheckPoint(ChartType::kT, 0.1, kMissing, kMissing), PointProblem::kNone);
  EXPECT_EQ(CheckPoint(ChartType::kXmr, -7, kMissing, kMissing), PointProblem::kNone);
  EXPECT_EQ(CheckPoint(ChartType::kS, -7, kMissing, kMissing), PointProblem::kNone);
  EXPECT_EQ(CheckPoint(ChartType::kP, kMissing, 6, 5), PointProblem::kNumeratorAboveDenominator);
  EXPECT_EQ(CheckPoint(ChartType::kNp, kMissing, 6, 5), PointProblem::kNumeratorAboveDenominator);
  EXPECT_EQ(CheckPoint(ChartType::kU, kMissing, 6, 5), PointProblem::kNone);
  EXPECT_EQ(CheckPoint(ChartType::kUPrime, kMissing, 1, 0), PointProblem::kZeroDenominator);
  EXPECT_EQ(CheckPoint(ChartType::kPPrime, kMissing, -1, 5), PointProblem::kNegativeCount);
  EXPECT_EQ(CheckPoint(ChartType::kNp, kMissing, 1.5, 5), PointProblem::kNonIntegerCount);
  EXPECT_EQ(CheckPoint(ChartType::kP, kMissing, 1.5, 5), PointProblem::kNone);
  // A missing part is a missing point, not a bad one.
  EXPECT_EQ(CheckPoint(ChartType::kP, kMissing, kMissing, 0), PointProblem::kNone);
  EXPECT_EQ(CheckPoint(ChartType::kC, kMissing, kMissing, kMissing), PointProblem::kNone);
  EXPECT_EQ(CheckPoint(ChartType::kT, kMissing, kMissing, kMissing), PointProblem::kNone);
}

}  // namespace
}  // namespace kaizen
