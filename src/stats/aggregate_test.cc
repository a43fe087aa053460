#include "kaizen/aggregate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace kaizen {
namespace {

Date D(int y, int m, int d) { return *Date::FromCivil(y, m, d); }

// tests/data/cabg_2011_12.csv: the first year (Jul 2011 – Jun 2012) of qicharts2's cabg data.
struct Cabg {
  std::vector<Date> dates;
  std::vector<double> los;
  std::vector<bool> death;
};
Cabg ReadCabg() {
  Cabg c;
  std::istringstream in(testing::ReadFile(testing::SourcePath("tests/data/cabg_2011_12.csv")));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream ls(line);
    while (std::getline(ls, cell, ',')) cells.push_back(cell);
    c.dates.push_back(*Date::ParseIso(cells[0]));
    c.los.push_back(std::stod(cells[3]));
    c.death.push_back(cells[4] == "TRUE");
  }
  return c;
}

// Independent figures (python3, statistics module, over the same file):
//   2011-07: 52 operations, 20 with los <= 7, mean 14.173077, sd 13.578705, median 9, 1 death
//   2011-12: 69, 18, 12.695652, 15.828404, 9, 3 deaths
//   2012-06: 61, 12, 15.295082, 14.465297, 10, 1 death
TEST(Aggregate, CabgMonthlyMeasures) {
  const Cabg c = ReadCabg();
  ASSERT_EQ(c.dates.size(), 751u);
  AggregateOptions o;
  o.measure = PeriodMeasure::kCount;
  Result<Aggregated> count = AggregateByPeriod(c.dates, {}, {}, o);
  ASSERT_TRUE(count.ok());
  ASSERT_EQ(count->series.size(), 12u);
  EXPECT_EQ(count->series.periods[0], D(2011, 7, 1));
  EXPECT_DOUBLE_EQ(count->series.values[0], 52);
  EXPECT_DOUBLE_EQ(count->series.values[5], 69);
  EXPECT_DOUBLE_EQ(count->series.values[11], 61);

  o.measure = PeriodMeasure::kProportion;
  o.condition = {Comparison::kLessOrEqual, 7};
  Result<Aggregated> prop = AggregateByPeriod(c.dates, c.los, {}, o);
  ASSERT_TRUE(prop.ok());
  EXPECT_DOUBLE_EQ(prop->series.numerators[0], 20);
  EXPECT_DOUBLE_EQ(prop->series.denominators[0], 52);
  EXPECT_DOUBLE_EQ(prop->series.values[5], 18.0 / 69);
  EXPECT_DOUBLE_EQ(prop->series.numerators[11], 12);

  o.measure = PeriodMeasure::kMean;
  Result<Aggregated> mean = AggregateByPeriod(c.dates, c.los, {}, o);
  ASSERT_TRUE(mean.ok());
  EXPECT_NEAR(mean->series.values[0], 14.173076923, 1e-8);
  EXPECT_NEAR(mean->series.subgroup_sds[0], 13.578704714, 1e-8);
  EXPECT_NEAR(mean->series.values[5], 12.695652174, 1e-8);
  EXPECT_NEAR(mean->series.subgroup_sds[11], 14.465296704, 1e-8);

  o.measure = PeriodMeasure::kMedian;
  Result<Aggregated> median = AggregateByPeriod(c.dates, c.los, {}, o);
  ASSERT_TRUE(median.ok());
  EXPECT_DOUBLE_EQ(median->series.values[0], 9);
  EXPECT_DOUBLE_EQ(median->series.values[11], 10);

  std::vector<double> deaths;
  for (bool b : c.death) deaths.push_back(b ? 1 : 0);
  o.measure = PeriodMeasure::kSum;
  Result<Aggregated> sum = AggregateByPeriod(c.dates, deaths, {}, o);
  ASSERT_TRUE(sum.ok());
  EXPECT_DOUBLE_EQ(sum->series.values[5], 3);
}

