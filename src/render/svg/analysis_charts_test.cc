// The analysis charts: well-formed XML, key marks at coordinates worked out by hand from the
// layout (plot from y = 58 to y = height − 92, x from the left edge to width − 24), hostile
// labels escaped, and no font below 11 px.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "kaizen/analysis_render.h"
#include "render/svg/svg_writer.h"
#include "test_support.h"

namespace kaizen {
namespace {

constexpr std::string_view kHostile = "<script>alert('x')</script> & \"q\"";
constexpr std::string_view kEscaped =
    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;";

void ExpectWellFormed(const std::string& svg, const std::string& name) {
  const std::string path = ::testing::TempDir() + "kaizen_" + name + ".svg";
  std::ofstream(path) << svg;
  const std::string command = "xmllint --noout '" + path + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << "xmllint rejected " << path;
  std::remove(path.c_str());
}

void ExpectReadableFonts(const std::string& svg) {
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

// Every check that applies to every chart.
void ExpectSound(const std::string& svg, const std::string& name) {
  ExpectWellFormed(svg, name);
  ExpectReadableFonts(svg);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find(kEscaped), std::string::npos) << name;
  EXPECT_NE(svg.find("<title>"), std::string::npos);
  EXPECT_NE(svg.find("<desc>"), std::string::npos);
}

// The first element with class `cls` (its opening tag).
std::string ElementOf(const std::string& svg, const std::string& cls) {
  std::smatch m;
  return std::regex_search(svg, m, std::regex("<[a-z]+ class=\"" + cls + "\"[^>]*>")) ? m[0].str()
                                                                                      : "";
}

double AttrOf(const std::string& element, const std::string& name) {
  std::smatch m;
  return std::regex_search(element, m, std::regex(" " + name + "=\"([-0-9.]+)\""))
             ? std::stod(m[1].str())
             : NAN;
}

int CountOf(const std::string& svg, const std::string& text) {
  int n = 0;
  for (std::size_t at = svg.find(text); at != std::string::npos; at = svg.find(text, at + 1)) ++n;
  return n;
}

PlotOptions Hostile() {
  PlotOptions o;
  o.title = std::string(kHostile);
  o.x_label = "x <axis>";
  o.y_label = "y & axis";
  return o;
}

// Sturges bins of 1..10: five of width 1.8, rounded up to 2 on edges 0, 2, ..., 10 (counts 1, 2,
// 2, 2, 3). The normal curve peaks at 10 · 2 · φ(0) / sd = 2.635 (sd 3.0277), so the count axis
// runs 0 to 3 in whole steps (never a tick at half a patient) and the value axis 0 to 10 in
// steps of 2. The left edge is 14 + 20 (axis title) + 6.6 (label "3") + 8 = 48.6,
// the right 876; the plot runs from y = 58 to 420 − 92 = 328.
TEST(RenderHistogramSvg, BarsAndLinesAtTheirValues) {
  const std::vector<double> v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const HistogramBins bins = *ComputeHistogramBins(v, BinRule::kSturges);
  const Descriptive d = *Describe(v);
  const std::string svg = RenderHistogramSvg(bins, d, Hostile());
  ExpectSound(svg, "histogram");
  auto x = [](double value) { return 48.6 + value / 10 * (876 - 48.6); };
  const std::string bar = ElementOf(svg, "bar");
  EXPECT_NEAR(AttrOf(bar, "x"), x(0), 0.01);                 // 48.6
  EXPECT_NEAR(AttrOf(bar, "width"), x(2) - x(0), 0.02);      // 165.48
  EXPECT_NEAR(AttrOf(bar, "y"), 328 - 1.0 / 3 * 270, 0.01);  // 238
  EXPECT_EQ(CountOf(svg, "class=\"bar\""), 5);
  EXPECT_NEAR(AttrOf(ElementOf(svg, "mean"), "x1"), x(5.5), 0.01);
  EXPECT_NEAR(AttrOf(ElementOf(svg, "median"), "x1"), x(5.5), 0.01);
  EXPECT_NE(svg.find("bins: Sturges, width 2"), std::string::npos);
  EXPECT_NE(svg.find("class=\"normal-curve\""), std::string::npos);
}

TEST(RenderHistogramSvg, SaysWhenFreedmanDiaconisFellBack) {
  const std::vector<double> v = {1, 1, 1, 1, 1, 1, 1, 5};
  const HistogramBins bins = *ComputeHistogramBins(v, BinRule::kFreedmanDiaconis);
  const std::string svg = RenderHistogramSvg(bins, *Describe(v), Hostile());
  EXPECT_NE(svg.find("Sturges (IQR is 0)"), std::string::npos);
  EXPECT_NE(svg.find("IQR of 0"), std::string::npos);
}

// 1..9 and 30: type-7 quartiles 3.25 and 7.75, IQR 4.5, upper fence 7.75 + 6.75 = 14.5, so 30
// is an outlier and the upper whisker stops at 9. Value axis 0 to 30 (step 10), 270 px.
TEST(RenderBoxPlotSvg, TukeyBoxWhiskersAndOutliers) {
  const std::vector<std::string> groups = {std::string(kHostile)};
  const std::vector<double> values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 30};
  PlotOptions o = Hostile();
  o.title = "Box";
  const std::string svg = RenderBoxPlotSvg(groups, {ComputeBoxStats(values)}, o);
  ExpectSound(svg, "box_plot");
  auto y = [](double v) { return 328 - v / 30 * 270; };
  const std::string box = ElementOf(svg, "iqr");
  EXPECT_NEAR(AttrOf(box, "y"), y(7.75), 0.01);
  EXPECT_NEAR(AttrOf(box, "height"), y(3.25) - y(7.75), 0.01);
  EXPECT_NEAR(AttrOf(ElementOf(svg, "median"), "y1"), y(5.5), 0.01);
  EXPECT_NEAR(AttrOf(ElementOf(svg, "whisker"), "y2"), y(9), 0.01);
  const std::string outlier = ElementOf(svg, "outlier");
  EXPECT_NEAR(AttrOf(outlier, "cy"), y(30), 0.01);
  EXPECT_EQ(CountOf(svg, "class=\"outlier\""), 1);
  EXPECT_NE(svg.find("type 7"), std::string::npos);
}

// Bars 2 and 4: axis 0 to 4 (step 1), left edge 14 + 20 + 6.6 + 8 = 48.6, two slots of
// (876 − 48.6) / 2 = 413.7 px, so the first bar is centred at 48.6 + 206.85 = 255.45.
TEST(RenderBarChartSvg, BarsInTheirSlots) {
  const std::vector<std::string> cats = {std::string(kHostile), "b"};
  const std::vector<double> values = {2, 4};
  const std::string svg = RenderBarChartSvg(cats, values, Hostile());
  ExpectSound(svg, "bar_chart");
  const std::string bar = ElementOf(svg, "bar");
  EXPECT_NEAR(AttrOf(bar, "x") + AttrOf(bar, "width") / 2, 255.45, 0.01);
  EXPECT_NEAR(AttrOf(bar, "y"), 328 - 2.0 / 4 * 270, 0.01);
  EXPECT_NEAR(AttrOf(bar, "height"), 2.0 / 4 * 270, 0.01);
}

TEST(RenderLineGraphSvg, OneLineWithGapsAtMissingValues) {
  const std::vector<Date> periods = {testing::Month(0), testing::Month(1), testing::Month(2),
                                     testing::Month(3)};
  const std::vector<double> values = {1, NAN, 3, 4};
  const std::string svg = RenderLineGraphSvg(periods, values, Hostile());
  ExpectSound(svg, "line_graph");
  const std::string data = ElementOf(svg, "data");
  EXPECT_EQ(CountOf(data, "M"), 2) << data;
  EXPECT_NE(svg.find("Jan 2020"), std::string::npos);
}

// x 1..5, y 3, 5, 7, 9, 11.5: x axis 1 to 5 (step 1), y axis 2 to 12 (step 2); left edge
// 14 + 20 + 13.2 (label "12") + 8 = 55.2. The line starts at (X(1), Y(a + b)).
TEST(RenderScatterSvg, LineBandAndStatistics) {
  const std::vector<double> x = {1, 2, 3, 4, 5}, y = {3, 5, 7, 9, 11.5};
  const std::vector<double> band_x = {1, 3, 5};
  const SimpleRegression fit = *FitLine(x, y, band_x);
  const std::string svg = RenderScatterSvg(x, y, fit, *Pearson(x, y), *Spearman(x, y), Hostile());
  ExpectSound(svg, "scatter");
  const double left = 55.2, right = 876;
  // The band widens the y axis only if it passes the data: work out where it ends.
  double lo = 3, hi = 11.5;
  for (const BandPoint& p : fit.band) {
    lo = std::min(lo, p.lower);
    hi = std::max(hi, p.upper);
  }
  ASSERT_GT(lo, 2);
  ASSERT_LT(hi, 12);
  std::smatch m;
  const std::string fit_path = ElementOf(svg, "fit");
  ASSERT_TRUE(std::regex_search(fit_path, m, std::regex("d=\"M([-0-9.]+) ([-0-9.]+)L")));
  EXPECT_NEAR(std::stod(m[1].str()), left, 0.01);
  const double a_plus_b = fit.intercept + fit.slope;  // 2.9 (least squares: a 0.7, b 2.2)
  EXPECT_NEAR(std::stod(m[2].str()), 328 - (a_plus_b - 2) / 10 * 270, 0.01);
  EXPECT_NEAR(a_plus_b, 2.9, 1e-9);
  EXPECT_NE(svg.find("class=\"band\""), std::string::npos);
  EXPECT_NE(svg.find("Pearson r = 1.00 (p &lt; 0.001)"), std::string::npos);
  EXPECT_NE(svg.find("Spearman \xCF\x81 = 1.00"), std::string::npos);
  EXPECT_EQ(CountOf(svg, "<circle cx"), 5 + 1);  // five points and the legend's
  (void)right;
}

// Residuals −1, 2, −1 about 0: the y axis runs −1 to 2 (step 0.5), so zero sits at
// 328 − 1/3 · 270 = 238.
TEST(RenderResidualPlotSvg, ZeroLine) {
  LinearModel model;
  model.n = 3;
  model.k = 1;
  model.fitted = {1, 2, 3};
  model.residuals = {-1, 2, -1};
  const std::string svg = RenderResidualPlotSvg(model, Hostile());
  ExpectSound(svg, "residual_plot");
  EXPECT_NEAR(AttrOf(ElementOf(svg, "zero"), "y1"), 238, 0.01);
}

// A 60, B 25, C 15 of 100: cumulative 60 %, 85 %, 100 %, so A and B are the vital few at the
// 80 % cut. The percentage axis spans the same 270 px: 80 % at 328 − 216 = 112.
TEST(RenderParetoSvg, VitalFewCutAndCumulativeLine) {
  const std::vector<std::string> cats = {"C", std::string(kHostile), "B"};
  const std::vector<double> counts = {15, 60, 25};
  const ParetoResult pareto = *ParetoFromCounts(cats, counts);
  const std::string svg = RenderParetoSvg(pareto, Hostile());
  ExpectSound(svg, "pareto");
  EXPECT_EQ(CountOf(svg, "class=\"bar vital-few\""), 2);
  EXPECT_EQ(CountOf(svg, "class=\"bar\""), 1);
  EXPECT_NEAR(AttrOf(ElementOf(svg, "cut"), "y1"), 112, 0.01);
  const std::string line = ElementOf(svg, "cumulative");
  EXPECT_NE(line.find(" " + render::Num(328 - 0.6 * 270)), std::string::npos) << line;  // 166
  EXPECT_NE(line.find(" " + render::Num(328 - 0.85 * 270)), std::string::npos) << line;
  EXPECT_NE(svg.find(">100 %<"), std::string::npos);  // the right-hand axis
}

TEST(RenderParetoSvg, OtherBarLastAndHatched) {
  const std::vector<std::string> cats = {"a", "b", "c", "d"};
  const std::vector<double> counts = {70, 25, 3, 2};
  const ParetoResult pareto = *ParetoFromCounts(cats, counts, {.other_threshold = 0.05});
  const std::string svg = RenderParetoSvg(pareto, Hostile());
  ExpectWellFormed(svg, "pareto_other");
  EXPECT_EQ(svg.rfind("class=\"bar other\""), svg.rfind("class=\"bar"));  // the last bar
  EXPECT_NE(svg.find("url(#pareto-other-hatch)"), std::string::npos);
}

// Ten providers of 400 attendances near 80 %, one far below and one far above: with higher
// better the low one is a concern (orange) and the high one an improvement (blue), both named.
TEST(RenderFunnelSvg, OutliersColouredAndNamed) {
  std::vector<std::string> names;
  std::vector<double> num, den;
  for (int i = 0; i < 10; ++i) {
    names.push_back("P" + std::to_string(i));
    num.push_back(316 + i % 3 * 4);
    den.push_back(400 + i * 20);
  }
  names.push_back(std::string(kHostile));
  num.push_back(200);
  den.push_back(400);
  names.push_back("High");
  num.push_back(390);
  den.push_back(400);
  const FunnelResult f = *AnalyseFunnel(names, num, den, {.type = FunnelType::kProportion});
  PlotOptions o = Hostile();
  o.title = "Funnel";
  o.direction = Direction::kHigherIsBetter;
  const std::string svg = RenderFunnelSvg(f, o);
  ExpectSound(svg, "funnel");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("<circle class=\"outside-998\"[^>]*#FAB428")));
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("<circle class=\"outside-998\"[^>]*#289DE0")));
  EXPECT_NE(svg.find(">High</text>"), std::string::npos);
  EXPECT_NE(svg.find(std::string(">") + std::string(kEscaped) + "</text>"), std::string::npos);
  for (const char* cls : {"upper-95", "lower-95", "upper-998", "lower-998"}) {
    const std::string path = ElementOf(svg, cls);
    EXPECT_GT(CountOf(path, "L"), 50) << cls;  // a smooth curve, not a few segments
  }
  // Without a direction both are "neither" purple.
  o.direction = Direction::kNeither;
  const std::string neutral = RenderFunnelSvg(f, o);
  EXPECT_EQ(CountOf(neutral, "#FAB428"), 0);
  EXPECT_GE(CountOf(neutral, "#361475"), 2);
}

}  // namespace
}  // namespace kaizen

