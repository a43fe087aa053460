// Where describe, histogram and capability read their values (kaizen/app_analysis.h).
#include <gtest/gtest.h>

#include <cmath>

#include "kaizen/app_analysis.h"
#include "test_support.h"

namespace kaizen {
namespace {

TEST(ValuesOfColumnTest, TheColumnTitledByItsFileName) {
  Diagnostics d;
  Result<RecordTable> t = ParseRecordTable("id,los\n1,3\n2,NA\n3,5\n", "/data/stays.csv", ',', &d);
  ASSERT_TRUE(t.ok());
  Result<AnalysedValues> v = ValuesOfColumn(*t, "los", &d);
  ASSERT_TRUE(v.ok()) << v.status().message();
  ASSERT_EQ(v->values.size(), 3u);  // the missing value stays, as NaN
  EXPECT_TRUE(std::isnan(v->values[1]));
  EXPECT_EQ(v->title, "los (stays.csv)");
  EXPECT_EQ(v->unit, "los");
  EXPECT_EQ(v->file, "/data/stays.csv");
  EXPECT_FALSE(v->series.has_value());
  Result<AnalysedValues> missing = ValuesOfColumn(*t, "age", &d);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(),
            "--column: /data/stays.csv has no column 'age'; its columns are: id, los");
}

TEST(ValuesOfSeriesTest, ThePlottedValuesOfTheKeptPoints) {
  AnalysedSeries s;
  s.series = testing::MonthlyValues({4, kMissing, 6});
  s.indicator = testing::MakeIndicator(ChartType::kXmr, Direction::kLowerIsBetter, "nhsr");
  s.indicator.name = "Falls";
  s.indicator.unit = "falls";
  Result<SeriesResult> r = AnalyseSeries(s.indicator, s.series);
  ASSERT_TRUE(r.ok()) << r.status().message();
  s.result = std::move(r).value();
  const AnalysedValues v = ValuesOfSeries(s);
  EXPECT_EQ(v.values, (std::vector<double>{4, 6}));  // the missing month is not a value
  EXPECT_EQ(v.title, "Falls — org");
  EXPECT_EQ(v.unit, "falls");
  ASSERT_TRUE(v.series.has_value());
}

}  // namespace
}  // namespace kaizen
