// AggregateRecords (kaizen/app_analysis.h): records to one value per period, by hand.
#include <gtest/gtest.h>

#include "kaizen/app_analysis.h"

namespace kaizen {
namespace {

RecordTable Table(const std::string& text) {
  Diagnostics d;
  Result<RecordTable> t = ParseRecordTable(text, "a.csv", ',', &d);
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? std::move(t).value() : RecordTable{};
}

// Three stays in January (3, 9 and 6 days) and one in February (5), dates day first.
constexpr const char* kStays =
    "admitted,los\n"
    "05/01/2024,3\n"
    "20/01/2024,9\n"
    "31/01/2024,6\n"
    "02/02/2024,5\n";

TEST(AggregateRecordsTest, AProportionPerMonth) {
  AggregateRequest request;
  request.date_column = "admitted";
  request.measure = PeriodMeasure::kProportion;
  request.measure_name = "proportion";
  request.condition = "los <= 7";
  Diagnostics d;
  Result<AggregateResult> a = AggregateRecords(Table(kStays), request, &d);
  ASSERT_TRUE(a.ok()) << a.status().message();
  // January: 3 and 6 meet it, 9 does not: 2 of 3. February: 1 of 1.
  ASSERT_EQ(a->series.size(), 2u);
  EXPECT_EQ(a->series.periods[0].ToIso(), "2024-01-01");
  EXPECT_DOUBLE_EQ(a->series.numerators[0], 2);
  EXPECT_DOUBLE_EQ(a->series.denominators[0], 3);
  EXPECT_DOUBLE_EQ(a->series.numerators[1], 1);
  EXPECT_DOUBLE_EQ(a->series.denominators[1], 1);
  EXPECT_TRUE(a->ratio);
  EXPECT_EQ(a->records, 4);
}

TEST(AggregateRecordsTest, AConditionSelectsTheRowsOfAMean) {
  AggregateRequest request;
  request.date_column = "admitted";
  request.value_column = "los";
  request.measure = PeriodMeasure::kMean;
  request.measure_name = "mean";
  request.condition = "los > 4";
  Diagnostics d;
  Result<AggregateResult> a = AggregateRecords(Table(kStays), request, &d);
  ASSERT_TRUE(a.ok()) << a.status().message();
  // January: 9 and 6 → 7.5; February: 5.
  ASSERT_EQ(a->series.size(), 2u);
  EXPECT_DOUBLE_EQ(a->series.values[0], 7.5);
  EXPECT_DOUBLE_EQ(a->series.values[1], 5);
  EXPECT_FALSE(a->ratio);
}

TEST(AggregateRecordsTest, AMeasureWithoutItsColumnIsRefused) {
  AggregateRequest request;
  request.date_column = "admitted";
  request.measure = PeriodMeasure::kMedian;
  request.measure_name = "median";
  Diagnostics d;
  Result<AggregateResult> a = AggregateRecords(Table(kStays), request, &d);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().message(), "--measure median needs --value COL");
}

TEST(AggregateRecordsTest, AConditionThatCannotBeEvaluatedIsLocated) {
  AggregateRequest request;
  request.date_column = "admitted";
  request.condition = "ward > 3";
  Diagnostics d;
  // "A" on line 3, column 2, is no number to compare with 3.
  Result<AggregateResult> a =
      AggregateRecords(Table("admitted,ward\n2024-01-05,4\n2024-01-06,A\n"), request, &d);
  ASSERT_FALSE(a.ok());
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].code, diag::kBadNumber);
  EXPECT_EQ(d.all()[0].line, 3);
  EXPECT_EQ(d.all()[0].column, 2);
  EXPECT_EQ(a.status().message(), d.all()[0].ToString());
}

}  // namespace
}  // namespace kaizen
