// qicharts2 0.8.1 conformance: the Montgomery textbook examples and the hospital-infection
// cases of tests/conformance/qicharts2 (provenance in tests/conformance/README.md), read at
// test time and analysed under the qicharts2 profile. Per point: centre and limits within
// 1e-9 relative, the sigma signal (beyond limits); per part: Anhøj's runs analysis.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kaizen/spc.h"
#include "test_support.h"

namespace kaizen {
namespace {

using nlohmann::json;

const std::string kDir = "tests/conformance/qicharts2/";

// A delimited table with a header row; "NA" and "" are missing.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  int Column(const std::string& name) const {
    auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  }
  double Number(std::size_t row, const std::string& name) const {
    const int c = Column(name);
    EXPECT_GE(c, 0) << "no column " << name;
    if (c < 0) return kMissing;
    const std::string& v = rows[row][c];
    return v == "NA" || v.empty() ? kMissing : std::stod(v);
  }
  std::string Text(std::size_t row, const std::string& name) const {
    return rows[row][Column(name)];
  }
};

Table ReadTable(const std::string& path, char delimiter) {
  Table t;
  std::istringstream in(testing::ReadFile(path));
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::string field;
    std::istringstream ls(line);
    while (std::getline(ls, field, delimiter)) {
      if (field.size() >= 2 && field.front() == '"') field = field.substr(1, field.size() - 2);
      fields.push_back(field);
    }
    if (line.back() == delimiter) fields.emplace_back();
    if (first) {
      t.header = fields;
      first = false;
    } else {
      t.rows.push_back(fields);
    }
  }
  return t;
}

const json& Cases() {
  static const json cases =
      json::parse(testing::ReadFile(testing::SourcePath(kDir + "cases.json")));
  return cases;
}

// 1e-9 relative (conformance README), with an absolute floor for values at 0.
void ExpectClose(double actual, double expected, const std::string& what) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(actual)) << what << ": expected NA, got " << actual;
    return;
  }
  EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::fabs(expected))) << what;
}

ChartType ChartOf(const std::string& name) { return *ParseChartType(name); }

// Builds the series of a Montgomery case from its input table.
Series BuildSeries(const json& c, const Table& input, ChartType chart) {
  const std::string x = c["x"], y = c["y"];
  Series s;
  s.indicator_id = c["name"];
  if (chart == ChartType::kXbar || chart == ChartType::kS) {
    std::vector<Date> periods;
    std::vector<double> values;
    for (std::size_t r = 0; r < input.rows.size(); ++r) {
      if (std::isnan(input.Number(r, x))) continue;  // a row of no subgroup: qic drops it
      periods.push_back(testing::Month(static_cast<int>(input.Number(r, x)) - 1));
      values.push_back(input.Number(r, y));
    }
    for (const Observation& o : SummariseSubgroups(periods, values)) s.Add(o);
    return s;
  }
  for (std::size_t r = 0; r < input.rows.size(); ++r) {
    Observation o{.period = testing::Month(static_cast<int>(input.Number(r, x)) - 1)};
    if (c.contains("n")) {
      o.numerator = input.Number(r, y);
      o.denominator = input.Number(r, c["n"]);
    } else {
      o.value = input.Number(r, y);
    }
    s.Add(o);
  }
  return s;
}

class Qicharts2PointCase : public ::testing::TestWithParam<std::string> {};

