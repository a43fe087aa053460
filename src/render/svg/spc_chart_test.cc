#include "render/svg/spc_chart.h"

#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <string>

#include "kaizen/render.h"
#include "render/svg/svg_writer.h"
#include "test_support.h"

namespace kaizen {
namespace {

using testing::Month;

// Five monthly points 6, 8, 10, 12, 14 about a mean of 10 with limits 4 and 16: the value axis
// then runs 2.5 to 17.5 in steps of 2.5 (the smallest of 1, 2, 2.5, 5 × 10^k at least 12 / 5).
SeriesResult HandMade() {
  SeriesResult r;
  r.organisation = "RXX";
  r.chart = ChartType::kXmr;
  const double values[] = {6, 8, 10, 12, 14};
  for (int i = 0; i < 5; ++i) {
    PointResult p;
    p.period = Month(i);
    p.value = values[i];
    p.centre = 10;
    p.lower3 = 4;
    p.upper3 = 16;
    r.points.push_back(p);
  }
  r.points[4].point_class = PointClass::kConcern;
  r.points[4].label = RuleId::kTrend;
  r.points[2].ghosted = true;
  SegmentResult seg;
  seg.first = 0;
  seg.last = 4;
  r.segments = {seg};
  r.latest = 4;
  return r;
}

// The y coordinate of value v on a 380 px chart: the plot spans y = 58 (17.5) to
// y = 380 − 74 = 306 (2.5), 248 px for 15 units.
double ExpectedY(double v) { return 306 - (v - 2.5) / 15 * 248; }

// The attribute d of the first path with class `cls`.
std::string PathOf(const std::string& svg, const std::string& cls) {
  std::smatch m;
  const std::regex re("<path class=\"" + cls + "\" d=\"([^\"]*)\"");
  return std::regex_search(svg, m, re) ? m[1].str() : "";
}

// The y of a horizontal line's path "M<x> <y>H<x>".
double FirstY(const std::string& d) {
  std::smatch m;
  const std::regex re("^M[-0-9.]+ ([-0-9.]+)");
  return std::regex_search(d, m, re) ? std::stod(m[1].str()) : NAN;
}

TEST(NiceTicks, RoundSteps) {
  EXPECT_EQ(render::NiceTicks(4, 16), (std::vector<double>{2.5, 5, 7.5, 10, 12.5, 15, 17.5}));
  EXPECT_EQ(render::NiceTicks(72, 97), (std::vector<double>{70, 75, 80, 85, 90, 95, 100}));
  // A flat series still gets an axis, 10 % either side of its value.
  const std::vector<double> flat = render::NiceTicks(5, 5);
  EXPECT_LE(flat.front(), 4.5);
  EXPECT_GE(flat.back(), 5.5);
}

TEST(RenderChartSvg, LinesAtTheirValues) {
  Indicator ind;
  ind.id = "x";
  ind.name = "Falls";
  const std::string svg = RenderChartSvg(ind, HandMade(), {});
  EXPECT_NEAR(FirstY(PathOf(svg, "centre")), ExpectedY(10), 0.01);       // 182
  EXPECT_NEAR(FirstY(PathOf(svg, "upper-limit")), ExpectedY(16), 0.01);  // 82.8
  EXPECT_NEAR(FirstY(PathOf(svg, "lower-limit")), ExpectedY(4), 0.01);   // 281.2
  // The limits are dashed, the centre line solid.
  EXPECT_NE(svg.find("class=\"upper-limit\" d=\"" + PathOf(svg, "upper-limit") +
                     "\" fill=\"none\" stroke=\"#5F6A72\" stroke-width=\"1.5\" "
                     "stroke-dasharray"),
            std::string::npos);
  EXPECT_EQ(svg.find("class=\"centre\" d=\"" + PathOf(svg, "centre") +
                     "\" fill=\"none\" stroke=\"#231F20\" stroke-width=\"1.5\" stroke-dasharray"),
            std::string::npos);
}

TEST(RenderChartSvg, GhostHollowWithReasonAndSpecialCauseColoured) {
  Indicator ind;
  ind.id = "x";
  ind.ghosts = {{Month(2), {"IT outage <data lost>", "A. Analyst", {}}}};
  const std::string svg = RenderChartSvg(ind, HandMade(), {.palette = Palette::kMdc});
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("<circle class=\"ghost\"[^>]*>")));
  EXPECT_NE(m[0].str().find("fill=\"#FFFFFF\""), std::string::npos);
  EXPECT_NE(m[0].str().find("cy=\"" + render::Num(ExpectedY(10)) + "\""), std::string::npos);
  EXPECT_NE(svg.find("IT outage &lt;data lost&gt;"), std::string::npos);
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("<circle class=\"concern\"[^>]*>")));
  EXPECT_NE(m[0].str().find("#FAB428"), std::string::npos);
}