namespace kaizen {
namespace {

// Issue 8 item 17: regress draws Minitab's four residual plots on one page: each panel titled,
// every residual once in each of the three point panels, the order panel joined in order, the
// histogram's bars holding all n residuals.
TEST(RenderResidualPlotsSvg, FourPanelsEachWithEveryResidual) {
  const std::vector<double> y = {1, 3, 2, 5, 4, 6, 8, 7, 9, 12};
  const std::vector<double> x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  std::vector<std::span<const double>> xs = {x};
  const LinearModel m = *FitLinearModel(y, xs);
  const std::string svg = RenderResidualPlotsSvg(m, Hostile());
  ExpectSound(svg, "residual plots");  // the hostile title is escaped
  for (const char* panel : {"Normal probability plot", "Versus fits", "Histogram", "Versus order"})
    EXPECT_NE(svg.find(std::string(">") + panel + "<"), std::string::npos) << panel;
  for (const char* cls :
       {"points normal-probability", "points versus-fits", "points versus-order"}) {
    const std::size_t g = svg.find(std::string("class=\"") + cls + "\"");
    ASSERT_NE(g, std::string::npos) << cls;
    const std::string group = svg.substr(g, svg.find("</g>", g) - g);
    EXPECT_EQ(CountOf(group, "<circle"), 10) << cls;
  }
  EXPECT_EQ(CountOf(svg, "class=\"order-line\""), 1);
  EXPECT_NE(svg.find(">Percent<"), std::string::npos);
  EXPECT_NE(svg.find(">99<"), std::string::npos);
}

}  // namespace
}  // namespace kaizen

