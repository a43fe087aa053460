// End-to-end tests of the analysis subcommands (describe, histogram, pareto, scatter, regress,
// capability, compare, funnel, aggregate, analyse) on the bundled data. Every expected value
// was computed independently of kaizen: with awk or Python's statistics module on the same
// files (the command is in the comment), or taken from NIST's certified values.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "e2e/cli_harness.h"
#include "test_support.h"

namespace kaizen {
namespace {

using nlohmann::json;

class AnalysisCliTest : public CliTest {};

const std::string kAe = "examples/nhs-ae/ae_type1.csv --indicators examples/nhs-ae/indicators.toml";
const std::string kLongley = "tests/data/nist/longley.csv";
const std::string kCabg = "tests/data/cabg_2011_12.csv";
const std::string kGtt = "tests/data/gtt.csv";

TEST_F(AnalysisCliTest, HelpOnEveryAnalysisSubcommand) {
  for (const char* sub : {"describe", "histogram", "pareto", "scatter", "regress", "capability",
                          "compare", "funnel", "aggregate", "analyse"}) {
    const CliRun r = Kaizen(std::string(sub) + " --help");
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << sub << ": " << r.out;
  }
}

// docs/api.md, "Versioning": every JSON document carries schema_version 1 at its top level.
TEST_F(AnalysisCliTest, EveryAnalysisJsonDocumentCarriesTheSchemaVersion) {
  const std::string ae4h = kAe + " --indicator ae_4h --org RF4 ";
  for (const std::string& args :
       {"describe " + ae4h, "histogram " + ae4h + "-o '" + dir_ + "/h.svg'",
        "pareto " + kGtt + " --category E,F,G,H,I -o '" + dir_ + "/p.svg'",
        "scatter " + kCabg + " --x age --y los -o '" + dir_ + "/s.png'",
        "regress " + kCabg + " --y los --x age -o '" + dir_ + "/r.svg'",
        "capability " + ae4h + "--lsl 76", "compare " + ae4h + "--change-date 2018-04-01",
        "funnel " + kAe + " --indicator ae_4h --period 2019-03-01",
        "aggregate " + kCabg + " --date date --indicator x --org y"}) {
    const CliRun r = Kaizen(args + " --format json");
    ASSERT_EQ(r.exit_code, 0) << args << ": " << r.err;
    EXPECT_EQ(json::parse(r.out)["schema_version"], 1) << args;
  }
}

TEST_F(AnalysisCliTest, DescribeGivesTheMeanOfTheSeries) {
  // awk -F, '$1=="ae_attendances" && $2=="RF4" {s+=$4; n++} END {print n, s/n}'
  //   examples/nhs-ae/ae_type1.csv  →  36 19378.75
  const CliRun r =
      Kaizen("describe " + kAe + " --indicator ae_attendances --org RF4 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["n"], 36);
  EXPECT_NEAR(j["mean"].get<double>(), 19378.75, 1e-9);
  ASSERT_EQ(j["normality"].size(), 2u);
  EXPECT_EQ(j["normality"][0]["method"], "Anderson-Darling");
  EXPECT_FALSE(j["normality"][1]["reading"].get<std::string>().empty());
}

TEST_F(AnalysisCliTest, DescribeUsesThePlottedRatioOfARatioChart) {
  // ae_4h is a p′ chart with multiplier 100, so the values are 100 × numerator / denominator:
  // awk -F, '$1=="ae_4h" && $2=="RF4" {s+=100*$5/$6; n++} END {printf "%.10g", s/n}'
  //   →  78.01244541
  const CliRun r = Kaizen("describe " + kAe + " --indicator ae_4h --org RF4 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NEAR(json::parse(r.out)["mean"].get<double>(), 78.01244541, 1e-8);
  // statistics.stdev of the same 36 values → 8.123840776563481.
  EXPECT_NEAR(json::parse(r.out)["sd"].get<double>(), 8.123840776563481, 1e-9);
}

TEST_F(AnalysisCliTest, HistogramCountsEveryValueAndDrawsTheChart) {
  const std::string svg = dir_ + "/histogram.svg";
  const CliRun r =
      Kaizen("histogram " + kAe + " --indicator ae_4h --org RF4 --format json -o '" + svg + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  int64_t total = 0;
  for (const auto& c : j["counts"]) total += c.get<int64_t>();
  EXPECT_EQ(total, 36);
  EXPECT_EQ(j["edges"].size(), j["counts"].size() + 1);
  EXPECT_NE(testing::ReadFile(svg).find("<svg"), std::string::npos);
}

TEST_F(AnalysisCliTest, HistogramFixedWidthNeedsAWidth) {
  const CliRun r = Kaizen("histogram " + kAe + " --indicator ae_4h --org RF4 --bins width");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--width"), std::string::npos) << r.err;
}

TEST_F(AnalysisCliTest, ParetoFindsTheVitalFewHarms) {
  // The harm types are in columns E to I (one per harm, NA when none):
  // tail -n +2 tests/data/gtt.csv | awk -F, '{for(i=7;i<=11;i++) if($i!="NA") c[$i]++}
  //   END {for(k in c) print c[k], k}' | sort -rn
  //   → Gastrointestinal 40, Infection 34, Procedure 29, Medication 18, Pressure ulcer 5,
  //     Other 4, Fall 1: total 131; cumulative 78.6 % after three, 92.4 % after four.
  const std::string svg = dir_ + "/pareto.svg";
  const CliRun r =
      Kaizen("pareto " + kGtt + " --category E,F,G,H,I --format json -o '" + svg + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["total"], 131);
  EXPECT_EQ(j["vital_few"], json({"Gastrointestinal", "Infection", "Procedure", "Medication"}));
  EXPECT_EQ(j["bars"][0]["value"], 40);
  EXPECT_EQ(j["bars"].size(), 7u);
  EXPECT_NE(testing::ReadFile(svg).find("<svg"), std::string::npos);
}

TEST_F(AnalysisCliTest, ParetoFromCounts) {
  const std::string counts = dir_ + "/counts.csv";
  std::ofstream(counts) << "harm,n\nFall,5\nInfection,20\nMedication,3\nFall,2\n";
  const CliRun r = Kaizen("pareto '" + counts + "' --category harm --count n --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Infection 20 (66.7 %), Fall 7 (cumulative 90 %): two bars reach 80 %.
  EXPECT_EQ(r.out.substr(0, r.out.find('\n', r.out.find('\n') + 1)),
            "category,value,share,cumulative_share,vital_few\nInfection,20,0.6666666666666666,"
            "0.6666666666666666,true");
}

TEST_F(AnalysisCliTest, ScatterReportsPearsonAndTheLine) {
  // Python: r = Sxy / sqrt(Sxx Syy) = 0.19621243802634886; slope Sxy / Sxx = 0.261705673504092;
  // intercept ȳ − slope x̄ = −4.102590918789744; 751 patients.
  const std::string png = dir_ + "/scatter.png";
  const CliRun r = Kaizen("scatter " + kCabg + " --x age --y los --format json -o '" + png + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["n"], 751);
  EXPECT_NEAR(j["pearson"]["r"].get<double>(), 0.19621243802634886, 1e-12);
  EXPECT_NEAR(j["line"]["slope"].get<double>(), 0.261705673504092, 1e-12);
  EXPECT_NEAR(j["line"]["intercept"].get<double>(), -4.102590918789744, 1e-10);
  EXPECT_GT(j["spearman"]["r"].get<double>(), 0);
  EXPECT_GT(std::filesystem::file_size(png), 1000u);
}

// Relative agreement to `digits` significant digits.
void ExpectDigits(double actual, double certified, int digits, const std::string& what) {
  EXPECT_LE(std::fabs(actual - certified), std::fabs(certified) * std::pow(10.0, -digits))
      << what << ": " << actual << " vs certified " << certified;
}

TEST_F(AnalysisCliTest, RegressReproducesNistLongley) {
  // NIST StRD, Longley (1967), certified values (itl.nist.gov/div898/strd/lls/data/Longley.shtml).
  const double estimate[] = {-3482258.63459582, 15.0618722713733,  -0.358191792925910E-01,
                             -2.02022980381683, -1.03322686717359, -0.511041056535807E-01,
                             1829.15146461355};
  const double se[] = {890420.383607373,  84.9149257747669,  0.334910077722432E-01,
                       0.488399681651699, 0.214274163161675, 0.226073200069370,
                       455.478499142212};
  const std::string svg = dir_ + "/residuals.svg";
  const CliRun r = Kaizen("regress " + kLongley +
                          " --y y_employment --x x1_gnp_deflator,x2_gnp,x3_unemployed,"
                          "x4_armed_forces,x5_population,x6_year --format json -o '" +
                          svg + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_EQ(j["coefficients"].size(), 7u);
  EXPECT_EQ(j["coefficients"][0]["name"], "(Intercept)");
  for (int i = 0; i < 7; ++i) {
    ExpectDigits(j["coefficients"][i]["estimate"].get<double>(), estimate[i], 9,
                 "b" + std::to_string(i));
    ExpectDigits(j["coefficients"][i]["se"].get<double>(), se[i], 9, "se" + std::to_string(i));
  }
  ExpectDigits(j["residual_sd"].get<double>(), 304.854073561965, 9, "residual sd");
  ExpectDigits(j["r_squared"].get<double>(), 0.995479004577296, 9, "R²");
  ExpectDigits(j["f_statistic"].get<double>(), 330.285339234588, 9, "F");
  EXPECT_NE(testing::ReadFile(svg).find("<svg"), std::string::npos);
}

TEST_F(AnalysisCliTest, RegressUnknownColumnIsExitTwo) {
  const CliRun r = Kaizen("regress " + kLongley + " --y y_employment --x x1_gnp_deflator,gdp");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no column 'gdp'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("x6_year"), std::string::npos) << "should list the columns: " << r.err;
}

TEST_F(AnalysisCliTest, CapabilityOneSidedWithTheInstabilityWarning) {
  // Python: (mean − 76) / (3 sd) of the 36 values above = 0.0825736440754039.
  const CliRun r =
      Kaizen("capability " + kAe + " --indicator ae_4h --org RF4 --lsl 76 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_NEAR(j["ppk"].get<double>(), 0.0825736440754039, 1e-9);
  EXPECT_TRUE(j["cp"].is_null()) << "Cp needs both limits";
  EXPECT_FALSE(j["warnings"].empty()) << "RF4 is far from stable";
}

TEST_F(AnalysisCliTest, CapabilityLimitsTheWrongWayRoundIsExitTwo) {
  const CliRun r = Kaizen("capability " + kAe + " --indicator ae_4h --org RF4 --lsl 80 --usl 70");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--lsl 80 must be below --usl 70"), std::string::npos) << r.err;
  EXPECT_EQ(Kaizen("capability " + kAe + " --indicator ae_4h --org RF4").exit_code, 2);
}

TEST_F(AnalysisCliTest, CompareBeforeAndAfterWithTheSpcVerdict) {
  // Python on 100 × numerator / denominator for RF4: 24 months before April 2018 with mean
  // 81.15462643433185, 12 from it with mean 71.72808336261917.
  const CliRun r = Kaizen("compare " + kAe +
                          " --indicator ae_4h --org RF4 --change-date 2018-04-01 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["n_before"], 24);
  EXPECT_EQ(j["n_after"], 12);
  EXPECT_NEAR(j["welch"]["mean_before"].get<double>(), 81.15462643433185, 1e-9);
  EXPECT_NEAR(j["welch"]["mean_after"].get<double>(), 71.72808336261917, 1e-9);
  EXPECT_LT(j["welch"]["p_value"].get<double>(), 0.05);
  EXPECT_TRUE(j.contains("mann_whitney"));
  EXPECT_TRUE(j.contains("proportions")) << "a p′ chart has numerators and denominators";
  EXPECT_FALSE(j["proportions"]["sentence"].get<std::string>().empty());
  EXPECT_TRUE(j["spc"]["shift_after"].get<bool>());
  EXPECT_EQ(j["spc"]["shift_side"], "low");
  EXPECT_NE(j["spc"]["verdict"].get<std::string>().find("sustained downward shift"),
            std::string::npos);
}

// Issue 7: the verdict must not depend on whether the catalogue already rebases at the change
// date. ae_attendances is rebased at 2017-04-01 in indicators.toml; without the catalogue it has
// no rebase. Both readings judge the points from 2017-04-01 against the 12 points before it:
// awk -F, '$1=="ae_attendances" && $2=="RF4"' ae_type1.csv | head -12 → mean 19957.666667.
TEST_F(AnalysisCliTest, CompareVerdictIsTheSameWithOrWithoutACatalogueRebase) {
  const std::string args =
      " --indicator ae_attendances --org RF4 --change-date 2017-04-01 --format json";
  const CliRun with = Kaizen("compare " + kAe + args);
  const CliRun without = Kaizen("compare examples/nhs-ae/ae_type1.csv" + args);
  ASSERT_EQ(with.exit_code, 0) << with.err;
  ASSERT_EQ(without.exit_code, 0) << without.err;
  const json a = json::parse(with.out)["spc"], b = json::parse(without.out)["spc"];
  EXPECT_EQ(a["shift_after"], b["shift_after"]);
  EXPECT_EQ(a["shift_side"], b["shift_side"]);
  EXPECT_EQ(a["judged_against"]["limits"], "before_change");
  EXPECT_EQ(a["judged_against"]["n_points"], 12);
  EXPECT_EQ(b["judged_against"]["n_points"], 12);
  EXPECT_NEAR(a["judged_against"]["centre"].get<double>(), 19957.666667, 1e-6);
  EXPECT_NEAR(b["judged_against"]["centre"].get<double>(), 19957.666667, 1e-6);
  EXPECT_EQ(a["judged_against"]["ignored_rebases"], json::array({"2017-04-01"}));
  EXPECT_EQ(b["judged_against"]["ignored_rebases"], json::array());
  // The table says which limits it used too.
  const CliRun table =
      Kaizen("compare " + kAe + " --indicator ae_attendances --org RF4 --change-date 2017-04-01");
  EXPECT_NE(table.out.find("SPC limits: the points from 2017-04-01 are judged against the limits "
                           "of the 12 point(s) from 2016-04-01 to 2017-03-01"),
            std::string::npos)
      << table.out;
}

// Issue 7: capability judges stability on the indicator's own chart. bacteraemia is a u chart;
// at AHH the rates of 2016-02 to 2016-08 are all above ū = Σnumerator/Σdenominator (Python on
// examples/infections/infections.csv: sides +++--+-++-++-+++++++----), a run of 7, the mdc
// shift.
TEST_F(AnalysisCliTest, CapabilityTestsStabilityOnTheIndicatorsOwnChart) {
  const CliRun r = Kaizen(
      "capability examples/infections/infections.csv --indicators "
      "examples/infections/indicators.toml --indicator bacteraemia --org AHH --usl 20 "
      "--format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  std::string unstable;
  for (const auto& w : j["warnings"])
    if (w.get<std::string>().find("not in statistical control") != std::string::npos)
      unstable = w.get<std::string>();
  EXPECT_NE(unstable.find("on the indicator's u chart (profile mdc); the first: rule shift from "
                          "2016-02-01 to 2016-08-01"),
            std::string::npos)
      << unstable;
}

// Issue 7: what `kaizen aggregate` writes (a value beside empty numerator and denominator
// columns) reads back into `kaizen spc` as values. CABG admissions per month, counted with
// awk -F, 'NR>1{print substr($1,1,7)}' tests/data/cabg_2011_12.csv | sort | uniq -c:
// 12 months, 52 in July 2011.
TEST_F(AnalysisCliTest, AggregateOutputReadsBackIntoSpc) {
  const std::string series = dir_ + "/series.csv";
  ASSERT_EQ(
      Kaizen("aggregate " + kCabg + " --date date --indicator cabg --org X -o '" + series + "'")
          .exit_code,
      0);
  const CliRun r = Kaizen("spc '" + series + "' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out)["series"][0];
  EXPECT_EQ(j["chart"], "xmr");
  ASSERT_EQ(j["points"].size(), 12u);
  EXPECT_EQ(j["points"][0]["value"], 52);
  EXPECT_NE(j["summary"], "No data.");
}

TEST_F(AnalysisCliTest, CompareChangeDateOutsideTheDataIsExitTwo) {
  for (const char* date : {"2020-04-01", "2015-01-01"}) {
    const CliRun r =
        Kaizen("compare " + kAe + " --indicator ae_4h --org RF4 --change-date " + date);
    EXPECT_EQ(r.exit_code, 2) << date;
    EXPECT_NE(r.err.find("the data run from 2016-04-01 to 2019-03-01"), std::string::npos) << r.err;
  }
}

TEST_F(AnalysisCliTest, FunnelNamesTheOutliers) {
  // March 2019, pooled target Σ numerators / Σ denominators; z = (p − p0) / √(p0(1 − p0)/n) in
  // Python: R1H −28.4, RAL 11.0, RF4 −30.8, RJ1 1.70, RQM 48.5. Only RJ1 is inside the 95 %
  // limits (|z| < 1.96); the other four are far outside 99.8 % (|z| > 3.09).
  // Without the catalogue (and so without its 95 % target) the centre is the pooled mean,
  // labelled as such.
  const std::string svg = dir_ + "/funnel.svg";
  const CliRun r = Kaizen(
      "funnel examples/nhs-ae/ae_type1.csv --indicator ae_4h --type proportion --period "
      "2019-03-01 --format json -o '" +
      svg + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["centre"], "pooled mean");
  EXPECT_EQ(j["points"].size(), 5u);
  // Most extreme first.
  EXPECT_EQ(j["outside998"], json({"RQM", "RF4", "R1H", "RAL"}));
  for (const auto& p : j["points"]) {
    if (p["organisation"] == "RJ1") {
      EXPECT_EQ(p["flag"], "within");
    }
  }
  EXPECT_NE(testing::ReadFile(svg).find("Pooled mean"), std::string::npos);
}

// Issue 8 item 16: with the catalogue, the centre is ae_4h's target, 95 (multiplier 100, unit
// "%"), so the funnel works on 0.95 and shows everything × 100. By hand (Python):
// 100 · 20688 / 27950 = 74.01788908765653 for R1H; z = (p − 0.95) / √(0.95 · 0.05 / n) is −161
// to −4.2 for the five trusts, all beyond 99.8 % (|z| > 3.09) and below it, so all "worse" for
// an indicator where higher is better, drawn in the concern orange.
TEST_F(AnalysisCliTest, FunnelCentresOnTheIndicatorsTargetAndShowsItsUnit) {
  const std::string svg = dir_ + "/target.svg";
  const CliRun r = Kaizen("funnel " + kAe +
                          " --indicator ae_4h --period 2019-03-01 --format json -o '" + svg + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["centre"], "target");
  EXPECT_EQ(j["target"], 95);
  EXPECT_EQ(j["unit"], "%");
  EXPECT_EQ(j["multiplier"], 100);
  EXPECT_EQ(j["outside998"].size(), 5u);
  for (const auto& p : j["points"]) {
    EXPECT_EQ(p["assessment"], "worse") << p["organisation"];
    if (p["organisation"] == "R1H") {
      EXPECT_NEAR(p["value"].get<double>(), 74.01788908765653, 1e-9);
    }
  }
  const std::string chart = testing::ReadFile(svg);
  EXPECT_NE(chart.find("Target 95.0%"), std::string::npos);
  EXPECT_NE(chart.find("Below the limits: worse"), std::string::npos);
  EXPECT_NE(chart.find("#FAB428"), std::string::npos);  // MDC concern orange

  const CliRun table = Kaizen("funnel " + kAe + " --indicator ae_4h --period 2019-03-01");
  EXPECT_NE(table.out.find("(target 95.0%"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("value (%)"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("low_99.8 (worse)"), std::string::npos) << table.out;
  const CliRun csv =
      Kaizen("funnel " + kAe + " --indicator ae_4h --period 2019-03-01 --format csv");
  EXPECT_NE(csv.out.find(",worse,target,95,%,100\n"), std::string::npos) << csv.out;

  // --target overrides the catalogue, on the same scale: 80 % sits between the trusts.
  const CliRun eighty =
      Kaizen("funnel " + kAe + " --indicator ae_4h --period 2019-03-01 --target 80 --format json");
  ASSERT_EQ(eighty.exit_code, 0) << eighty.err;
  const json k = json::parse(eighty.out);
  EXPECT_EQ(k["target"], 80);
  for (const auto& p : k["points"]) {
    if (p["organisation"] == "RQM") {
      EXPECT_EQ(p["assessment"], "better");  // 94.3 %
    }
    if (p["organisation"] == "RF4") {
      EXPECT_EQ(p["assessment"], "worse");  // 71.1 %
    }
  }
}

TEST_F(AnalysisCliTest, FunnelPeriodWithoutDataIsExitTwo) {
  const CliRun r = Kaizen("funnel " + kAe + " --indicator ae_4h --period 2021-03-01");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no organisation has data for 2021-03-01"), std::string::npos) << r.err;
}

TEST_F(AnalysisCliTest, AggregateProportionFeedsSpc) {
  // awk -F, 'NR>1 && substr($1,1,7)=="2011-07" {n++; if ($4<=7) c++} END {print c, n}'
  //   tests/data/cabg_2011_12.csv  →  20 52
  const std::string series = dir_ + "/series.csv";
  const CliRun r = Kaizen("aggregate " + kCabg +
                          " --date date --measure proportion --condition 'los<=7' "
                          "--indicator los7 --org RXX -o '" +
                          series + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = testing::ReadFile(series);
  EXPECT_EQ(csv.substr(0, csv.find('\n', csv.find('\n') + 1)),
            "indicator,organisation,period,value,numerator,denominator\n"
            "los7,RXX,2011-07-01,,20,52");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 12);  // July 2011 to June 2012
  const CliRun spc = Kaizen("spc '" + series + "' --chart p --format json");
  ASSERT_EQ(spc.exit_code, 0) << spc.err;
  const json j = json::parse(spc.out)["series"];
  EXPECT_NEAR(j[0]["points"][0]["value"].get<double>(), 20.0 / 52, 1e-12);
}

TEST_F(AnalysisCliTest, AggregateJsonGivesTheSameSeriesAsTheCsv) {
  // The numbers of AggregateProportionFeedsSpc (awk: 20 of 52 in July 2011, 12 months).
  const CliRun r = Kaizen("aggregate " + kCabg +
                          " --date date --measure proportion --condition 'los<=7' "
                          "--indicator los7 --org RXX --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["indicator"], "los7");
  EXPECT_EQ(j["records"], 751);
  ASSERT_EQ(j["points"].size(), 12u);
  EXPECT_EQ(j["points"][0]["period"], "2011-07-01");
  EXPECT_EQ(j["points"][0]["numerator"], 20);
  EXPECT_EQ(j["points"][0]["denominator"], 52);
}

TEST_F(AnalysisCliTest, AggregateCasesBetweenDeaths) {
  // awk -F, 'NR>1 {i++; if ($5=="TRUE") {print i, $1; exit}}' → the first death is the 37th
  // operation (2011-07-21), so 36 survivors precede it.
  const CliRun r = Kaizen("aggregate " + kCabg +
                          " --date date --condition 'death==TRUE' --between-events "
                          "--indicator deaths --org RXX");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("deaths,RXX,2011-07-21,36,,\n"), std::string::npos) << r.out;
}

TEST_F(AnalysisCliTest, AggregateBadConditionAndColumnAreExitTwo) {
  const CliRun bad = Kaizen("aggregate " + kCabg +
                            " --date date --measure proportion --condition 'los~7' "
                            "--indicator x --org y");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--condition"), std::string::npos) << bad.err;
  const CliRun column = Kaizen("aggregate " + kCabg + " --date admitted --indicator x --org y");
  EXPECT_EQ(column.exit_code, 2);
  EXPECT_NE(column.err.find("no column 'admitted'"), std::string::npos) << column.err;
}

TEST_F(AnalysisCliTest, AnalyseWritesOneSelfContainedPage) {
  const std::string out = dir_ + "/analysis.html";
  const CliRun r = Kaizen("analyse " + kAe +
                          " --indicator ae_4h --org RF4 --change-date 2018-04-01 --lsl 76 "
                          "--as-of 2019-04-15 -o '" +
                          out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = testing::ReadFile(out);
  for (const char* section : {"id=\"description\"", "id=\"distribution\"", "id=\"over-time\"",
                              "id=\"before-after\"", "id=\"capability\""})
    EXPECT_NE(html.find(section), std::string::npos) << section;
  // Histogram, box plot, run chart, control chart, rebased chart, capability histogram.
  std::size_t charts = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
    ++charts;
  EXPECT_EQ(charts, 6u);
  // Issue 8 item 17: the description's intervals and capability's split ppm and chart.
  for (const char* text :
       {"95 % confidence intervals", "standard error of the mean", "Hettmansperger-Sheather",
        "expected below LSL, overall (ppm)", "expected above USL, within (ppm)",
        "class=\"within-curve\"", "class=\"lsl\""})
    EXPECT_NE(html.find(text), std::string::npos) << text;
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_NE(html.find("A&amp;E type 1"), std::string::npos) << "text must be escaped";
  EXPECT_EQ(html.find("A&E type 1"), std::string::npos);
}

TEST_F(AnalysisCliTest, AnalyseAddsAParetoOfCauses) {
  // gtt.csv's harm categories (columns E to I), counted with awk: Gastrointestinal 40,
  // Infection 34, Procedure 29, Medication 18 of 131 harms; 40+34+29 = 103 (78.6 %) is short of
  // 80 %, adding Medication reaches 121 (92.4 %): the vital few are those four.
  const std::string out = dir_ + "/analysis.html";
  const CliRun r = Kaizen("analyse " + kAe +
                          " --indicator ae_4h --org RF4 --causes tests/data/gtt.csv "
                          "--cause-category E,F,G,H,I --as-of 2019-04-15 -o '" +
                          out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = testing::ReadFile(out);
  EXPECT_NE(html.find("id=\"pareto\""), std::string::npos);
  EXPECT_NE(html.find("The vital few (4 of 7 categories)"), std::string::npos);
  EXPECT_NE(html.find("total of 131: Gastrointestinal, Infection, Procedure, Medication"),
            std::string::npos);
  EXPECT_EQ(
      Kaizen("analyse " + kAe + " --indicator ae_4h --org RF4 --causes tests/data/gtt.csv -o '" +
             dir_ + "/x.html'")
          .exit_code,
      2)
      << "--causes needs --cause-category";
}

TEST_F(AnalysisCliTest, AnalyseBadOptionsWriteNothing) {
  const std::string out = dir_ + "/analysis.html";
  EXPECT_EQ(
      Kaizen("analyse " + kAe + " --indicator ae_4h --org RF4 --lsl 90 --usl 80 -o '" + out + "'")
          .exit_code,
      2);
  EXPECT_EQ(Kaizen("analyse " + kAe +
                   " --indicator ae_4h --org RF4 --change-date 2025-01-01 "
                   "-o '" +
                   out + "'")
                .exit_code,
            2);
  EXPECT_EQ(Kaizen("analyse " + kAe + " --indicator ae_4h -o '" + out + "'").exit_code, 2)
      << "five organisations: --org is needed";
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(AnalysisCliTest, ChartOutputMustBeSvgPngOrPdf) {
  const CliRun r = Kaizen("pareto " + kGtt + " --category E -o pareto.jpg");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("must end in .svg, .png or .pdf"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kaizen

namespace kaizen {
namespace {

// Issue 8, item 12: one precision per indicator across its organisations. The bacteraemia
// target is 12 per 10,000 risk days at every hospital, but each hospital's rates spread
// differently (from its values alone: 2 decimals at AHH, 1 at BOH), so the report printed
// both "12.00" and "12.0". Every target of the indicator now reads at the finest, 12.00.
TEST_F(AnalysisCliTest, ReportUsesOnePrecisionPerIndicator) {
  const std::string html = dir_ + "/infections.html";
  const CliRun r = Kaizen(
      "report examples/infections/infections.csv --indicators "
      "examples/infections/indicators.toml --as-of 2017-01-20 -o " +
      html);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = testing::ReadFile(html);
  EXPECT_NE(text.find("12.00 per 10,000 risk days (local)"), std::string::npos);
  EXPECT_EQ(text.find("12.0 per 10,000 risk days (local)"), std::string::npos);
}

}  // namespace
}  // namespace kaizen
