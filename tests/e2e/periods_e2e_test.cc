// Periods shown as the data wrote them (issue 8, item 5): plain sequence numbers 1, 2, 3... read
// as ordinal periods, and ISO weeks shown as weeks in the JSON, the table, the chart, the report
// and the sentences. Every expected number is computed without kaizen, by the Python or awk in
// the test's comment.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_harness.h"
#include "test_support.h"

namespace kaizen {
namespace {

using json = nlohmann::json;

const std::string kAccidents = "tests/e2e/data/periods/nhs_accidents.csv";
const std::string kAccidentsColumns =
    " --indicator accidents --col-period i --col-numerator r --col-denominator n --chart p";
const std::string kWeekly = "tests/e2e/data/wide/falls_weekly.csv";
const std::string kWeeklyCatalogue = "tests/e2e/data/wide/falls_weekly.toml";

// nhs_accidents.csv: 20 weeks numbered 1..20 (column i), r of n attendances seen within 4 hours.
// p chart: centre p̄ = Σr/Σn, limits p̄ ± 3√(p̄(1−p̄)/nᵢ) (docs/formulas.md). Independently:
//   python3 -c "import csv,math; rows=list(csv.DictReader(open('tests/e2e/data/periods/
//     nhs_accidents.csv'))); r=[int(x['r']) for x in rows]; n=[int(x['n']) for x in rows];
//     p=sum(r)/sum(n); print(sum(r), sum(n), p); s=math.sqrt(p*(1-p)/n[0]);
//     print(r[0]/n[0], p-3*s, p+3*s)"
//   → 5324775 5587970 0.952899711...   0.950285798 0.951699565 0.954099858
TEST_F(CliTest, SequenceNumbersAreOrdinalPeriods) {
  const CliRun spc = Kaizen("spc " + kAccidents + kAccidentsColumns + " --format json");
  ASSERT_EQ(spc.exit_code, 0) << spc.err;
  const json all = json::parse(spc.out)["series"];
  ASSERT_EQ(all.size(), 1u);
  const json& s = all[0];
  EXPECT_EQ(s["period_kind"], "sequence");
  ASSERT_EQ(s["points"].size(), 20u);
  EXPECT_EQ(s["points"][0]["period_label"], "1");
  EXPECT_EQ(s["points"][1]["period_label"], "2");
  EXPECT_EQ(s["points"][19]["period_label"], "20");
  EXPECT_NEAR(s["points"][0]["value"].get<double>(), 0.950285798, 1e-9);
  EXPECT_NEAR(s["segments"][0]["centre"].get<double>(), 5324775.0 / 5587970.0, 1e-12);
  EXPECT_NEAR(s["points"][0]["lower3"].get<double>(), 0.951699565, 1e-9);
  EXPECT_NEAR(s["points"][0]["upper3"].get<double>(), 0.954099858, 1e-9);
  EXPECT_EQ(spc.err.find("missing"), std::string::npos) << spc.err;  // 1..20, none left out
  // Sentences say "period 20", where a bare "20" would read as a quantity.
  const std::string summary = s["summary"];
  EXPECT_NE(summary.find("The latest point (period 20, "), std::string::npos) << summary;
  // `period` stays an ISO date for programs (docs/api.md): day 1 counted from 1970-01-01.
  EXPECT_EQ(s["points"][0]["period"], "1970-01-02");

  // A sequence is never shown to a reader as a date (day 1 read as a calendar day: 1970).
  const CliRun table = Kaizen("spc " + kAccidents + kAccidentsColumns);
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(table.out.find("1970"), std::string::npos) << table.out;
  // The table's rows start with the period: "1", then "2" (column layout: src/cli/table.cc).
  EXPECT_NE(table.out.find("\n1 "), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("\n20 "), std::string::npos) << table.out;
}

// Numbers 1, 2, 3, 4, 7, 8: 5 and 6 are missing, and the warning names them as numbers.
TEST_F(CliTest, MissingSequenceNumbersAreNamed) {
  const std::string file = dir_ + "/gaps.csv";
  std::ofstream(file) << "i,value\n1,5\n2,6\n3,5\n4,7\n7,6\n8,5\n";
  const CliRun spc =
      Kaizen("spc '" + file + "' --indicator x --col-period i --col-value value --format json");
  ASSERT_EQ(spc.exit_code, 0) << spc.err;
  EXPECT_NE(spc.err.find("2 periods missing between 1 and 8 (the first is 5)"), std::string::npos)
      << spc.err;
}

// A sequence number beside a date in one series is refused (mixed_period_kinds), with its line.
TEST_F(CliTest, SequenceNumbersDoNotMixWithDates) {
  const std::string file = dir_ + "/mixed.csv";
  std::ofstream(file) << "i,value\n1,5\n2,6\n2024-03-01,5\n";
  const CliRun spc = Kaizen("spc '" + file + "' --indicator x --col-period i --col-value value");
  EXPECT_EQ(spc.exit_code, 2);
  EXPECT_NE(spc.err.find("mixed_period_kinds"), std::string::npos) << spc.err;
  EXPECT_NE(spc.err.find(":4:1"), std::string::npos) << spc.err;
  EXPECT_NE(spc.err.find("a sequence number"), std::string::npos) << spc.err;
}

// Two rows numbered 3 are a duplicate period, named as the file wrote it.
TEST_F(CliTest, DuplicateSequenceNumberIsNamed) {
  const std::string file = dir_ + "/twice.csv";
  std::ofstream(file) << "i,value\n1,5\n2,6\n3,5\n3,7\n";
  const CliRun spc = Kaizen("spc '" + file + "' --indicator x --col-period i --col-value value");
  EXPECT_EQ(spc.exit_code, 2);
  EXPECT_NE(spc.err.find(":5:1: error [duplicate_period]: a second row for period 3 of"),
            std::string::npos)
      << spc.err;
}

// Four financial quarters in a row leave nothing out: the engine's check for missing months
// does not read a quarter's three months as two missing ones, and the table names quarters.
TEST_F(CliTest, FinancialQuartersAreShownAndNotMissingMonths) {
  const std::string file = dir_ + "/quarters.csv";
  std::ofstream(file) << "indicator,organisation,period,value\nq,A,2016/17 Q1,5\n"
                         "q,A,2016/17 Q2,6\nq,A,2016/17 Q3,5\nq,A,2016/17 Q4,7\n";
  const CliRun spc = Kaizen("spc '" + file + "'");
  ASSERT_EQ(spc.exit_code, 0) << spc.err;
  EXPECT_EQ(spc.err.find("missing_periods"), std::string::npos) << spc.err;
  EXPECT_NE(spc.out.find("\n2016/17 Q3 "), std::string::npos) << spc.out;
  EXPECT_NE(spc.out.find("The latest point (2016/17 Q4, 7"), std::string::npos) << spc.out;
}

// kaizen explain names sequence periods too. mdc's XmR constant is 2.66 and western-electric's
// 3/1.128 (docs/profiles.md), so every point's limits differ: the clause spans the first number
// to the last (16 points, above mdc's 15 for limits).
TEST_F(CliTest, ExplainNamesSequencePeriods) {
  const std::string file = dir_ + "/levels.csv";
  std::ofstream out(file);
  out << "i,value\n";
  const int values[] = {10, 11, 9, 10, 12, 10, 9, 11, 10, 10, 13, 14, 14, 15, 14, 15};
  for (int i = 0; i < 16; ++i) out << i + 1 << "," << values[i] << "\n";
  out.close();
  const CliRun explain = Kaizen("explain '" + file +
                                "' --indicator x --col-period i --col-value value --profiles "
                                "mdc,western-electric");
  ASSERT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_NE(explain.out.find("from period 1 to period 16 the limits"), std::string::npos)
      << explain.out;
  EXPECT_EQ(explain.out.find("1970"), std::string::npos) << explain.out;
}

// A funnel of one ISO week: --period takes the week's Monday (2024-01-29 starts 2024-W05:
// python3 -c "import datetime; print(datetime.date(2024, 1, 29).isocalendar())" → week 5) and
// the heading names the week.
TEST_F(CliTest, FunnelOfAWeekNamesTheWeek) {
  const std::string file = dir_ + "/weeks.csv";
  std::ofstream(file) << "indicator,organisation,period,numerator,denominator\n"
                         "f,A,2024-W05,5,100\nf,B,2024-W05,7,120\nf,C,2024-W05,3,90\n";
  const CliRun funnel = Kaizen("funnel '" + file + "' --indicator f --period 2024-01-29");
  ASSERT_EQ(funnel.exit_code, 0) << funnel.err;
  EXPECT_EQ(funnel.out.rfind("f, 2024-W05 (", 0), 0u) << funnel.out;
}

// compare's before-period limits name weeks: 2024-03-04 is the Monday of 2024-W10 (python3 -c
// "import datetime; print(datetime.date(2024, 3, 4).isocalendar())" → week 10, day 1), so the
// points before it are the 9 weeks 2024-W01 to 2024-W09.
TEST_F(CliTest, CompareNamesTheWeeksBeforeTheChange) {
  const CliRun compare = Kaizen("compare " + kWeekly + " --indicators " + kWeeklyCatalogue +
                                " --indicator falls --change-date 2024-03-04");
  ASSERT_EQ(compare.exit_code, 0) << compare.err;
  EXPECT_NE(compare.out.find("the limits of the 9 point(s) from 2024-W01 to 2024-W09"),
            std::string::npos)
      << compare.out;
}

// falls_weekly.csv holds ISO weeks 2024-W01 to 2024-W20; week 20 holds 6 falls:
//   awk -F, 'NR==21 {print $3, $4}' tests/e2e/data/wide/falls_weekly.csv   → 2024-W20 6
// JSON keeps `period` the week's Monday (python3 -c "import datetime as d;
// print(d.date.fromisocalendar(2024, 1, 1))" → 2024-01-01) and labels it as written.
TEST_F(CliTest, IsoWeeksAreShownAsWeeks) {
  const CliRun spc =
      Kaizen("spc " + kWeekly + " --indicators " + kWeeklyCatalogue + " --format json");
  ASSERT_EQ(spc.exit_code, 0) << spc.err;
  const json falls = json::parse(spc.out)["series"][0];
  EXPECT_EQ(falls["period_kind"], "iso_week");
  EXPECT_EQ(falls["points"][0]["period"], "2024-01-01");
  EXPECT_EQ(falls["points"][0]["period_label"], "2024-W01");
  EXPECT_EQ(falls["points"][19]["period_label"], "2024-W20");
  // The sentence names the week, not its Monday.
  const std::string summary = falls["summary"];
  EXPECT_NE(summary.find("The latest point (2024-W20, 6"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("2024-05-13"), std::string::npos) << summary;

  const CliRun table = Kaizen("spc " + kWeekly + " --indicators " + kWeeklyCatalogue);
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("2024-W05"), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find("2024-01-29"), std::string::npos) << table.out;

  // The CSV export and the board summary show the week too.
  const CliRun csv =
      Kaizen("spc " + kWeekly + " --indicators " + kWeeklyCatalogue + " --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("\nfalls,RF4,2024-W01,5,"), std::string::npos) << csv.out;
  const CliRun summary_table =
      Kaizen("summary " + kWeekly + " --indicators " + kWeeklyCatalogue + " --as-of 2024-05-20");
  ASSERT_EQ(summary_table.exit_code, 0) << summary_table.err;
  EXPECT_NE(summary_table.out.find("2024-W20"), std::string::npos) << summary_table.out;

  const std::string out = dir_ + "/report.html";
  const CliRun report = Kaizen("report " + kWeekly + " --indicators " + kWeeklyCatalogue + " -o '" +
                               out + "' --as-of 2024-05-20");
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string html = testing::ReadFile(out);
  // The data table's rows and the chart's axis (the first tick is always labelled).
  EXPECT_NE(html.find("<th scope=\"row\">2024-W01</th>"), std::string::npos);
  EXPECT_NE(html.find(">2024-W01</text>"), std::string::npos);
  EXPECT_NE(html.find("(2024-W20, 6"), std::string::npos);
  // No week is shown as its Monday, in the UK form the report uses for days.
  EXPECT_EQ(html.find("13/05/2024"), std::string::npos);
  EXPECT_EQ(html.find("29/01/2024"), std::string::npos);

  const std::string svg = dir_ + "/falls.svg";
  const CliRun chart = Kaizen("chart " + kWeekly + " --indicators " + kWeeklyCatalogue +
                              " --indicator falls -o '" + svg + "'");
  ASSERT_EQ(chart.exit_code, 0) << chart.err;
  const std::string text = testing::ReadFile(svg);
  EXPECT_NE(text.find(">2024-W01</text>"), std::string::npos);
  EXPECT_EQ(text.find("/24</text>"), std::string::npos);  // no "29/01/24" axis label
}

}  // namespace
}  // namespace kaizen
