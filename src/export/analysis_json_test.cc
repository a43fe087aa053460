// JSON writers of the analysis results (kaizen/analysis_export.h), against text written by hand.
#include <gtest/gtest.h>

#include "kaizen/analysis_export.h"

namespace kaizen {
namespace {

TEST(ParetoJsonTest, KeysInAlphabeticalOrderAndTheRowsWithoutCategory) {
  ParetoOfRecordsResult r;
  ParetoBar bar;
  bar.category = "falls";
  bar.value = 3;
  bar.records = 3;
  bar.share = 1;
  bar.cumulative_share = 1;
  bar.vital_few = true;
  r.pareto.bars = {bar};
  r.pareto.total = 3;
  r.rows_without_category = 1;
  EXPECT_EQ(ParetoJson(r, 0.8),
            "{\n"
            "  \"bars\": [\n"
            "    {\n"
            "      \"categories\": 1,\n"
            "      \"category\": \"falls\",\n"
            "      \"cumulative_share\": 1.0,\n"
            "      \"other\": false,\n"
            "      \"records\": 3,\n"
            "      \"share\": 1.0,\n"
            "      \"value\": 3.0,\n"
            "      \"vital_few\": true\n"
            "    }\n"
            "  ],\n"
            "  \"cut\": 0.8,\n"
            "  \"cut_needs_other\": false,\n"
            "  \"missing_records\": 0,\n"
            "  \"rows_without_category\": 1,\n"
            "  \"schema_version\": 1,\n"
            "  \"total\": 3.0,\n"
            "  \"vital_few\": [\n"
            "    \"falls\"\n"
            "  ]\n"
            "}\n");
}

TEST(BeforeAfterJsonTest, NoSideIsNoneAndMissingLimitsAreNull) {
  BeforeAfter ba;
  ba.change_date = *Date::FromCivil(2024, 4, 1);
  ba.limits_from = *Date::FromCivil(2023, 1, 1);
  AnalysedSeries s;
  s.series.indicator_id = "falls";
  s.series.organisation = "A";
  const std::string j = BeforeAfterJson(ba, s);
  EXPECT_NE(j.find("\"shift_side\": \"none\""), std::string::npos) << j;
  EXPECT_NE(j.find("\"lower3\": null"), std::string::npos) << j;
  EXPECT_NE(j.find("\"change_date\": \"2024-04-01\""), std::string::npos) << j;
  EXPECT_EQ(j.find("welch"), std::string::npos);  // a test that did not run is absent
}

TEST(AggregateJsonTest, ValuesOrCountsPerPeriod) {
  AggregateResult a;
  a.series.Add({.period = *Date::FromCivil(2024, 1, 1), .value = 7.5});
  a.series.Add({.period = *Date::FromCivil(2024, 2, 1), .value = kMissing});
  a.records = 4;
  a.note = "chart them with --chart xmr";
  EXPECT_EQ(AggregateJson(a, "los", "A"),
            "{\n"
            "  \"indicator\": \"los\",\n"
            "  \"note\": \"chart them with --chart xmr\",\n"
            "  \"organisation\": \"A\",\n"
            "  \"points\": [\n"
            "    {\n"
            "      \"period\": \"2024-01-01\",\n"
            "      \"value\": 7.5\n"
            "    },\n"
            "    {\n"
            "      \"period\": \"2024-02-01\",\n"
            "      \"value\": null\n"
            "    }\n"
            "  ],\n"
            "  \"records\": 4,\n"
            "  \"rows_missing\": 0,\n"
            "  \"schema_version\": 1\n"
            "}\n");
}

}  // namespace
}  // namespace kaizen