TEST_P(Qicharts2PointCase, MatchesReference) {
  const json* found = nullptr;
  for (const json& c : Cases()["cases"])
    if (c["name"] == GetParam()) found = &c;
  ASSERT_NE(found, nullptr);
  const json& c = *found;
  const Table input = ReadTable(testing::SourcePath(kDir + c["input"].get<std::string>()), '\t');
  const Table expected =
      ReadTable(testing::SourcePath(kDir + c["expected"].get<std::string>()), '\t');
  const ChartType chart = ChartOf(c["chart"]);

  Indicator ind = testing::MakeIndicator(chart, Direction::kNeither, "qicharts2");
  Series s = BuildSeries(c, input, chart);
  if (c.contains("multiply")) ind.multiplier = c["multiply"];
  // qicharts2's freeze counts positions (excluded points included): the baseline ends at the
  // period of the freeze-th point.
  if (c.contains("freeze")) ind.baseline.to = s.periods[c["freeze"].get<int>() - 1];
  if (c.contains("exclude"))
    for (int x : c["exclude"])
      ind.ghosts.push_back({.date = s.periods[x - 1], .decision = {.reason = "excluded"}});
  // part = 30: the first part ends at point 30, the next starts at point 31.
  if (c.contains("part"))
    for (int x : c["part"])
      ind.rebases.push_back({.date = s.periods[x], .decision = {.reason = "part"}});

  Result<SeriesResult> r = AnalyseSeries(ind, s);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->points.size(), expected.rows.size());
  for (std::size_t i = 0; i < expected.rows.size(); ++i) {
    const PointResult& pt = r->points[i];
    const std::string at = GetParam() + " point " + std::to_string(i + 1);
    ExpectClose(pt.centre, expected.Number(i, "cl"), at + " cl");
    ExpectClose(pt.upper3, expected.Number(i, "ucl"), at + " ucl");
    ExpectClose(pt.lower3, expected.Number(i, "lcl"), at + " lcl");
    if (!std::isnan(expected.Number(i, "y")))
      ExpectClose(pt.value, expected.Number(i, "y"), at + " y");
    const bool sigma_signal = pt.rules[static_cast<int>(RuleId::kBeyondLimits)] != 0;
    EXPECT_EQ(sigma_signal, expected.Number(i, "sigma.signal") == 1) << at << " sigma.signal";
    const SegmentResult& seg = r->segments[pt.segment];
    // qicharts2's n.obs counts the part's points that are not excluded, missing ones included.
    int ghosted = 0;
    for (int k = seg.first; k <= seg.last; ++k) ghosted += r->points[k].ghosted;
    EXPECT_EQ(seg.n - ghosted, expected.Number(i, "n.obs")) << at << " n.obs";
    EXPECT_EQ(seg.n_useful, expected.Number(i, "n.useful")) << at << " n.useful";
    EXPECT_EQ(seg.longest_run, expected.Number(i, "longest.run")) << at;
    EXPECT_EQ(seg.longest_run_max, expected.Number(i, "longest.run.max")) << at;
    EXPECT_EQ(seg.crossings, expected.Number(i, "n.crossings")) << at;
    EXPECT_EQ(seg.crossings_min, expected.Number(i, "n.crossings.min")) << at;
    const bool runs_signal = !pt.ghosted && !pt.missing &&
                             (pt.rules[static_cast<int>(RuleId::kLongestRun)] != 0 ||
                              pt.rules[static_cast<int>(RuleId::kCrossings)] != 0);
    if (!pt.ghosted && !pt.missing) {
      EXPECT_EQ(runs_signal, expected.Number(i, "runs.signal") == 1) << at << " runs.signal";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Montgomery, Qicharts2PointCase,
                         ::testing::Values("ex_6.3_1", "ex_6.3_2", "ex_6.4_1", "ex_6.4_2",
                                           "ex_6.5_3", "ex_6.5_4", "ex_7.1_5", "tbl_7.4_1",
                                           "ex_7.3_3", "ex_7.4_1", "ex_7.5_1", "ex_7.6_1",
                                           "NA_test"),
                         [](const auto& param_info) {
                           std::string n = param_info.param;
                           std::replace(n.begin(), n.end(), '.', '_');
                           return n;
                         });

}  // namespace
}  // namespace kaizen

