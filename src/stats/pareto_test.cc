#include "kaizen/pareto.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace kaizen {
namespace {

// The harm categories of tests/data/gtt.csv (qicharts2 Global Trigger Tool data): every
// non-NA cell of the severity columns E–I is one harm. Counted independently with
//   python3: for each row, for k in EFGHI: if r[k] != 'NA': c[r[k]] += 1
// → 131 harms: Gastrointestinal 40, Infection 34, Procedure 29, Medication 18,
//   Pressure ulcer 5, Other 4, Fall 1. Cumulative: 30.53 %, 56.49 %, 78.63 %, 92.37 %...
//   so the vital few (reaching 80 %) are the first four.
std::vector<std::string> GttHarms(std::vector<double>* severity) {
  const std::string text = testing::ReadFile(testing::SourcePath("tests/data/gtt.csv"));
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);  // header
  std::vector<std::string> harms;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream ls(line);
    while (std::getline(ls, cell, ',')) {
      if (cell.size() >= 2 && cell.front() == '"') cell = cell.substr(1, cell.size() - 2);
      cells.push_back(cell);
    }
    for (int k = 6; k <= 10 && k < static_cast<int>(cells.size()); ++k) {
      if (cells[k] != "NA") {
        harms.push_back(cells[k]);
        if (severity) severity->push_back(k - 5);  // E = 1 ... I = 5
      }
    }
  }
  return harms;
}

TEST(Pareto, GlobalTriggerToolHarmCategories) {
  const std::vector<std::string> harms = GttHarms(nullptr);
  Result<ParetoResult> r = ParetoFromRecords(harms);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_DOUBLE_EQ(r->total, 131);
  ASSERT_EQ(r->bars.size(), 7u);
  const std::vector<std::pair<std::string, double>> expected = {
      {"Gastrointestinal", 40}, {"Infection", 34}, {"Procedure", 29}, {"Medication", 18},
      {"Pressure ulcer", 5},    {"Other", 4},      {"Fall", 1}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(r->bars[i].category, expected[i].first);
    EXPECT_DOUBLE_EQ(r->bars[i].value, expected[i].second);
    EXPECT_EQ(r->bars[i].records, static_cast<int64_t>(expected[i].second));
  }
  EXPECT_NEAR(r->bars[2].cumulative_share, 103.0 / 131, 1e-12);
  EXPECT_NEAR(r->bars[3].cumulative_share, 121.0 / 131, 1e-12);
  EXPECT_DOUBLE_EQ(r->bars.back().cumulative_share, 1.0);
  EXPECT_EQ(r->vital_few_count, 4);
  EXPECT_TRUE(r->bars[3].vital_few);
  EXPECT_FALSE(r->bars[4].vital_few);
}

// Weighted by severity (E = 1 … I = 5), computed with the same python loop adding k's weight:
// Infection 48, Gastrointestinal 45, Procedure 37, Medication 35, Other 9, Pressure ulcer 5,
// Fall 1 (total 180). Cumulative 26.7 %, 51.7 %, 72.2 %, 91.7 %: four vital few again.
// Issue 14: two counts of 1e308 made an infinite total, every share 0, and "the vital few reach
// 80 %" anyway.
TEST(Pareto, TotalBeyondTheLargestDoubleIsRefusedAtItsRow) {
  const std::vector<std::string> categories = {"falls", "ulcers", "medication"};
  const std::vector<double> counts = {1e308, 1e308, 5};
  const Result<ParetoResult> r = ParetoFromCounts(categories, counts, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("row 2 (ulcers) brings the total past the largest number"),
            std::string::npos)
      << r.status().message();
}

TEST(Pareto, WeightedBySeverity) {
  std::vector<double> severity;
  const std::vector<std::string> harms = GttHarms(&severity);
  Result<ParetoResult> r = ParetoFromRecords(harms, severity);
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->total, 180);
  EXPECT_EQ(r->bars[0].category, "Infection");
  EXPECT_DOUBLE_EQ(r->bars[0].value, 48);
  EXPECT_EQ(r->bars[4].category, "Other");
  EXPECT_EQ(r->vital_few_count, 4);
}

// Threshold 5 %: Pressure ulcer (3.8 %), Other (3.1 %), Fall (0.8 %) merge into one bar of 10,
// kept last.
TEST(Pareto, OtherBucketKeptLast) {
  ParetoOptions o;
  o.other_threshold = 0.05;
  Result<ParetoResult> r = ParetoFromRecords(GttHarms(nullptr), {}, o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->bars.size(), 5u);
  EXPECT_TRUE(r->bars.back().is_other);
  EXPECT_EQ(r->bars.back().category, "All other categories");
  EXPECT_DOUBLE_EQ(r->bars.back().value, 10);
  EXPECT_EQ(r->bars.back().categories, 3);
  EXPECT_FALSE(r->bars.back().vital_few);
}

TEST(Pareto, TiesBrokenByNameAndCutExactlyReached) {
  // a 3, b 3, c 2, d 2 (total 10): ties by name; a + b + c = 80 % exactly reaches the cut.
  std::vector<std::string> cats = {"d", "c", "b", "a", "b"};
  std::vector<double> counts = {2, 2, 1, 3, 2};
  Result<ParetoResult> r = ParetoFromCounts(cats, counts);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->bars[0].category, "a");
  EXPECT_EQ(r->bars[1].category, "b");
  EXPECT_EQ(r->bars[2].category, "c");
  EXPECT_EQ(r->vital_few_count, 3);
  EXPECT_EQ(r->bars[0].records, 0);  // counts input carries no records
}

TEST(Pareto, CutNeedsOther) {
  ParetoOptions o;
  o.other_threshold = 0.3;
  o.vital_few_cut = 0.9;
  // a 50 %, b 20 %, c 20 %, d 10 %: b, c, d go to other; a alone cannot reach 90 %.
  Result<ParetoResult> r = ParetoFromCounts(std::vector<std::string>{"a", "b", "c", "d"},
                                            std::vector<double>{5, 2, 2, 1}, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->cut_needs_other);
  EXPECT_EQ(r->vital_few_count, 1);
}

TEST(Pareto, EdgeCases) {
  EXPECT_EQ(ParetoFromRecords(std::vector<std::string>{}).status().code(),
            StatusCode::kFailedPrecondition);
  Result<ParetoResult> one = ParetoFromRecords(std::vector<std::string>{"x"});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->vital_few_count, 1);
  EXPECT_DOUBLE_EQ(one->bars[0].cumulative_share, 1.0);
  // Missing: empty category and NaN weight are skipped and counted.
  Result<ParetoResult> m = ParetoFromRecords(std::vector<std::string>{"x", "", "y"},
                                             std::vector<double>{1, 1, std::nan("")});
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->missing_records, 2);
  EXPECT_EQ(m->bars.size(), 1u);
  EXPECT_EQ(ParetoFromRecords(std::vector<std::string>{"x"}, std::vector<double>{INFINITY})
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ParetoFromCounts(std::vector<std::string>{"x"}, std::vector<double>{0}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(
      ParetoFromCounts(std::vector<std::string>{"x"}, std::vector<double>{-1}).status().code(),
      StatusCode::kInvalidArgument);
  EXPECT_EQ(ParetoFromCounts(std::vector<std::string>{"x"}, std::vector<double>{}).status().code(),
            StatusCode::kInvalidArgument);
  ParetoOptions bad;
  bad.vital_few_cut = 1.5;
  EXPECT_EQ(ParetoFromRecords(std::vector<std::string>{"x"}, {}, bad).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kaizen
