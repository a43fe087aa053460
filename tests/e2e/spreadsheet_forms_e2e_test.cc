// From the extract an analyst really has to a board pack (issue 8, items 4 and 5): a wide Excel
// export (one column per month, the header dates formatted mmm-yy, percentages formatted as
// such) and a file of weekly counts (ISO weeks) each give a board report straight from the raw
// file. Every expected number is computed without kaizen, by the awk in the test's comment.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_harness.h"
#include "test_support.h"

namespace kaizen {
namespace {

using json = nlohmann::json;

const std::string kWide = "tests/e2e/data/wide/ae_wide.xlsx";
const std::string kWideCatalogue = "tests/e2e/data/wide/ae_wide.toml";
const std::string kWeekly = "tests/e2e/data/wide/falls_weekly.csv";
const std::string kWeeklyCatalogue = "tests/e2e/data/wide/falls_weekly.toml";

const json* Find(const json& all, const std::string& indicator, const std::string& org) {
  for (const json& s : all) {
    if (s["indicator_id"] == indicator && s["organisation"] == org) return &s;
  }
  return nullptr;
}

// ae_wide.xlsx holds the type 1 rows of /work/shared/data/ae_attendances.csv for RF4 and R1H
// (tests/e2e/data/wide/make_wide_xlsx.py). XmR under mdc: centre the mean of the 36 months,
// limits mean ± 2.66 × the mean moving range (docs/formulas.md). Independently:
//   for org in RF4 R1H; do awk -F, -v org=$org 'NR>1 {gsub(/"/,"");
//       if ($2==org && $3=="1") print $1, $4, $5}' /work/shared/data/ae_attendances.csv | sort |
//     awk '{x[NR]=$2; p[NR]=sprintf("%.4f",($2-$3)/$2)*100; s+=$2; t+=p[NR]}
//       END {for(i=2;i<=NR;i++){d=x[i]-x[i-1]; m+=(d<0?-d:d); e=p[i]-p[i-1]; q+=(e<0?-e:e)};
//         c=s/NR; r=m/(NR-1); printf "%d %.6f %.6f %.6f %.6f\n", NR, c, r, c-2.66*r, c+2.66*r;
//         c=t/NR; r=q/(NR-1); printf "%.6f %.6f %.6f %.6f first %s\n", c, r, c-2.66*r,
//         c+2.66*r, p[1]}'; done
//   → RF4: 36 19378.750000 1339.542857 15815.566000 22941.934000
//          78.011944 3.734286 68.078744 87.945144 first 78.27
//     R1H: 36 27748.166667 1526.000000 23689.006667 31807.326667
//          79.820278 2.071143 74.311038 85.329518 first 81.39
TEST_F(CliTest, WideExcelExportGivesABoardReport) {
  const CliRun spc = Kaizen("spc " + kWide + " --indicators " + kWideCatalogue + " --format json");
  ASSERT_EQ(spc.exit_code, 0) << spc.err;
  const json all = json::parse(spc.out)["series"];
  ASSERT_EQ(all.size(), 4u);  // 2 indicators × 2 trusts
  const json* attendances = Find(all, "attendances", "RF4");
  ASSERT_NE(attendances, nullptr);
  ASSERT_EQ((*attendances)["points"].size(), 36u);
  // The header's first cell is the serial of 1 April 2016, shown Apr-16 by Excel.
  EXPECT_EQ((*attendances)["points"][0]["period"], "2016-04-01");
  EXPECT_EQ((*attendances)["points"][35]["period"], "2019-03-01");
  EXPECT_EQ((*attendances)["points"][0]["value"].get<double>(), 18788.0);
  const json& segment = (*attendances)["segments"][0];
  EXPECT_NEAR(segment["centre"].get<double>(), 19378.75, 1e-9);
  EXPECT_NEAR(segment["mr_bar"].get<double>(), 1339.542857, 1e-6);
  EXPECT_NEAR(segment["lower3"].get<double>(), 15815.566, 1e-6);
  EXPECT_NEAR(segment["upper3"].get<double>(), 22941.934, 1e-6);
  // Percent-formatted cells (stored 0.8139) are the number Excel shows, 81.39, for an
  // indicator whose unit is "%": never 0.8139, never divided again.
  const json* seen = Find(all, "seen-4h", "R1H");
  ASSERT_NE(seen, nullptr);
  EXPECT_NEAR((*seen)["points"][0]["value"].get<double>(), 81.39, 1e-9);
  EXPECT_NEAR((*seen)["segments"][0]["centre"].get<double>(), 79.820278, 1e-6);
  EXPECT_NEAR((*seen)["segments"][0]["lower3"].get<double>(), 74.311038, 1e-6);
  EXPECT_NEAR((*seen)["segments"][0]["upper3"].get<double>(), 85.329518, 1e-6);
  EXPECT_NE(spc.err.find("A&E!C4: warning [percent_cell]: the cell is formatted as a percentage"),
            std::string::npos)
      << spc.err;

  const std::string out = dir_ + "/report.html";
  const CliRun report = Kaizen("report " + kWide + " --indicators " + kWideCatalogue + " -o '" +
                               out + "' --as-of 2019-04-15");
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string html = testing::ReadFile(out);
  EXPECT_NE(html.find("<table id=\"matrix\""), std::string::npos);
  for (const char* number :
       {"19378.75", "15815.566", "22941.934", "27748.166667", "23689.006667", "31807.326667",
        "78.011944", "68.078744", "87.945144", "79.820278", "74.311038", "85.329518"}) {
    EXPECT_NE(html.find("data-value=\"" + std::string(number) + "\""), std::string::npos) << number;
  }
}

// 20 ISO weeks of falls (c chart): centre c̄, limits c̄ ± 3√c̄ with the lower one at least 0
// (docs/formulas.md). Independently:
//   awk -F, 'NR>1 {s+=$4; n++} END {c=s/n; printf "%d %.6f %.6f %.6f\n", n, c, c-3*sqrt(c),
//     c+3*sqrt(c)}' tests/e2e/data/wide/falls_weekly.csv   → 20 5.900000 -1.386975 13.186975
// and the weeks' Mondays: python3 -c "import datetime as d; print(d.date.fromisocalendar(2024,
//   5, 1), d.date.fromisocalendar(2024, 20, 1))"   → 2024-01-29 2024-05-13
TEST_F(CliTest, WeeklyCountsByIsoWeekGiveABoardReport) {
  const CliRun spc =
      Kaizen("spc " + kWeekly + " --indicators " + kWeeklyCatalogue + " --format json");
  ASSERT_EQ(spc.exit_code, 0) << spc.err;
  const json all = json::parse(spc.out)["series"];
  ASSERT_EQ(all.size(), 1u);
  const json& falls = all[0];
  ASSERT_EQ(falls["points"].size(), 20u);
  EXPECT_EQ(falls["points"][4]["period"], "2024-01-29");
  EXPECT_EQ(falls["points"][19]["period"], "2024-05-13");
  EXPECT_NEAR(falls["segments"][0]["centre"].get<double>(), 5.9, 1e-9);
  EXPECT_NEAR(falls["segments"][0]["upper3"].get<double>(), 13.186975, 1e-6);
  EXPECT_EQ(falls["segments"][0]["lower3"].get<double>(), 0.0);
  EXPECT_EQ(spc.err.find("missing"), std::string::npos) << spc.err;  // no week is missing

  const std::string out = dir_ + "/report.html";
  const CliRun report = Kaizen("report " + kWeekly + " --indicators " + kWeeklyCatalogue + " -o '" +
                               out + "' --as-of 2024-05-20");
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string html = testing::ReadFile(out);
  EXPECT_NE(html.find("data-value=\"5.9\""), std::string::npos);
  EXPECT_NE(html.find("data-value=\"13.186975\""), std::string::npos);
}

}  // namespace
}  // namespace kaizen