namespace kaizen {
namespace {

// The hospital-infection cases: u charts of summed counts and risk days per facet, compared
// with qicharts2's summary() (one row per facet).
struct HaiRow {
  std::string hospital, infection;
  Date month;
  double n, days;
};

std::vector<HaiRow> ReadHai() {
  const Table t = ReadTable(testing::SourcePath("tests/data/hospital_infections.csv"), ',');
  std::vector<HaiRow> rows;
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    rows.push_back({t.Text(r, "hospital"), t.Text(r, "infection"),
                    *Date::ParseIso(t.Text(r, "month")), t.Number(r, "n"), t.Number(r, "days")});
  return rows;
}

// Sums n and days per x key (a month, or a hospital in funnel mode) for one facet.
struct Point {
  double n = 0, days = 0;
};

void ExpectSummary(const SeriesResult& r, const Table& expected, std::size_t row,
                   const std::string& at) {
  ASSERT_EQ(r.segments.size(), 1u);
  const SegmentResult& seg = r.segments[0];
  EXPECT_EQ(seg.n_used, expected.Number(row, "n.obs")) << at;
  EXPECT_EQ(seg.n_useful, expected.Number(row, "n.useful")) << at;
  EXPECT_EQ(seg.longest_run, expected.Number(row, "longest.run")) << at;
  EXPECT_EQ(seg.longest_run_max, expected.Number(row, "longest.run.max")) << at;
  EXPECT_EQ(seg.crossings, expected.Number(row, "n.crossings")) << at;
  EXPECT_EQ(seg.crossings_min, expected.Number(row, "n.crossings.min")) << at;
  double lcl = 0, ucl = 0;
  int beyond = 0;
  bool runs_signal = false;
  for (const PointResult& pt : r.points) {
    lcl += pt.lower3;
    ucl += pt.upper3;
    beyond += pt.rules[static_cast<int>(RuleId::kBeyondLimits)] != 0;
    runs_signal |= pt.rules[static_cast<int>(RuleId::kLongestRun)] != 0 ||
                   pt.rules[static_cast<int>(RuleId::kCrossings)] != 0;
  }
  const double count = static_cast<double>(r.points.size());
  ExpectClose(lcl / count, expected.Number(row, "aLCL"), at + " aLCL");
  ExpectClose(seg.centre, expected.Number(row, "CL"), at + " CL");
  ExpectClose(ucl / count, expected.Number(row, "aUCL"), at + " aUCL");
  EXPECT_EQ(beyond, expected.Number(row, "sigma.signal")) << at << " sigma.signal";
  EXPECT_EQ(runs_signal, expected.Number(row, "runs.signal") == 1) << at << " runs.signal";
}

SeriesResult AnalyseU(const std::vector<Point>& points, double multiplier) {
  Series s;
  for (std::size_t i = 0; i < points.size(); ++i)
    s.Add({.period = testing::Month(static_cast<int>(i)),
           .numerator = points[i].n,
           .denominator = points[i].days});
  Indicator ind = testing::MakeIndicator(ChartType::kU, Direction::kNeither, "qicharts2");
  ind.multiplier = multiplier;
  Result<SeriesResult> r = AnalyseSeries(ind, s);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : SeriesResult{};
}

// Facets are the distinct values of `facet` (in the sorted order R's factors use); points are
// months in order.
void CheckMonthlyFacets(const std::string& name,
                        const std::function<std::string(const HaiRow&)>& facet1,
                        const std::function<std::string(const HaiRow&)>& facet2) {
  const Table expected = ReadTable(testing::SourcePath(kDir + "expected/" + name + ".tsv"), '\t');
  std::map<std::pair<std::string, std::string>, std::map<Date, Point>> facets;
  for (const HaiRow& row : ReadHai()) {
    Point& p = facets[{facet1(row), facet2(row)}][row.month];
    p.n += row.n;
    p.days += row.days;
  }
  ASSERT_EQ(facets.size(), expected.rows.size());
  for (std::size_t row = 0; row < expected.rows.size(); ++row) {
    const auto key = std::make_pair(expected.Text(row, "facet1"), expected.Text(row, "facet2"));
    ASSERT_TRUE(facets.count(key)) << name << " facet " << key.first << "/" << key.second;
    std::vector<Point> points;
    for (const auto& [month, p] : facets[key]) points.push_back(p);
    ExpectSummary(AnalyseU(points, 1.0), expected, row, name + " " + key.first + "/" + key.second);
  }
}

TEST(Qicharts2Hai, NoFacets) {
  CheckMonthlyFacets(
      "hai_1", [](const HaiRow&) { return "1"; }, [](const HaiRow&) { return "1"; });
}

TEST(Qicharts2Hai, FacetByInfection) {
  CheckMonthlyFacets(
      "hai_2", [](const HaiRow& r) { return r.infection; }, [](const HaiRow&) { return "1"; });
}

TEST(Qicharts2Hai, FacetByHospitalAndInfection) {
  CheckMonthlyFacets(
      "hai_3", [](const HaiRow& r) { return r.hospital; },
      [](const HaiRow& r) { return r.infection; });
}

TEST(Qicharts2Hai, FunnelModeHospitalsOrderedByRiskDays) {
  // x is the hospital, for months from July 2016, ordered by total risk days (ascending), the
  // rate per 10,000 risk days, one chart per infection.
  const Table expected = ReadTable(testing::SourcePath(kDir + "expected/hai_4.tsv"), '\t');
  const Date from = *Date::ParseIso("2016-07-01");
  std::map<std::string, std::map<std::string, Point>> by_infection;
  for (const HaiRow& row : ReadHai()) {
    if (row.month < from) continue;
    Point& p = by_infection[row.infection][row.hospital];
    p.n += row.n;
    p.days += row.days;
  }
  for (std::size_t row = 0; row < expected.rows.size(); ++row) {
    const std::string infection = expected.Text(row, "facet1");
    std::vector<Point> points;
    for (const auto& [hospital, p] : by_infection[infection]) points.push_back(p);
    std::sort(points.begin(), points.end(),
              [](const Point& a, const Point& b) { return a.days < b.days; });
    ExpectSummary(AnalyseU(points, 10000.0), expected, row, "hai_4 " + infection);
  }
}

}  // namespace
}  // namespace kaizen
