// ParetoOfRecords (kaizen/app_analysis.h): categories counted from the cells of a records
// table, by hand.
#include <gtest/gtest.h>

#include "kaizen/app_analysis.h"

namespace kaizen {
namespace {

RecordTable Table(const std::string& text) {
  Diagnostics d;
  Result<RecordTable> t = ParseRecordTable(text, "r.csv", ',', &d);
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? std::move(t).value() : RecordTable{};
}

// Four incidents; the second lists two causes; the third has none ("NA").
constexpr const char* kIncidents =
    "id,cause,cause2,hours\n"
    "1,falls,,2\n"
    "2,meds,falls,3\n"
    "3,NA,,1\n"
    "4,falls,,4\n";

TEST(ParetoOfRecordsTest, EachFilledCellCountsOnce) {
  ParetoRequest request;
  request.category_columns = {"cause", "cause2"};
  request.options.vital_few_cut = 0.7;
  Diagnostics d;
  Result<ParetoOfRecordsResult> p = ParetoOfRecords(Table(kIncidents), request, &d);
  ASSERT_TRUE(p.ok()) << p.status().message();
  // falls: rows 1, 2 (cause2) and 4 = 3; meds: row 2 = 1; total 4; row 3 has no category.
  ASSERT_EQ(p->pareto.bars.size(), 2u);
  EXPECT_EQ(p->pareto.bars[0].category, "falls");
  EXPECT_DOUBLE_EQ(p->pareto.bars[0].value, 3);
  EXPECT_DOUBLE_EQ(p->pareto.bars[0].share, 0.75);
  EXPECT_EQ(p->pareto.bars[1].category, "meds");
  EXPECT_DOUBLE_EQ(p->pareto.bars[1].cumulative_share, 1.0);
  EXPECT_DOUBLE_EQ(p->pareto.total, 4);
  EXPECT_EQ(p->rows_without_category, 1);
  // 0.75 reaches the cut of 0.7 alone.
  EXPECT_EQ(VitalFew(p->pareto), (std::vector<std::string>{"falls"}));
}

TEST(ParetoOfRecordsTest, AWeightIsAddedPerCell) {
  ParetoRequest request;
  request.category_columns = {"cause", "cause2"};
  request.weight_column = "hours";
  Diagnostics d;
  Result<ParetoOfRecordsResult> p = ParetoOfRecords(Table(kIncidents), request, &d);
  ASSERT_TRUE(p.ok()) << p.status().message();
  // falls: 2 + 3 + 4 = 9 hours; meds: 3; total 12 (row 3's hour has no category).
  ASSERT_EQ(p->pareto.bars.size(), 2u);
  EXPECT_DOUBLE_EQ(p->pareto.bars[0].value, 9);
  EXPECT_DOUBLE_EQ(p->pareto.bars[1].value, 3);
  EXPECT_DOUBLE_EQ(p->pareto.total, 12);
}

TEST(ParetoOfRecordsTest, CountsPerCategory) {
  ParetoRequest request;
  request.category_columns = {"cause"};
  request.weight_column = "n";
  request.weights_are_counts = true;
  Diagnostics d;
  Result<ParetoOfRecordsResult> p =
      ParetoOfRecords(Table("cause,n\nmeds,3\nfalls,5\n"), request, &d);
  ASSERT_TRUE(p.ok()) << p.status().message();
  // falls 5 of 8 = 0.625 comes first.
  EXPECT_EQ(p->pareto.bars[0].category, "falls");
  EXPECT_DOUBLE_EQ(p->pareto.bars[0].share, 0.625);
}

TEST(ParetoOfRecordsTest, ATotalBeyondADoubleIsRefusedAtItsRow) {
  ParetoRequest request;
  request.category_columns = {"cause"};
  request.weight_column = "w";
  Diagnostics d;
  // 1e308 + 1e308 overflows at the second record, line 3, column 2.
  Result<ParetoOfRecordsResult> p =
      ParetoOfRecords(Table("cause,w\na,1e308\nb,1e308\n"), request, &d);
  ASSERT_FALSE(p.ok());
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].code, diag::kValueOverflow);
  EXPECT_EQ(d.all()[0].line, 3);
  EXPECT_EQ(d.all()[0].column, 2);
}

TEST(ParetoOfRecordsTest, AMissingColumnIsNamedWithItsRole) {
  ParetoRequest request;
  request.category_columns = {"cause", "kind"};
  Diagnostics d;
  Result<ParetoOfRecordsResult> p = ParetoOfRecords(Table(kIncidents), request, &d);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(),
            "--category: r.csv has no column 'kind'; its columns are: id, cause, cause2, hours");
}

}  // namespace
}  // namespace kaizen
