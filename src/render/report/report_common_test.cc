// The key figures both forms of the board report show, against strings written out by hand.
#include "render/report/report_common.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kaizen::render {
namespace {

// Labels and values side by side, for one comparison.
std::vector<std::string> Flatten(const std::vector<KeyFigureText>& figures) {
  std::vector<std::string> out;
  for (const KeyFigureText& f : figures) {
    out.emplace_back(f.label);
    out.push_back(f.value);
  }
  return out;
}

TEST(KeyFigureTexts, ControlChartShowsTheLimitsBeforeTheTarget) {
  Indicator ind;
  ind.unit = "%";
  ReportSeries s{.indicator = &ind};
  s.result.chart = ChartType::kXmr;
  s.result.decimals = 1;
  s.row.stale = true;  // no period with a value: "no data", then the stale mark
  s.row.latest_value = 91.26;
  s.row.mean = 88.04;
  s.row.lower_limit = 80.54;
  s.row.upper_limit = 95.56;
  s.row.judgement = Judgement::kJudged;
  s.row.target = 95;
  s.row.target_set_by = "national";
  // One decimal each; the limits carry no unit and are joined by an en dash (U+2013).
  const std::vector<std::string> expected = {
      "Updated to",     "no data (stale)",        "Latest", "91.3%",           "Mean", "88.0%",
      "Process limits", "80.5 \xE2\x80\x93 95.6", "Target", "95.0% (national)"};
  EXPECT_EQ(Flatten(KeyFigureTexts(s)), expected);
}

TEST(KeyFigureTexts, RunChartShowsTheMedianAndNoLimits) {
  Indicator ind;
  ReportSeries s{.indicator = &ind};
  s.result.chart = ChartType::kRun;
  s.result.decimals = 0;
  s.row.latest_value = 12;
  s.row.mean = 10.4;
  // No target: an en dash.
  const std::vector<std::string> expected = {"Updated to", "no data", "Latest", "12",
                                             "Median",     "10",      "Target", "\xE2\x80\x93"};
  EXPECT_EQ(Flatten(KeyFigureTexts(s)), expected);
}

}  // namespace
}  // namespace kaizen::render
