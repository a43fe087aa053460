// From the extract an analyst really has to a board pack (issue 8): the national A&E extract,
// three measures per row for three department types and no indicator column, read through a
// catalogue whose indicators compute their own measures and filter their own rows.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_harness.h"
#include "test_support.h"

namespace kaizen {
namespace {

using json = nlohmann::json;

const std::string kExtract = "tests/e2e/data/ae/ae_attendances_two_trusts.csv";
const std::string kCatalogue = "tests/e2e/data/ae/ae.toml";

class ExpressionCliTest : public CliTest {
 protected:
  const json* Find(const json& all, const std::string& indicator, const std::string& org) {
    for (const json& s : all) {
      if (s["indicator_id"] == indicator && s["organisation"] == org) return &s;
    }
    return nullptr;
  }
  void Write(const std::string& name, const std::string& text) {
    std::FILE* f = std::fopen((dir_ + "/" + name).c_str(), "w");
    std::fputs(text.c_str(), f);
    std::fclose(f);
  }
};

TEST_F(ExpressionCliTest, AeExtractToThreeIndicatorsPerTrust) {
  const CliRun r = Kaizen("spc " + kExtract + " --indicators " + kCatalogue + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json all = json::parse(r.out)["series"];
  ASSERT_EQ(all.size(), 6u);  // 3 indicators × 2 trusts

  // Computed independently of kaizen:
  //   awk -F, 'NR>1 {gsub(/"/,""); if ($3=="1") {n[$2]++; p[$2","$1]=100*($4-$5)/$4}
  //            a[$2","$1]+=$4} END {print n["R1H"], n["RF4"];
  //            printf "%.10f %.10f\n", p["R1H,2016-04-01"], p["RF4,2019-03-01"];
  //            print a["R1H,2016-04-01"], a["RF4,2019-03-01"]}'
  //     tests/e2e/data/ae/ae_attendances_two_trusts.csv
  //   → 36 36 / 81.3877938385 71.1266725022 / 38413 27129
  const json* seen = Find(all, "ae-4h", "R1H");
  ASSERT_NE(seen, nullptr);
  EXPECT_EQ((*seen)["chart"], "p");
  ASSERT_EQ((*seen)["points"].size(), 36u);
  EXPECT_EQ((*seen)["points"][0]["period"], "2016-04-01");
  EXPECT_NEAR((*seen)["points"][0]["value"].get<double>(), 81.3877938385, 1e-9);
  EXPECT_EQ((*seen)["target"].get<double>(), 95.0);
  const json* seen_rf4 = Find(all, "ae-4h", "RF4");
  ASSERT_NE(seen_rf4, nullptr);
  ASSERT_EQ((*seen_rf4)["points"].size(), 36u);
  EXPECT_NEAR((*seen_rf4)["points"][35]["value"].get<double>(), 71.1266725022, 1e-9);

  const json* attendances = Find(all, "attendances", "R1H");
  ASSERT_NE(attendances, nullptr);
  EXPECT_EQ((*attendances)["points"][0]["value"].get<double>(), 38413.0);  // all types summed
  EXPECT_EQ((*Find(all, "attendances", "RF4"))["points"][35]["value"].get<double>(), 27129.0);

  // grep '^2017-03-01,"RF4","1"' the extract → 21289 attendances, 2879 breaches
  const json* breaches = Find(all, "breaches", "RF4");
  ASSERT_NE(breaches, nullptr);
  bool found = false;
  for (const json& p : (*breaches)["points"]) {
    if (p["period"] != "2017-03-01") continue;
    found = true;
    EXPECT_EQ(p["value"].get<double>(), 2879.0);
  }
  EXPECT_TRUE(found);
}

TEST_F(ExpressionCliTest, UncomputableRowIsADataDiagnostic) {
  Write("ae.csv",
        "period,org_code,type,attendances,breaches\n"
        "2024-01-01,RXX,1,400,40\n"
        "2024-02-01,RXX,1,0,0\n");
  Write("ae.toml",
        "[columns]\nindicator = \"\"\norganisation = \"org_code\"\n\n"
        "[[indicator]]\nid = \"ae-4h\"\nname = \"4 hours\"\n"
        "value = \"100 * (attendances - breaches) / attendances\"\n");
  const CliRun r = Kaizen("spc '" + dir_ + "/ae.csv' --indicators '" + dir_ + "/ae.toml'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("ae.csv:3:4: error [division_by_zero]: value = 100 * (attendances - "
                       "breaches) / attendances: division by zero"),
            std::string::npos)
      << r.err;
}

TEST_F(ExpressionCliTest, BadExpressionIsACatalogueErrorAtItsColumn) {
  Write("ae.toml",
        "[columns]\nindicator = \"\"\n\n"
        "[[indicator]]\nid = \"ae-4h\"\nname = \"4 hours\"\n"
        "numerator = \"attendances - * breaches\"\ndenominator = \"attendances\"\n");
  const CliRun r = Kaizen("spc " + kExtract + " --indicators '" + dir_ + "/ae.toml'");
  EXPECT_EQ(r.exit_code, 2);
  // Line 7; the value's quote is column 13, so byte 14 of the expression ('*') is 13 + 1 + 14.
  EXPECT_NE(r.err.find("ae.toml:7:28: error [bad_expression]: 'numerator' in indicator 'ae-4h'"),
            std::string::npos)
      << r.err;
}

TEST_F(ExpressionCliTest, AggregateConditionComparesText) {
  Write("records.csv",
        "date,los,ward\n"
        "2024-01-03,3,A\n"
        "2024-01-05,9,A\n"
        "2024-01-09,2,B\n"
        "2024-02-01,1,A\n");
  // January: of the two ward A rows one has los <= 7; February: one of one.
  const CliRun r = Kaizen("aggregate '" + dir_ +
                          "/records.csv' --date date --measure proportion --condition "
                          "\"los <= 7\" --indicator x --org y");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const CliRun a = Kaizen("aggregate '" + dir_ +
                          "/records.csv' --date date --condition \"ward == 'A' and los <= 7\" "
                          "--indicator x --org y");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out,
            "indicator,organisation,period,value,numerator,denominator\n"
            "x,y,2024-01-01,1,,\n"
            "x,y,2024-02-01,1,,\n");
  const CliRun bad = Kaizen("aggregate '" + dir_ +
                            "/records.csv' --date date --condition \"ward == \" --indicator x "
                            "--org y");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--condition:9: error [bad_expression]"), std::string::npos) << bad.err;
}

TEST_F(ExpressionCliTest, WithoutACatalogueTheFlagsDescribeTheIndicator) {
  // RF4's type 1 breaches, with no organisation column and no catalogue.
  ASSERT_EQ(Shell("awk -F, 'NR==1 {print \"period,breaches\"} NR>1 {gsub(/\"/,\"\"); "
                  "if ($2==\"RF4\" && $3==\"1\") print $1\",\"$5}' " +
                  kExtract + " > \"$DIR/rf4.csv\"")
                .exit_code,
            0);
  const CliRun r = Kaizen("spc '" + dir_ +
                          "/rf4.csv' --indicator breaches --col-value breaches --direction lower "
                          "--target 3000 --rebase 2017-04-01 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json s = json::parse(r.out)["series"][0];
  EXPECT_EQ(s["organisation"], "all");
  EXPECT_EQ(s["direction"], "lower");
  EXPECT_EQ(s["target"].get<double>(), 3000.0);
  ASSERT_EQ(s["segments"].size(), 2u);
  // awk -F, 'NR>1 {gsub(/"/,""); if ($2=="RF4" && $3=="1" && $1<"2017-04-01") {s+=$5; n++}}
  //   END {print s/n, n}' tests/e2e/data/ae/ae_attendances_two_trusts.csv → 3342.25 12
  EXPECT_EQ(s["segments"][0]["n"], 12);
  EXPECT_DOUBLE_EQ(s["segments"][0]["centre"].get<double>(), 3342.25);

  const CliRun bad = Kaizen("spc '" + dir_ +
                            "/rf4.csv' --indicator b --col-value breaches "
                            "--rebase 2017-13-01");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--rebase"), std::string::npos) << bad.err;
}

TEST_F(ExpressionCliTest, OrTakesACommaList) {
  const CliRun r = Kaizen("spc " + kExtract + " --indicators " + kCatalogue +
                          " --indicator ae-4h --org RF4,R1H --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["series"].size(), 2u);
  const CliRun one =
      Kaizen("spc " + kExtract + " --indicators " + kCatalogue + " --org RF4 --format json");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(json::parse(one.out)["series"].size(), 3u);
}

}  // namespace
}  // namespace kaizen
