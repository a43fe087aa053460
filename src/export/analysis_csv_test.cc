// CSV writers of the analysis results (kaizen/analysis_export.h), against text written by hand.
#include <gtest/gtest.h>

#include "kaizen/analysis_export.h"

namespace kaizen {
namespace {

// One spelling for JSON and CSV since schema_version 1 (docs/api.md, "Enum names").
TEST(SideNameTest, OneNamePerSideInEveryFormat) {
  EXPECT_EQ(SideName(Side::kHigh), "high");
  EXPECT_EQ(SideName(Side::kLow), "low");
  EXPECT_EQ(SideName(Side::kNone), "none");
}

TEST(ExportNumberTest, EveryDigitAndNanEmpty) {
  EXPECT_EQ(ExportNumber(0.1), "0.1");
  EXPECT_EQ(ExportNumber(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(ExportNumber(kMissing), "");
}

TEST(AggregateCsvTest, RatiosWriteNumeratorsAndDenominators) {
  AggregateResult a;
  a.series.Add({.period = *Date::FromCivil(2024, 1, 1), .numerator = 2, .denominator = 3});
  a.series.Add({.period = *Date::FromCivil(2024, 2, 1), .numerator = 1, .denominator = 1});
  a.ratio = true;
  EXPECT_EQ(AggregateCsv(a, "los7", "Ward, A"),
            "indicator,organisation,period,value,numerator,denominator\n"
            "los7,\"Ward, A\",2024-01-01,,2,3\n"
            "los7,\"Ward, A\",2024-02-01,,1,1\n");
}

TEST(BeforeAfterCsvTest, SentencesAreQuotedAndTheSpcRowIsYesOrNo) {
  BeforeAfter ba;
  ba.shift_after = false;
  ba.spc_verdict = "No \"shift\".";
  EXPECT_EQ(BeforeAfterCsv(ba),
            "test,statistic,p_value,sentence\n"
            "spc_shift_after,no,,\"No \"\"shift\"\".\"\n");
}

}  // namespace
}  // namespace kaizen