// Deaths in the first year: 24, on 2011-07-21, 08-06, 08-26, 08-31, 09-13 … → days between
// 16, 20, 5, 13; non-death operations before each death 36, 22, 38, 14, 33 (python3 loop).
TEST(Aggregate, CabgRareEvents) {
  const Cabg c = ReadCabg();
  std::vector<Date> death_dates;
  for (std::size_t i = 0; i < c.dates.size(); ++i) {
    if (c.death[i]) death_dates.push_back(c.dates[i]);
  }
  Result<Series> t = DaysBetweenEvents(death_dates);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->size(), 23u);
  EXPECT_EQ(t->periods[0], D(2011, 8, 6));
  EXPECT_DOUBLE_EQ(t->values[0], 16);
  EXPECT_DOUBLE_EQ(t->values[3], 13);
  Result<Series> g = CasesBetweenEvents(c.dates, c.death);
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->size(), 24u);
  EXPECT_DOUBLE_EQ(g->values[0], 36);
  EXPECT_DOUBLE_EQ(g->values[2], 38);
  EXPECT_DOUBLE_EQ(g->values[4], 33);
}

TEST(Aggregate, HandMadeWeeksGapsAndRatio) {
  // 2024-01-01 is a Monday. Rows in weeks 1 and 3; week 2 is empty.
  const std::vector<Date> dates = {D(2024, 1, 3), D(2024, 1, 7), D(2024, 1, 15), D(2024, 1, 1)};
  AggregateOptions o;
  o.unit = PeriodUnit::kWeek;
  Result<Aggregated> count = AggregateByPeriod(dates, {}, {}, o);
  ASSERT_TRUE(count.ok());
  ASSERT_EQ(count->series.size(), 3u);
  EXPECT_EQ(count->series.periods[1], D(2024, 1, 8));
  EXPECT_DOUBLE_EQ(count->series.values[0], 3);
  EXPECT_DOUBLE_EQ(count->series.values[1], 0);  // nothing happened: a zero count
  o.measure = PeriodMeasure::kMean;
  const std::vector<double> v = {2, 4, 5, std::nan("")};
  Result<Aggregated> mean = AggregateByPeriod(dates, v, {}, o);
  ASSERT_TRUE(mean.ok());
  EXPECT_DOUBLE_EQ(mean->series.values[0], 3);
  EXPECT_TRUE(std::isnan(mean->series.values[1]));        // nothing to average: missing
  EXPECT_TRUE(std::isnan(mean->series.subgroup_sds[2]));  // one value: sd undefined
  EXPECT_EQ(mean->rows_missing, 1);
  // Falls per 1,000 bed days: (2 + 1) / (300 + 200) × 1000 = 6 in January.
  o = {};
  o.measure = PeriodMeasure::kRatio;
  o.multiplier = 1000;
  Result<Aggregated> rate =
      AggregateByPeriod(std::vector<Date>{D(2024, 1, 5), D(2024, 1, 9)}, std::vector<double>{2, 1},
                        std::vector<double>{300, 200}, o);
  ASSERT_TRUE(rate.ok());
  EXPECT_DOUBLE_EQ(rate->series.values[0], 6);
  EXPECT_EQ(PeriodStart(D(2024, 8, 19), PeriodUnit::kQuarter), D(2024, 7, 1));
  EXPECT_EQ(PeriodStart(D(2024, 8, 19), PeriodUnit::kYear), D(2024, 1, 1));
}

TEST(Aggregate, EdgeCases) {
  AggregateOptions o;
  EXPECT_EQ(AggregateByPeriod({}, {}, {}, o).status().code(), StatusCode::kFailedPrecondition);
  o.measure = PeriodMeasure::kMean;
  const std::vector<Date> one = {D(2024, 1, 1)};
  EXPECT_EQ(AggregateByPeriod(one, std::vector<double>{INFINITY}, {}, o).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(AggregateByPeriod(one, {}, {}, o).status().code(), StatusCode::kInvalidArgument);
  Result<Aggregated> all_equal = AggregateByPeriod(std::vector<Date>{D(2024, 1, 1), D(2024, 1, 2)},
                                                   std::vector<double>{5, 5}, {}, o);
  ASSERT_TRUE(all_equal.ok());
  EXPECT_DOUBLE_EQ(all_equal->series.subgroup_sds[0], 0);
  EXPECT_EQ(DaysBetweenEvents(one).status().code(), StatusCode::kFailedPrecondition);
  Result<Series> since = DaysBetweenEvents(one, D(2023, 12, 1));
  ASSERT_TRUE(since.ok());
  EXPECT_DOUBLE_EQ(since->values[0], 31);
  EXPECT_EQ(CasesBetweenEvents(one, std::vector<bool>{false}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(CasesBetweenEvents(std::vector<Date>{D(2024, 1, 2), D(2024, 1, 1)},
                               std::vector<bool>{false, true})
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kaizen