namespace kaizen {
namespace {

// Issue 8 item 17: the capability histogram. 1..10 with LSL 0 and USL 12: FD bins on round edges
// 0, 5, 10 (see histogram_test.cc) lie between the two limits' lines; LSL's label ends left of
// its line and USL's starts right of its own, so they cannot overlap; both curves are drawn and
// the subtitle carries the indices and the split ppm.
TEST(RenderCapabilitySvg, LimitsCurvesAndIndices) {
  const std::vector<double> v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const SpecLimits spec{0.0, 12.0};
  const Result<CapabilityResult> c = AnalyseCapability(v, spec);
  ASSERT_TRUE(c.ok()) << c.status().message();
  const std::string svg = RenderCapabilitySvg(v, *c, spec, Hostile());
  ExpectSound(svg, "capability");
  const double lsl = AttrOf(ElementOf(svg, "lsl"), "x1"), usl = AttrOf(ElementOf(svg, "usl"), "x1");
  EXPECT_LT(lsl, usl);
  const std::string bar = ElementOf(svg, "bar");
  EXPECT_LE(lsl, AttrOf(bar, "x"));
  EXPECT_EQ(CountOf(svg, "class=\"bar\""), 2);
  EXPECT_LT(AttrOf(ElementOf(svg, "lsl-label"), "x"), lsl);
  EXPECT_GT(AttrOf(ElementOf(svg, "usl-label"), "x"), usl);
  EXPECT_EQ(CountOf(svg, "class=\"within-curve\""), 1);
  EXPECT_EQ(CountOf(svg, "class=\"overall-curve\""), 1);
  for (const char* text : {"Cpk ", "Ppk ", "expected ppm &lt; LSL", "&gt; USL", "LSL 0", "USL 12"})
    EXPECT_NE(svg.find(text), std::string::npos) << text;
}

}  // namespace
}  // namespace kaizen