TEST(RenderChartSvg, TargetStepsWhenItChanges) {
  Indicator ind;
  ind.id = "x";
  ind.targets = {{.from = Month(0), .value = 12, .set_by = "local"},
                 {.from = Month(3), .value = 13, .set_by = "local"}};
  const std::string d = PathOf(RenderChartSvg(ind, HandMade(), {}), "target");
  EXPECT_NEAR(FirstY(d), ExpectedY(12), 0.01);
  // One vertical step, to the new target's y.
  EXPECT_NE(d.find("V" + render::Num(ExpectedY(13))), std::string::npos) << d;
  EXPECT_EQ(d.find('V'), d.rfind('V'));
}

TEST(RenderChartSvg, EscapesHostileTextAndGapsMissingPoints) {
  Indicator ind;
  ind.id = "x";
  ind.name = "<script>alert('x')</script> & \"quotes\"";
  ind.annotations = {{Month(1), "New <b>triage</b> & streaming"}};
  SeriesResult r = HandMade();
  r.points[1].missing = true;
  r.points[1].value = kMissing;
  const std::string svg = RenderChartSvg(ind, r, {});
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"),
            std::string::npos);
  EXPECT_NE(svg.find("New &lt;b&gt;triage&lt;/b&gt; &amp; streaming"), std::string::npos);
  const std::string data = PathOf(svg, "data");
  EXPECT_EQ(std::count(data.begin(), data.end(), 'M'), 2) << data;
}

TEST(RenderChartSvg, RunChartShowsOnlyItsMedian) {
  SeriesResult r = HandMade();
  r.chart = ChartType::kRun;
  Indicator ind;
  ind.id = "x";
  const std::string svg = RenderChartSvg(ind, r, {});
  EXPECT_EQ(svg.find("upper-limit"), std::string::npos);
  EXPECT_EQ(svg.find("lower-limit"), std::string::npos);
  EXPECT_NE(svg.find("Median 10"), std::string::npos);
}

TEST(RenderChartSvg, NotJudgedPointsHaveTheirOwnLookAndLegend) {
  // The hand-made series as a short segment: no limits, 5 of 15 points. Its points are not
  // judged: pale grey with a ring, a legend entry saying why, a note in the plot, and no
  // "Common cause" or "Process limits" entry that would contradict them.
  SeriesResult r = HandMade();
  for (PointResult& p : r.points) {
    p.lower3 = p.upper3 = kMissing;
    p.point_class = PointClass::kNotJudged;
    p.label = RuleId::kNone;
  }
  r.segments[0].judgement = Judgement::kTooFewPoints;
  r.segments[0].n_baseline = 4;  // the ghost does not count
  r.segments[0].points_needed = 15;
  Indicator ind;
  ind.id = "x";
  const std::string svg = RenderChartSvg(ind, r, {.palette = Palette::kMdc});
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("<circle class=\"not_judged\"[^>]*>")));
  EXPECT_NE(m[0].str().find("fill=\"#D8DDE0\""), std::string::npos);
  EXPECT_NE(m[0].str().find("stroke=\"#768692\""), std::string::npos);
  EXPECT_NE(svg.find(">Not judged yet: too few points for limits<"), std::string::npos);
  EXPECT_NE(svg.find(">Not judged yet: 4 of 15 points for limits<"), std::string::npos);
  EXPECT_EQ(svg.find("Common cause"), std::string::npos);
  EXPECT_EQ(svg.find("Process limits"), std::string::npos);
  EXPECT_EQ(svg.find("upper-limit"), std::string::npos);
}

TEST(RenderChartSvg, ZeroVariationDrawsNoLimitLines) {
  // Every value 10: mdc keeps limits on the mean (10), which must not look like limits.
  SeriesResult r = HandMade();
  for (PointResult& p : r.points) {
    p.value = p.centre = p.lower3 = p.upper3 = 10;
    p.point_class = PointClass::kNotJudged;
  }
  r.segments[0].zero_variation = true;
  r.segments[0].judgement = Judgement::kZeroVariation;
  Indicator ind;
  ind.id = "x";
  const std::string svg = RenderChartSvg(ind, r, {});
  EXPECT_EQ(svg.find("upper-limit"), std::string::npos);
  EXPECT_EQ(svg.find("lower-limit"), std::string::npos);
  EXPECT_EQ(svg.find("Upper limit"), std::string::npos);
  EXPECT_EQ(svg.find("Process limits"), std::string::npos);
  EXPECT_NE(svg.find("Mean 10"), std::string::npos);
  EXPECT_NE(svg.find(">No variation: no limits to judge by<"), std::string::npos);
  EXPECT_NE(svg.find(">Not judged: no variation<"), std::string::npos);
}

TEST(RenderChartSvg, FontsReadableAtA4) {
  Indicator ind;
  ind.id = "x";
  const std::string svg = RenderChartSvg(ind, HandMade(), {});
  std::smatch m;
  std::string rest = svg;
  int fonts = 0;
  while (std::regex_search(rest, m, std::regex("font-size=\"([0-9.]+)\""))) {
    EXPECT_GE(std::stod(m[1].str()), 11);
    rest = m.suffix();
    ++fonts;
  }
  EXPECT_GT(fonts, 3);
}

}  // namespace
}  // namespace kaizen
