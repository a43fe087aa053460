// End-to-end tests of issue 8 items 8 and 17: describe, histogram and capability on a plain
// column of a records file (--column), the intervals a Minitab user expects from describe, the
// split expected ppm of capability, regress's intervals, VIFs, ANOVA table and unusual
// observations, and --title / --x-label / --y-label on the charts. Every expected value was
// computed independently of kaizen (the Python/mpmath commands are in the comments).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"
#include "test_support.h"

namespace kaizen {
namespace {

using nlohmann::json;

class MinitabCliTest : public CliTest {};

// Ten diameters in file order 4.76, 3.13, 5.28, 3.50, 8.67, 4.70, 5.82, 3.48, 5.67, 4.82.
const std::string kDiameters = "tests/e2e/data/diameters.csv --column diameter_mm";
const std::string kMtcars = "tests/e2e/data/mtcars.csv";

// mpmath (30 digits): mean 4.983, s = 1.5952363112996422, se = s / sqrt(10); mean interval
// 4.983 ± t(0.975, 9) se with t = 2.2621571627; sd interval sqrt(9 s² / χ²) with χ²(0.975, 9) =
// 19.0227678, χ²(0.025, 9) = 2.7003895; median interval by Wilcox's sint() (Hettmansperger &
// Sheather 1986) transcribed: (3.49315315315, 5.72135135135).
TEST_F(MinitabCliTest, DescribeAColumnGivesTheMinitabIntervals) {
  const CliRun r = Kaizen("describe " + kDiameters + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["column"], "diameter_mm");
  EXPECT_EQ(j["n"], 10);
  EXPECT_NEAR(j["mean"].get<double>(), 4.983, 1e-12);
  EXPECT_NEAR(j["se_mean"].get<double>(), 0.504458014991226889, 1e-12);
  EXPECT_NEAR(j["mean_ci_lower"].get<double>(), 3.84183668805663187, 1e-9);
  EXPECT_NEAR(j["mean_ci_upper"].get<double>(), 6.12416331194336824, 1e-9);
  EXPECT_NEAR(j["median_ci_lower"].get<double>(), 3.49315315315315315, 1e-9);
  EXPECT_NEAR(j["median_ci_upper"].get<double>(), 5.72135135135135140, 1e-9);
  EXPECT_NEAR(j["sd_ci_lower"].get<double>(), 1.09725969799630100, 1e-9);
  EXPECT_NEAR(j["sd_ci_upper"].get<double>(), 2.91227965343359169, 1e-9);
  EXPECT_EQ(j["confidence"], 0.95);

  const CliRun table = Kaizen("describe " + kDiameters);
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("diameter_mm (diameters.csv)"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("Hettmansperger-Sheather"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("median_ci_lower"), std::string::npos) << table.out;
}

TEST_F(MinitabCliTest, AColumnOrAnIndicatorIsNeededAndABadCellIsNamed) {
  const CliRun neither = Kaizen("describe tests/e2e/data/diameters.csv");
  EXPECT_EQ(neither.exit_code, 2);
  EXPECT_NE(neither.err.find("--column"), std::string::npos) << neither.err;

  const CliRun missing = Kaizen("describe tests/e2e/data/diameters.csv --column width");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("diameter_mm"), std::string::npos) << missing.err;  // lists them

  // "4.7 mm" is on line 4, column 3.
  for (const char* sub : {"describe", "histogram", "capability --lsl 2"}) {
    const CliRun bad =
        Kaizen(std::string(sub) + " tests/e2e/data/diameters_bad.csv --column diameter_mm");
    EXPECT_EQ(bad.exit_code, 2) << sub;
    EXPECT_NE(bad.err.find("diameters_bad.csv:4:3: error [bad_number]"), std::string::npos)
        << sub << ": " << bad.err;
  }
}

// Sturges: ⌈log2 10⌉ + 1 = 5 bins of (8.67 − 3.13) / 5 = 1.108, rounded up to 2: edges 2, 4, 6,
// 8, 10 with 3 (3.13, 3.48, 3.50), 6 (4.70 to 5.82), 0 and 1 (8.67) values.
TEST_F(MinitabCliTest, HistogramOfAColumnHasRoundEdgesAndTakesTitleAndAxisLabels) {
  const std::string svg = dir_ + "/h.svg";
  const CliRun r = Kaizen("histogram " + kDiameters +
                          " --bins sturges --format json --title 'Shaft diameters' --x-label "
                          "'diameter (mm)' --y-label parts -o '" +
                          svg + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["edges"], json::parse("[2, 4, 6, 8, 10]"));
  EXPECT_EQ(j["counts"], json::parse("[3, 6, 0, 1]"));
  const std::string chart = testing::ReadFile(svg);
  EXPECT_NE(chart.find("Shaft diameters"), std::string::npos);
  EXPECT_NE(chart.find("diameter (mm)"), std::string::npos);
  EXPECT_NE(chart.find(">parts<"), std::string::npos);
}

// mpmath: ppm below LSL 2 = Φ((2 − 4.983) / σ) · 10⁶, above USL 8 = (1 − Φ((8 − 4.983) / σ)) · 10⁶,
// overall σ = s = 1.5952363113: 30745.909223 and 29295.099836; within σ = MR̄ / 1.128 =
// 2.0882584712 (moving ranges in file order): 76579.315801 and 74264.828744.
TEST_F(MinitabCliTest, CapabilityOfAColumnSplitsTheExpectedPpmBelowAndAbove) {
  const CliRun r = Kaizen("capability " + kDiameters + " --lsl 2 --usl 8 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_NEAR(j["sigma_within"].get<double>(), 2.08825847123719466, 1e-9);
  EXPECT_NEAR(j["ppm_below_lsl"].get<double>(), 30745.9092226708270, 1e-5);
  EXPECT_NEAR(j["ppm_above_usl"].get<double>(), 29295.0998359776244, 1e-5);
  EXPECT_NEAR(j["ppm"].get<double>(), 60041.0090586484515, 1e-5);
  EXPECT_NEAR(j["ppm_below_lsl_within"].get<double>(), 76579.3158006801911, 1e-5);
  EXPECT_NEAR(j["ppm_above_usl_within"].get<double>(), 74264.8287442489357, 1e-5);
  const std::string svg = dir_ + "/capability.svg";
  const CliRun chart =
      Kaizen("capability " + kDiameters +
             " --lsl 2 --usl 8 --title 'Shaft capability' --x-label mm -o '" + svg + "'");
  ASSERT_EQ(chart.exit_code, 0) << chart.err;
  const std::string drawn = testing::ReadFile(svg);
  for (const char* text : {"Shaft capability", ">mm<", "LSL 2", "USL 8", "within-curve",
                           "overall-curve", "30,746", "29,295"})
    EXPECT_NE(drawn.find(text), std::string::npos) << text;

  const CliRun table = Kaizen("capability " + kDiameters + " --lsl 2 --usl 8");
  EXPECT_NE(table.out.find("ppm_below_lsl"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("ppm_above_usl"), std::string::npos) << table.out;
}

// mpg on wt and disp (R's mtcars): the same mpmath script as src/stats/linear_model_test.cc.
// Chrysler Imperial (file line 18), Fiat 128 (19) and Toyota Corolla (21) have |std resid| > 2.
TEST_F(MinitabCliTest, RegressGivesIntervalsVifsAnovaAndUnusualObservations) {
  const CliRun r = Kaizen("regress " + kMtcars + " --y mpg --x wt,disp --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_NEAR(j["coefficients"][1]["ci_lower"].get<double>(), -5.7317345877212757, 1e-9);
  EXPECT_NEAR(j["coefficients"][1]["ci_upper"].get<double>(), -0.96991607897535237, 1e-9);
  EXPECT_TRUE(j["coefficients"][0]["vif"].is_null());
  EXPECT_NEAR(j["coefficients"][2]["vif"].get<double>(), 4.7283188819568428, 1e-9);
  ASSERT_EQ(j["anova"].size(), 3u);
  EXPECT_EQ(j["anova"][1]["source"], "Error");
  EXPECT_NEAR(j["anova"][1]["ss"].get<double>(), 246.6825023898149, 1e-8);
  EXPECT_TRUE(j["anova"][2]["ms"].is_null());
  ASSERT_EQ(j["unusual_observations"].size(), 3u);
  EXPECT_EQ(j["unusual_observations"][0]["line"], 18);
  EXPECT_EQ(j["unusual_observations"][1]["line"], 19);
  EXPECT_EQ(j["unusual_observations"][2]["line"], 21);
  EXPECT_NEAR(j["unusual_observations"][2]["standardized_residual"].get<double>(),
              2.2890958069079615, 1e-9);

  const std::string svg = dir_ + "/residuals.svg";
  const CliRun plots =
      Kaizen("regress " + kMtcars + " --y mpg --x wt,disp --title 'Fuel use' -o '" + svg + "'");
  ASSERT_EQ(plots.exit_code, 0) << plots.err;
  const std::string chart = testing::ReadFile(svg);
  for (const char* text :
       {"Fuel use", ">Normal probability plot<", ">Versus fits<", ">Histogram<", ">Versus order<"})
    EXPECT_NE(chart.find(text), std::string::npos) << text;

  const CliRun table = Kaizen("regress " + kMtcars + " --y mpg --x wt,disp");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  for (const char* text : {"Analysis of variance", "Regression", "Error", "Total", "VIF", "95% CI",
                           "Unusual observations", "4.728318882"})
    EXPECT_NE(table.out.find(text), std::string::npos) << text << "\n" << table.out;
}

// Every analysis chart takes --title, --x-label and --y-label (histogram, capability and
// regress are checked above).
TEST_F(MinitabCliTest, EveryAnalysisChartTakesTitleAndAxisLabels) {
  const std::string labels = " --title 'My own title' --x-label 'Across here' --y-label 'Up here'";
  const std::vector<std::string> commands = {
      "pareto tests/data/gtt.csv --category E,F,G,H,I", "scatter " + kMtcars + " --x wt --y mpg",
      "funnel examples/nhs-ae/ae_type1.csv --indicators examples/nhs-ae/indicators.toml "
      "--indicator ae_4h --period 2019-03-01"};
  for (std::size_t i = 0; i < commands.size(); ++i) {
    const std::string svg = dir_ + "/chart" + std::to_string(i) + ".svg";
    const CliRun r = Kaizen(commands[i] + labels + " -o '" + svg + "'");
    ASSERT_EQ(r.exit_code, 0) << commands[i] << ": " << r.err;
    const std::string chart = testing::ReadFile(svg);
    for (const char* text : {">My own title<", ">Across here<", ">Up here<"})
      EXPECT_NE(chart.find(text), std::string::npos) << commands[i] << ": " << text;
  }
}

}  // namespace
}  // namespace kaizen
