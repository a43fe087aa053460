// kaizen export --db W (CSV, JSON, .xlsx), kaizen organisations and kaizen user end to end
// (issue 10, item 4), on a workspace made by the real commands from the bundled NHS A&E example
// (kaizen init, kaizen import). Expected rows come from the example's own files: its CSV's data
// rows, its catalogue's one target and one rebase, its one narrative.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "test_support.h"

namespace kaizen {
namespace {

using json = nlohmann::json;

constexpr const char* kData = "examples/nhs-ae/ae_type1.csv";
constexpr const char* kCatalogue = "examples/nhs-ae/indicators.toml";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The data rows of a CSV (every line but the header), sorted.
std::vector<std::string> SortedRows(const std::string& text) {
  std::vector<std::string> lines = Lines(text);
  if (!lines.empty()) lines.erase(lines.begin());
  std::sort(lines.begin(), lines.end());
  return lines;
}

class WorkspaceExportCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    db_ = dir_ + "/w.kaizen";
    MakeWorkspace(db_, kData);
  }

  // kaizen init, then kaizen import `data` with the example's catalogue.
  void MakeWorkspace(const std::string& db, const std::string& data,
                     const std::string& extra = "") {
    CliRun r = Kaizen("init --db '" + db + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = Kaizen("import '" + data + "' --indicators " + kCatalogue + " --db '" + db + "' " + extra +
               " --user alice --reason 'monthly data'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  CliRun Export(const std::string& db, const std::string& args) {
    return Kaizen("export --db '" + db + "' " + args);
  }

  std::string db_;
};

TEST_F(WorkspaceExportCliTest, ObservationsCsvHoldsTheImportedRowsExactly) {
  const std::string out = dir_ + "/observations.csv";
  CliRun r = Export(db_, "-o '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, out + ": observations: 540 rows\n");
  const std::string csv = testing::ReadFile(out);
  EXPECT_EQ(Lines(csv).front(), "indicator,organisation,period,value,numerator,denominator");
  // The example holds 540 points, one per row, with the same columns: the export is its rows.
  const std::string source = testing::ReadFile(std::string(KAIZEN_SOURCE_DIR) + "/" + kData);
  EXPECT_EQ(SortedRows(csv), SortedRows(source));
  EXPECT_NE(csv.find("\nae_4h,R1H,2016-04-01,,22297,27396\n"), std::string::npos);
}

TEST_F(WorkspaceExportCliTest, CsvImportsBackIntoANewWorkspaceAsTheSameSeries) {
  const std::string first = dir_ + "/first.csv", second = dir_ + "/second.csv";
  ASSERT_EQ(Export(db_, "-o '" + first + "'").exit_code, 0);
  const std::string copy = dir_ + "/copy.kaizen";
  MakeWorkspace(copy, first);
  ASSERT_EQ(Export(copy, "--format csv -o '" + second + "'").exit_code, 0);
  EXPECT_EQ(testing::ReadFile(second), testing::ReadFile(first));
}

TEST_F(WorkspaceExportCliTest, XlsxObservationsSheetImportsBackToTheSameSeries) {
  const std::string book = dir_ + "/w.xlsx", csv = dir_ + "/w.csv", again = dir_ + "/again.csv";
  CliRun r = Export(db_, "--what all -o '" + book + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(": audit: "), std::string::npos) << r.err;
  ASSERT_EQ(Export(db_, "-o '" + csv + "'").exit_code, 0);
  const std::string copy = dir_ + "/copy.kaizen";
  MakeWorkspace(copy, book, "--sheet observations");
  ASSERT_EQ(Export(copy, "-o '" + again + "'").exit_code, 0);
  EXPECT_EQ(testing::ReadFile(again), testing::ReadFile(csv));
}

TEST_F(WorkspaceExportCliTest, JsonHasEveryTableWithTheCatalogueDecisions) {
  CliRun r = Export(db_, "--what all --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["schema_version"], 1);
  EXPECT_EQ(doc["observations"].size(), 540u);
  EXPECT_EQ(doc["history"].size(), 540u);  // one import: one revision per point
  EXPECT_EQ(doc["history"][0]["revision"], 1);
  EXPECT_EQ(doc["history"][0]["imported_by"], "alice");
  // The catalogue's one target and one rebase, recorded as approved decisions.
  ASSERT_EQ(doc["decisions"].size(), 2u);
  std::vector<std::string> kinds;
  for (const auto& d : doc["decisions"]) {
    kinds.push_back(d["kind"]);
    EXPECT_EQ(d["state"], "approved");
    // The catalogue's target: 95 %, set_by "national"; the rebase has neither.
    EXPECT_EQ(d["target"], d["kind"] == "target" ? json(95) : json(nullptr));
    EXPECT_EQ(d["set_by"], d["kind"] == "target" ? "national" : "");
  }
  std::sort(kinds.begin(), kinds.end());
  EXPECT_EQ(kinds, (std::vector<std::string>{"rebase", "target"}));
  // Its one narrative is an opinion.
  ASSERT_EQ(doc["commentary"].size(), 1u);
  EXPECT_EQ(doc["commentary"][0]["kind"], "opinion");
  ASSERT_FALSE(doc["audit"].empty());
  EXPECT_EQ(doc["audit"][0]["seq"], 1);
  EXPECT_EQ(doc["audit"].back()["action"], "import");
}

TEST_F(WorkspaceExportCliTest, HistoryShowsACorrectionAsASecondRevision) {
  // The same file with R1H's April 2016 ae_attendances corrected from 27396 to 27400.
  std::string data = testing::ReadFile(std::string(KAIZEN_SOURCE_DIR) + "/" + kData);
  const std::string before = "ae_attendances,R1H,2016-04-01,27396,,";
  ASSERT_NE(data.find(before), std::string::npos);
  data.replace(data.find(before), before.size(), "ae_attendances,R1H,2016-04-01,27400,,");
  const std::string corrected = dir_ + "/corrected.csv";
  std::ofstream(corrected) << data;
  CliRun r = Kaizen("import '" + corrected + "' --indicators " + kCatalogue + " --db '" + db_ +
                    "' --user bob --reason 'corrected April'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Export(db_, "--what history");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> point;
  for (const std::string& line : Lines(r.out)) {
    if (line.rfind("ae_attendances,R1H,2016-04-01,", 0) == 0) point.push_back(line);
  }
  ASSERT_EQ(point.size(), 2u) << r.out.substr(0, 400);
  // Revision 1 from the first import (the file as given on its command line), 2 from the second.
  const std::string first =
      std::string("ae_attendances,R1H,2016-04-01,1,27396,,,1,") + kData + ",alice,";
  EXPECT_EQ(point[0].rfind(first, 0), 0u) << point[0];
  const std::string second = "ae_attendances,R1H,2016-04-01,2,27400,,,2," + corrected + ",bob,";
  EXPECT_EQ(point[1].rfind(second, 0), 0u) << point[1];
  EXPECT_EQ(Lines(r.out).size(), 1u + 541u);  // 540 points, one with two revisions
}

// 30,000 points make a JSON export of several megabytes, written in one-megabyte pieces: the
// document must still be whole and every point in it once.
TEST_F(WorkspaceExportCliTest, ALargeExportStreamsInPiecesAndStaysWhole) {
  std::string data = "indicator,organisation,period,value\n";
  for (int s = 0; s < 500; ++s) {
    for (int m = 0; m < 60; ++m) {
      data += "big,org" + std::to_string(1000 + s) + "," + std::to_string(2019 + m / 12) + "-" +
              (m % 12 + 1 < 10 ? "0" : "") + std::to_string(m % 12 + 1) + "-01," +
              std::to_string(s * 100 + m) + "\n";
    }
  }
  const std::string csv = dir_ + "/big.csv", big = dir_ + "/big.kaizen", out = dir_ + "/big.json";
  std::ofstream(csv) << data;
  ASSERT_EQ(Kaizen("init --db '" + big + "'").exit_code, 0);
  CliRun r = Kaizen("import '" + csv + "' --db '" + big + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Export(big, "--what all -o '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = testing::ReadFile(out);
  EXPECT_GT(text.size(), 3u << 20);
  const json doc = json::parse(text);
  ASSERT_EQ(doc["observations"].size(), 30000u);
  ASSERT_EQ(doc["history"].size(), 30000u);
  // org1000 is the first series; its 2019-02-01 point is s * 100 + m = 0 * 100 + 1.
  EXPECT_EQ(doc["observations"][1]["organisation"], "org1000");
  EXPECT_EQ(doc["observations"][1]["period"], "2019-02-01");
  EXPECT_EQ(doc["observations"][1]["value"], 1);
  // The last: s = 499, m = 59 (2023-12-01).
  EXPECT_EQ(doc["observations"][29999]["organisation"], "org1499");
  EXPECT_EQ(doc["observations"][29999]["period"], "2023-12-01");
  EXPECT_EQ(doc["observations"][29999]["value"], 49959);
  // The CSV streams the same rows: a header and 30,000 lines.
  r = Export(big, "");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out).size(), 30001u);
}

// The definitions' versions, annotations, organisations, users and packs, each made here by a
// command whose values the expected rows repeat.
TEST_F(WorkspaceExportCliTest, DefinitionsPeopleAnnotationsAndPacksAreExported) {
  // A second version of ae_attendances: the example's catalogue with its name changed.
  std::string catalogue =
      testing::ReadFile(std::string(KAIZEN_SOURCE_DIR) + "/" + std::string(kCatalogue));
  const std::string old_name = "name = \"A&E type 1 attendances\"";
  ASSERT_NE(catalogue.find(old_name), std::string::npos);
  catalogue.replace(catalogue.find(old_name), old_name.size(), "name = \"Type 1 A&E attendances\"");
  const std::string renamed = dir_ + "/renamed.toml";
  std::ofstream(renamed) << catalogue;
  CliRun r = Kaizen("import '" + std::string(kData) + "' --indicators '" + renamed + "' --db '" +
                    db_ + "' --user bob --reason 'house style for names'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(Kaizen("annotate --indicator ae_attendances --date 2018-01-01 --text 'Flu peak' "
                   "--db '" +
                   db_ + "' --user bob")
                .exit_code,
            0);
  ASSERT_EQ(Kaizen("organisations add RXX --name 'North Trust' --kind trust --db '" + db_ + "'")
                .exit_code,
            0);
  ASSERT_EQ(Kaizen("user add jsmith --display-name 'J. Smith' --role editor --orgs RXX,R1H "
                   "--db '" +
                   db_ + "'")
                .exit_code,
            0);
  r = Kaizen("freeze --db '" + db_ + "' --title 'Board, March 2019' --user carol");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::size_t sha_at = r.out.find("(sha256 ");
  ASSERT_NE(sha_at, std::string::npos) << r.out;
  const std::string sha256 = r.out.substr(sha_at + 8, 64);

  r = Export(db_, "--what all --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json doc = json::parse(r.out);
  // The example's three indicators by id, ae_attendances with two versions: the import's, then
  // bob's rename.
  const json& versions = doc["indicators"];
  ASSERT_EQ(versions.size(), 4u) << versions;
  EXPECT_EQ(versions[0]["id"], "ae_4h");
  EXPECT_EQ(versions[0]["version"], 1);
  EXPECT_EQ(versions[0]["chart"], "pp");
  EXPECT_EQ(versions[0]["multiplier"], "100");
  EXPECT_EQ(versions[1]["id"], "ae_admissions");
  EXPECT_EQ(versions[2]["id"], "ae_attendances");
  EXPECT_EQ(versions[2]["version"], 1);
  EXPECT_EQ(versions[2]["name"], "A&E type 1 attendances");
  EXPECT_EQ(versions[2]["changed_by"], "alice");
  EXPECT_EQ(versions[2]["reason"], "monthly data");
  EXPECT_EQ(versions[3]["id"], "ae_attendances");
  EXPECT_EQ(versions[3]["version"], 2);
  EXPECT_EQ(versions[3]["name"], "Type 1 A&E attendances");
  EXPECT_EQ(versions[3]["changed_by"], "bob");
  EXPECT_EQ(versions[3]["reason"], "house style for names");
  EXPECT_EQ(versions[3]["chart"], "xmr");
  // The catalogue's one annotation, then bob's.
  const json& annotations = doc["annotations"];
  ASSERT_EQ(annotations.size(), 2u) << annotations;
  EXPECT_EQ(annotations[0]["indicator"], "ae_4h");
  EXPECT_EQ(annotations[0]["date"], "2017-12-01");
  EXPECT_EQ(annotations[0]["text"], "Winter escalation: extra medical beds opened");
  EXPECT_EQ(annotations[1]["indicator"], "ae_attendances");
  EXPECT_EQ(annotations[1]["date"], "2018-01-01");
  EXPECT_EQ(annotations[1]["text"], "Flu peak");
  EXPECT_EQ(annotations[1]["created_by"], "bob");
  EXPECT_EQ(doc["organisations"],
            json::parse(R"([{"code":"RXX","name":"North Trust","kind":"trust","parent":""}])"));
  EXPECT_EQ(doc["users"], json::parse(R"([{"name":"jsmith","display_name":"J. Smith",)"
                                      R"("role":"editor","organisations":"R1H,RXX"}])"));
  const json& packs = doc["packs"];
  ASSERT_EQ(packs.size(), 1u);
  EXPECT_EQ(packs[0]["id"], 1);
  EXPECT_EQ(packs[0]["title"], "Board, March 2019");
  EXPECT_EQ(packs[0]["frozen_by"], "carol");
  EXPECT_EQ(packs[0]["sha256"], sha256);
  EXPECT_EQ(packs[0]["last_import_id"], 2);
  // The pack's audit mark is its own "freeze" entry, the log's last.
  EXPECT_EQ(doc["audit"].back()["action"], "freeze");
  EXPECT_EQ(packs[0]["last_audit_seq"], doc["audit"].back()["seq"]);

  // One table as CSV: the header names the version's fields, then the definition's.
  r = Export(db_, "--what indicators");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out)[0].rfind("version,changed_by,changed_at,reason,id,reference,name,", 0), 0u)
      << Lines(r.out)[0];
  EXPECT_EQ(Lines(r.out).size(), 5u);
  r = Export(db_, "--what users");
  EXPECT_EQ(r.out, "name,display_name,role,organisations\njsmith,J. Smith,editor,\"R1H,RXX\"\n");
}

TEST_F(WorkspaceExportCliTest, BadRequestsAreRefusedWithAMessage) {
  CliRun r = Export(db_, "--what all --format csv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("a CSV file holds one table"), std::string::npos) << r.err;
  r = Export(db_, "--what everything");
  EXPECT_EQ(r.exit_code, 2);
  r = Export(dir_ + "/missing.kaizen", "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing.kaizen"), std::string::npos) << r.err;
  r = Export(db_, "-o '" + dir_ + "/no/such/dir/w.xlsx'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no/such/dir"), std::string::npos) << r.err;
  r = Export(db_, "--what all -o '" + dir_ + "/no/such/dir/w.json'");
  EXPECT_EQ(r.exit_code, 3);
  // A full disk, streaming and whole.
  EXPECT_EQ(Export(db_, "-o /dev/full").exit_code, 3);
  EXPECT_EQ(Export(db_, "--format xlsx -o /dev/full").exit_code, 3);
  // A failed export leaves the file that was there as it was.
  const std::string kept = dir_ + "/kept.csv";
  std::ofstream(kept) << "old\n";
  EXPECT_EQ(Export(dir_ + "/missing.kaizen", "-o '" + kept + "'").exit_code, 2);
  EXPECT_EQ(testing::ReadFile(kept), "old\n");
}

// ---- organisations and users ----------------------------------------------------------------

TEST_F(WorkspaceExportCliTest, OrganisationsAddAndList) {
  CliRun r = Kaizen("organisations add RXX --name 'North Trust' --kind trust --db '" + db_ +
                    "' --user admin");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "organisation RXX recorded\n");
  r = Kaizen("organisations add RXX01 --name 'North ED' --kind service --parent RXX --db '" + db_ +
             "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Kaizen("organisations list --db '" + db_ + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[0].substr(0, 4), "code");
  EXPECT_EQ(lines[1].rfind("RXX ", 0), 0u);
  EXPECT_NE(lines[1].find("North Trust"), std::string::npos);
  EXPECT_NE(lines[2].find("North ED"), std::string::npos);
  EXPECT_EQ(lines[2].substr(lines[2].size() - 3), "RXX");  // its parent, the last column
  // A parent the workspace does not hold, and a kind that is none of the five.
  r = Kaizen("organisations add RYY01 --name X --kind service --parent RYY --db '" + db_ + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("parent 'RYY' is not in the workspace"), std::string::npos) << r.err;
  r = Kaizen("organisations add RZZ --name X --kind hospital --db '" + db_ + "'");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(WorkspaceExportCliTest, UsersAddListRoleRemove) {
  CliRun r = Kaizen(
      "user add jsmith --display-name 'J. Smith' --role editor --orgs R1H,RXX "
      "--db '" +
      db_ + "' --user admin");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "user jsmith recorded (editor)\n");
  ASSERT_EQ(Kaizen("user add viewer1 --role viewer --db '" + db_ + "'").exit_code, 0);
  r = Kaizen("user role jsmith approver --db '" + db_ + "' --reason promoted");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "user jsmith is now approver\n");
  r = Kaizen("user list --db '" + db_ + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_NE(lines[1].find("J. Smith"), std::string::npos);
  EXPECT_NE(lines[1].find("approver"), std::string::npos);
  EXPECT_NE(lines[1].find("R1H,RXX"), std::string::npos);
  EXPECT_NE(lines[2].find("viewer1  viewer"), std::string::npos) << lines[2];  // name as display
  EXPECT_NE(lines[2].find("(all)"), std::string::npos);
  ASSERT_EQ(Kaizen("user remove viewer1 --db '" + db_ + "'").exit_code, 0);
  r = Kaizen("user list --db '" + db_ + "'");
  EXPECT_EQ(Lines(r.out).size(), 2u) << r.out;
  // The audit log has each change with its user.
  r = Export(db_, "--what audit");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(",admin,put_user,user jsmith,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",remove_user,user viewer1,"), std::string::npos);
  // Refusals: an unknown role, a user who is not there.
  EXPECT_EQ(Kaizen("user add x --role boss --db '" + db_ + "'").exit_code, 2);
  r = Kaizen("user role nobody admin --db '" + db_ + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no user 'nobody'"), std::string::npos) << r.err;
  r = Kaizen("user remove nobody --db '" + db_ + "'");
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace kaizen
