// End-to-end tests of the workspace commands: init, import (added, corrected, unchanged; the
// same file twice), indicators, history, check --db and --db in place of DATA. Expected counts
// come from the bundled file itself (ae_type1.csv: 3 indicators × 5 trusts × 36 months = 540
// rows, 180 per indicator) and from the edits the tests make to it.
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "e2e/cli_harness.h"

namespace kaizen {
namespace {

const std::string kAeData = "examples/nhs-ae/ae_type1.csv";
const std::string kAeCatalogue = "examples/nhs-ae/indicators.toml";

class WorkspaceCliTest : public CliTest {
 protected:
  std::string Db() const { return "'" + dir_ + "/w.kaizen'"; }

  // A workspace holding the bundled A&E data and catalogue, imported by "asmith".
  void ImportAe() {
    ASSERT_EQ(Kaizen("init --db " + Db()).exit_code, 0);
    const CliRun r = Kaizen("import " + kAeData + " --indicators " + kAeCatalogue + " --db " +
                            Db() + " --user asmith");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // The A&E file with R1H's April 2016 numerator 22297 changed to `numerator`, and one more
  // month (April 2019) for R1H's attendances.
  std::string CorrectedAe(const std::string& numerator) {
    std::string text = testing::ReadFile(testing::SourcePath(kAeData));
    const std::string old_row = "ae_4h,R1H,2016-04-01,,22297,27396";
    text.replace(text.find(old_row), old_row.size(),
                 "ae_4h,R1H,2016-04-01,," + numerator + ",27396");
    text += "ae_attendances,R1H,2019-04-01,30000,,\n";
    const std::string path = dir_ + "/june.csv";
    std::ofstream(path) << text;
    return path;
  }
};

TEST_F(WorkspaceCliTest, InitMakesAWorkspaceAndRefusesToMakeItTwice) {
  const CliRun made = Kaizen("init --db " + Db());
  EXPECT_EQ(made.exit_code, 0);
  EXPECT_NE(made.out.find("new workspace (schema version 2)"), std::string::npos) << made.out;
  const CliRun again = Kaizen("init --db " + Db());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("already a kaizen workspace"), std::string::npos) << again.err;
}

TEST_F(WorkspaceCliTest, AFirstImportAddsEveryPointAndTheSameFileAgainChangesNothing) {
  ASSERT_EQ(Kaizen("init --db " + Db()).exit_code, 0);
  const CliRun first =
      Kaizen("import " + kAeData + " --indicators " + kAeCatalogue + " --db " + Db());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("as import 1"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("540 rows"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("3 indicator definition(s)"), std::string::npos) << first.out;
  for (const char* id : {"ae_4h", "ae_admissions", "ae_attendances"}) {
    EXPECT_NE(first.out.find(std::string(id) + "  "), std::string::npos) << id;
  }
  EXPECT_NE(first.out.find("180    0          0"), std::string::npos) << first.out;

  const CliRun again =
      Kaizen("import " + kAeData + " --indicators " + kAeCatalogue + " --db " + Db());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("nothing changed"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("already imported (import 1"), std::string::npos) << again.out;
}

// issue 10: "a point's history reads '12.3 from the May import, corrected to 12.9 in the June
// import by J. Smith'".
TEST_F(WorkspaceCliTest, ACorrectedFileReportsWhatChangedAndThePointKeepsItsHistory) {
  ImportAe();
  const CliRun june =
      Kaizen("import '" + CorrectedAe("22300") + "' --db " + Db() + " --user 'J. Smith'");
  ASSERT_EQ(june.exit_code, 0) << june.err;
  EXPECT_NE(june.out.find("as import 2"), std::string::npos) << june.out;
  // ae_4h: R1H April 2016 corrected, the other 179 points as they were; ae_attendances: one
  // month added.
  EXPECT_NE(june.out.find("ae_4h           0      1          179"), std::string::npos) << june.out;
  EXPECT_NE(june.out.find("ae_attendances  1      0          180"), std::string::npos) << june.out;

  const CliRun point =
      Kaizen("history --db " + Db() + " --indicator ae_4h --org R1H --period 2016-04-01");
  ASSERT_EQ(point.exit_code, 0) << point.err;
  EXPECT_NE(point.out.find("22297/27396 from import 1 ("), std::string::npos) << point.out;
  EXPECT_NE(point.out.find("by asmith), corrected to 22300/27396 in import 2 ("), std::string::npos)
      << point.out;
  EXPECT_NE(point.out.find("by J. Smith)"), std::string::npos) << point.out;
  // The example is a header and 540 rows, so the row june.csv adds is its line 542; the
  // corrected row stayed where it was, line 2 of both files.
  EXPECT_NE(point.out.find(" line 2, "), std::string::npos) << point.out;
  const CliRun added =
      Kaizen("history --db " + Db() + " --indicator ae_attendances --org R1H --period 2019-04-01");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find(": 30000 from import 2 ("), std::string::npos) << added.out;
  EXPECT_NE(added.out.find("june.csv line 542, "), std::string::npos) << added.out;

  const CliRun missing =
      Kaizen("history --db " + Db() + " --indicator ae_4h --org R1H --period 2030-01-01");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no such point"), std::string::npos) << missing.err;
}

// A record is numbered by the line it starts on: a quoted comment over two lines moves every
// later row down one line, so the lines differ from the row numbers.
TEST_F(WorkspaceCliTest, EachPointRemembersTheLineItStartsOn) {
  const std::string path = dir_ + "/falls.csv";
  std::ofstream(path) << "indicator,organisation,period,value,comment\n"  // line 1
                         "falls,W1,2024-01-01,3,\n"                       // line 2
                         "falls,W1,2024-02-01,4,\"two lines\n"            // lines 3 and 4
                         "of comment\"\n"
                         "falls,W1,2024-03-01,5,\n";  // line 5, the fourth row
  ASSERT_EQ(Kaizen("init --db " + Db()).exit_code, 0);
  const CliRun import = Kaizen("import '" + path + "' --db " + Db());
  ASSERT_EQ(import.exit_code, 0) << import.err;
  const CliRun history = Kaizen("export --db " + Db() + " --what history");
  ASSERT_EQ(history.exit_code, 0) << history.err;
  std::istringstream rows(history.out);
  std::vector<std::string> lines;  // the last column of each row
  for (std::string row; std::getline(rows, row);) lines.push_back(row.substr(row.rfind(',') + 1));
  EXPECT_EQ(lines, (std::vector<std::string>{"line", "2", "3", "5"}));
}

// A wide sheet's points take their row: one row per indicator and trust (make_wide_xlsx.py
// writes attendances RF4, R1H on rows 2 and 3, seen-4h RF4, R1H on rows 4 and 5).
TEST_F(WorkspaceCliTest, AWideSheetsPointsRememberTheirRow) {
  ASSERT_EQ(Kaizen("init --db " + Db()).exit_code, 0);
  const std::string wide = testing::SourcePath("tests/e2e/data/wide/ae_wide.xlsx");
  const std::string toml = testing::SourcePath("tests/e2e/data/wide/ae_wide.toml");
  const CliRun import = Kaizen("import '" + wide + "' --indicators '" + toml + "' --db " + Db());
  ASSERT_EQ(import.exit_code, 0) << import.err;
  const CliRun history = Kaizen("export --db " + Db() + " --what history --format json");
  ASSERT_EQ(history.exit_code, 0) << history.err;
  const std::map<std::string, int> row_of = {
      {"attendances RF4", 2}, {"attendances R1H", 3}, {"seen-4h RF4", 4}, {"seen-4h R1H", 5}};
  std::map<std::string, int> points;
  const nlohmann::json doc = nlohmann::json::parse(history.out);
  for (const auto& r : doc["history"]) {
    const std::string series =
        r["indicator"].get<std::string>() + " " + r["organisation"].get<std::string>();
    EXPECT_EQ(r["line"], row_of.at(series)) << series;
    ++points[series];
  }
  for (const auto& [series, row] : row_of) EXPECT_EQ(points[series], 36) << series;
}

TEST_F(WorkspaceCliTest, IndicatorsListShowsTheCatalogueAndAChangedDefinitionIsAVersion) {
  ImportAe();
  const CliRun list = Kaizen("indicators list --db " + Db());
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("A&E type 1: % seen within 4 hours"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("asmith"), std::string::npos) << list.out;

  // The same catalogue with the 4-hour indicator renamed: a second version.
  std::string catalogue = testing::ReadFile(testing::SourcePath(kAeCatalogue));
  const std::string old_name = "name = \"A&E type 1: % seen within 4 hours\"";
  catalogue.replace(catalogue.find(old_name), old_name.size(), "name = \"Four-hour standard\"");
  const std::string changed = dir_ + "/indicators.toml";
  std::ofstream(changed) << catalogue;
  const CliRun reimport = Kaizen("import " + kAeData + " --indicators '" + changed + "' --db " +
                                 Db() + " --user bjones --reason 'board naming'");
  ASSERT_EQ(reimport.exit_code, 0) << reimport.err;
  EXPECT_NE(reimport.out.find("1 indicator definition(s) new or changed"), std::string::npos)
      << reimport.out;

  const CliRun history = Kaizen("indicators history ae_4h --db " + Db());
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_NE(history.out.find("version 2, "), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("by bjones: board naming"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("name: A&E type 1: % seen within 4 hours -> Four-hour standard"),
            std::string::npos)
      << history.out;
  const CliRun show = Kaizen("indicators show ae_4h --db " + Db());
  EXPECT_NE(show.out.find("ae_4h version 2"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("chart: pp"), std::string::npos) << show.out;
}

// The workspace is one more data source: the same series and catalogue give the same results
// as the files they were imported from.
TEST_F(WorkspaceCliTest, SeriesCommandsReadTheWorkspaceAsTheyReadTheFiles) {
  ImportAe();
  const std::string files = kAeData + " --indicators " + kAeCatalogue;
  const std::vector<std::pair<std::string, std::string>> commands = {
      {"summary", " --as-of 2019-04-20"},
      {"spc", " --format csv"},
      {"spc", " --indicator ae_4h --org RAL --format json"},
  };
  for (const auto& [command, options] : commands) {
    const CliRun from_files = Kaizen(command + " " + files + options);
    const CliRun from_db = Kaizen(command + " --db " + Db() + options);
    ASSERT_EQ(from_files.exit_code, 0) << command << options << ": " << from_files.err;
    ASSERT_EQ(from_db.exit_code, 0) << command << options << ": " << from_db.err;
    EXPECT_EQ(from_db.out, from_files.out) << command << options;
  }
  // The board report, with the catalogue's title, which the workspace keeps.
  const std::string title = " --as-of 2019-04-20 -o '" + dir_;
  ASSERT_EQ(Kaizen("report " + files + title + "/files.html'").exit_code, 0);
  ASSERT_EQ(Kaizen("report --db " + Db() + title + "/db.html'").exit_code, 0);
  // The workspace's report adds its notices (as at, since the last pack, pending) above the
  // summary; the rest is the same.
  std::string from_db = testing::ReadFile(dir_ + "/db.html");
  const std::size_t notices = from_db.find("<section id=\"notices\"");
  ASSERT_NE(notices, std::string::npos);
  from_db.erase(notices, from_db.find("</section>", notices) + 10 - notices);
  EXPECT_EQ(from_db, testing::ReadFile(dir_ + "/files.html"));
}

// The data's comment column is kept with the numbers (as facts whose source is the file), once
// however often the file is imported, and the report from the workspace shows it as the
// report from the file does.
TEST_F(WorkspaceCliTest, TheDataCommentsAreKeptWithTheNumbers) {
  const std::string data = dir_ + "/beds.csv";
  std::ofstream(data) << "indicator,organisation,period,value,comment\n"
                         "beds,R1,2024-01-01,12,\nbeds,R1,2024-02-01,14,\"ward 4 closed, "
                         "refurbishment\"\nbeds,R1,2024-03-01,13,\n";
  ASSERT_EQ(Kaizen("init --db " + Db()).exit_code, 0);
  const CliRun first = Kaizen("import '" + data + "' --db " + Db());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("1 comment(s) of the data kept as facts"), std::string::npos)
      << first.out;
  EXPECT_NE(Kaizen("import '" + data + "' --db " + Db()).out.find("nothing changed"),
            std::string::npos);
  const std::string options = " --as-of 2024-04-01 --title Beds -o '" + dir_;
  ASSERT_EQ(Kaizen("report '" + data + "'" + options + "/files.html'").exit_code, 0);
  ASSERT_EQ(Kaizen("report --db " + Db() + options + "/db.html'").exit_code, 0);
  const std::string from_db = testing::ReadFile(dir_ + "/db.html");
  EXPECT_NE(testing::ReadFile(dir_ + "/files.html").find("ward 4 closed, refurbishment"),
            std::string::npos);
  EXPECT_NE(from_db.find("ward 4 closed, refurbishment"), std::string::npos);
}

TEST_F(WorkspaceCliTest, CheckDbVerifiesThePagesAndTheAuditChain) {
  ImportAe();
  const CliRun check = Kaizen("check --db " + Db());
  ASSERT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find("pages intact"), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("audit log of "), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("540 rows, 3 indicator(s), 5 organisation(s), 15 series"),
            std::string::npos)
      << check.out;
}

TEST_F(WorkspaceCliTest, RefusalsNameTheProblem) {
  // Neither or both sources.
  const CliRun neither = Kaizen("summary --as-of 2019-04-20");
  EXPECT_EQ(neither.exit_code, 2);
  EXPECT_NE(neither.err.find("give a DATA file or --db W"), std::string::npos) << neither.err;
  ImportAe();
  const CliRun both = Kaizen("summary " + kAeData + " --db " + Db());
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("not both"), std::string::npos) << both.err;
  const CliRun catalogue = Kaizen("summary --db " + Db() + " --indicators " + kAeCatalogue);
  EXPECT_EQ(catalogue.exit_code, 2);
  EXPECT_NE(catalogue.err.find("--indicators"), std::string::npos) << catalogue.err;
  // Not a workspace, and no workspace at all.
  const CliRun text = Kaizen("summary --db " + kAeData);
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_NE(text.err.find("not a kaizen workspace"), std::string::npos) << text.err;
  const CliRun missing = Kaizen("import " + kAeData + " --db '" + dir_ + "/none.kaizen'");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no such workspace file"), std::string::npos) << missing.err;
  // A bad row: the reader's located diagnostic, and nothing imported.
  const std::string bad = dir_ + "/bad.csv";
  std::ofstream(bad) << "indicator,organisation,period,value\nbeds,R1H,2024-01-01,12\n"
                        "beds,R1H,2024-02-31,13\n";
  const CliRun located = Kaizen("import '" + bad + "' --db " + Db());
  EXPECT_EQ(located.exit_code, 2);
  EXPECT_NE(located.err.find("bad.csv:3:"), std::string::npos) << located.err;
  EXPECT_EQ(Kaizen("indicators show beds --db " + Db()).exit_code, 2);  // not imported
}

}  // namespace
}  // namespace kaizen
