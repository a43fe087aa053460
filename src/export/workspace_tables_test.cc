// The workspace as tables and their CSV, JSON and .xlsx: a small workspace built here (two
// imports, one correcting a point, an approved rebase, a fact with a comma and quotes in it),
// every expected cell written from those inputs by hand; the workbook read back with kaizen's
// own .xlsx reader and its parts with libzip; and the CSV read back by the importer into a new
// workspace, which must then hold the same series.
#include "kaizen/workspace_tables.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "ingest/row_source.h"
#include "ingest/xlsx/xlsx_reader.h"
#include "kaizen/ingest.h"
#include "kaizen/workspace.h"
#include "test_support.h"
#include "workspace_test_support.h"

namespace kaizen {
namespace {

Change By(const std::string& user, int minute) {
  // 2024-06-03 09:12 UTC plus `minute` minutes.
  return {.user = user,
          .at = std::chrono::system_clock::from_time_t(1717405920 + 60 * minute),
          .reason = "monthly data"};
}

Date Day(int year, int month, int day) { return Date::FromCivil(year, month, day).value(); }

Series Weekly(const std::vector<double>& values) {
  Series s;
  s.indicator_id = "falls";
  s.organisation = "RXX";
  s.period_kind = PeriodKind::kIsoWeek;
  for (std::size_t i = 0; i < values.size(); ++i) {
    // Mondays 2024-01-01, -08, -15: ISO weeks 2024-W01, W02, W03.
    s.Add({.period = Day(2024, 1, 1 + 7 * static_cast<int>(i)), .value = values[i]});
  }
  return s;
}

Series Ratio() {
  Series s;
  s.indicator_id = "ae";
  s.organisation = "RXX";
  s.Add({.period = Day(2024, 1, 1), .numerator = 90, .denominator = 100});
  return s;
}

Catalogue TheCatalogue() {
  Catalogue catalogue;
  Indicator ae;
  ae.id = "ae";
  ae.name = "A&E within 4 hours";
  ae.chart = ChartType::kP;
  Indicator falls;
  falls.id = "falls";
  falls.name = "Inpatient falls";
  catalogue.indicators = {ae, falls};
  return catalogue;
}

using testing::AllSeries;

// A NaN-safe comparison of two number columns.
bool SameNumbers(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::isnan(a[i]) != std::isnan(b[i]) || (!std::isnan(a[i]) && a[i] != b[i])) return false;
  }
  return true;
}

class WorkspaceTablesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = OpenWorkspace(dir_.path() + "/w.kaizen", WorkspaceMode::kCreate);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    workspace_ = std::move(created).value();
    const Catalogue catalogue = TheCatalogue();
    ASSERT_TRUE(
        workspace_
            ->Import(By("alice", 0), {"a.csv", "aa"}, &catalogue, {Ratio(), Weekly({4, 7, 5})})
            .ok());
    // The second import corrects week 2 from 7 to 8.
    ASSERT_TRUE(
        workspace_->Import(By("bob", 1), {"b.csv", "bb"}, nullptr, {Weekly({4, 8, 5})}).ok());
    Proposal rebase{.kind = ProposalKind::kRebase,
                    .indicator_id = "falls",
                    .date = Day(2024, 1, 15),
                    .reason = "new process"};
    auto id = workspace_->Propose(By("carol", 2), rebase);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    Change decision = By("dave", 3);
    decision.reason = "agreed at board";
    ASSERT_TRUE(workspace_->Decide(decision, id.value(), true).ok());
    Comment fact{.indicator_id = "falls",
                 .period = Day(2024, 1, 8),
                 .kind = CommentKind::kFact,
                 .text = "Ward 3 closed, then \"reopened\"",
                 .source = "bed state, e-mail"};
    ASSERT_TRUE(workspace_->AddComment(By("erin", 4), fact).ok());
  }

  WorkspaceTable Read(WorkspaceTableKind kind) {
    auto table = ReadWorkspaceTable(workspace_.get(), kind);
    EXPECT_TRUE(table.ok()) << table.status().ToString();
    return table.ok() ? std::move(table).value() : WorkspaceTable{};
  }

  testing::TemporaryDirectory dir_{"kaizen-export"};
  std::unique_ptr<Workspace> workspace_;
};

TEST_F(WorkspaceTablesTest, ObservationsAreEachPointAtItsLatestRevision) {
  EXPECT_EQ(WorkspaceTableToCsv(Read(WorkspaceTableKind::kObservations)),
            "indicator,organisation,period,value,numerator,denominator\n"
            "ae,RXX,2024-01-01,,90,100\n"
            "falls,RXX,2024-W01,4,,\n"
            "falls,RXX,2024-W02,8,,\n"
            "falls,RXX,2024-W03,5,,\n");
}

TEST_F(WorkspaceTablesTest, HistoryHasEveryRevisionWithItsImport) {
  const std::string csv = WorkspaceTableToCsv(Read(WorkspaceTableKind::kHistory));
  // The second import changed only week 2, so it is the one point with a revision 2; the line
  // is 0 (unknown) for series given as values, so its cell is empty.
  EXPECT_EQ(csv,
            "indicator,organisation,period,revision,value,numerator,denominator,import_id,"
            "file_name,imported_by,imported_at,line\n"
            "ae,RXX,2024-01-01,1,,90,100,1,a.csv,alice,2024-06-03T09:12:00Z,\n"
            "falls,RXX,2024-W01,1,4,,,1,a.csv,alice,2024-06-03T09:12:00Z,\n"
            "falls,RXX,2024-W02,1,7,,,1,a.csv,alice,2024-06-03T09:12:00Z,\n"
            "falls,RXX,2024-W02,2,8,,,2,b.csv,bob,2024-06-03T09:13:00Z,\n"
            "falls,RXX,2024-W03,1,5,,,1,a.csv,alice,2024-06-03T09:12:00Z,\n");
}

TEST_F(WorkspaceTablesTest, DecisionsAndCommentaryWithRfc4180Quoting) {
  EXPECT_EQ(WorkspaceTableToCsv(Read(WorkspaceTableKind::kDecisions)),
            "id,kind,indicator,organisation,date,target,set_by,baseline_first_n,baseline_from,"
            "baseline_to,reason,proposed_by,proposed_at,state,decided_by,decided_at,"
            "decision_comment\n"
            "1,rebase,falls,,2024-01-15,,,,,,new process,carol,2024-06-03T09:14:00Z,approved,dave,"
            "2024-06-03T09:15:00Z,agreed at board\n");
  EXPECT_EQ(WorkspaceTableToCsv(Read(WorkspaceTableKind::kCommentary)),
            "id,indicator,organisation,period,kind,text,source,author,created_by,created_at\n"
            "1,falls,,2024-01-08,fact,\"Ward 3 closed, then \"\"reopened\"\"\",\"bed state, "
            "e-mail\",,erin,2024-06-03T09:16:00Z\n");
}

TEST_F(WorkspaceTablesTest, AuditHasOneEntryPerChangeInOrder) {
  const WorkspaceTable audit = Read(WorkspaceTableKind::kAudit);
  // Two definitions (ae, falls), two imports, a proposal, its approval and a comment.
  std::vector<std::string> actions, users;
  for (const auto& row : audit.rows) {
    actions.push_back(row[3].text);
    users.push_back(row[2].text);
  }
  ASSERT_EQ(audit.rows.size(), 7u);
  EXPECT_EQ(audit.rows[0][0].number, 1);
  EXPECT_EQ(audit.rows[6][0].number, 7);
  EXPECT_EQ(actions.front(), "define_indicator");
  EXPECT_EQ(users,
            (std::vector<std::string>{"alice", "alice", "alice", "bob", "carol", "dave", "erin"}));
}

TEST_F(WorkspaceTablesTest, JsonHasTheSchemaVersionAndTypedValues) {
  const std::string text = WorkspaceTablesToJson(
      {Read(WorkspaceTableKind::kObservations), Read(WorkspaceTableKind::kDecisions)});
  const auto json = nlohmann::json::parse(text);
  EXPECT_EQ(text.rfind("{\n  \"schema_version\": 1,\n", 0), 0u);  // it heads the document
  EXPECT_EQ(json["schema_version"], 1);
  ASSERT_EQ(json["observations"].size(), 4u);
  const auto& ae = json["observations"][0];
  EXPECT_EQ(ae["period"], "2024-01-01");
  EXPECT_TRUE(ae["value"].is_null());
  EXPECT_TRUE(ae["numerator"].is_number_integer());
  EXPECT_EQ(ae["numerator"], 90);
  EXPECT_EQ(json["observations"][2]["period"], "2024-W02");
  EXPECT_EQ(json["observations"][2]["value"], 8);
  EXPECT_EQ(json["decisions"][0]["state"], "approved");
  EXPECT_EQ(json["decisions"][0]["decided_by"], "dave");
  EXPECT_TRUE(json["decisions"][0]["target"].is_null());
}

TEST(WorkspaceTablesJson, FractionsStayFractions) {
  WorkspaceTable t{
      .name = "t", .columns = {{"x", ColumnType::kNumber}}, .rows = {{{.number = 0.1}}}};
  EXPECT_EQ(nlohmann::json::parse(WorkspaceTablesToJson({t}))["t"][0]["x"].get<double>(), 0.1);
}

// ---- .xlsx ----------------------------------------------------------------------------------

// Every row of one sheet, each cell as the reader gives it (text).
class Collect final : public ingest::RowSink {
 public:
  Status OnRow(int, std::span<const std::string_view> fields) override {
    rows.emplace_back(fields.begin(), fields.end());
    return Status::Ok();
  }
  Status OnBadRow(std::string_view, int, int, std::string message) override {
    return Status::InvalidArgument(message);
  }
  std::vector<std::vector<std::string>> rows;
};

std::vector<std::vector<std::string>> SheetRows(const std::string& path, const std::string& sheet) {
  Collect sink;
  Diagnostics diagnostics;
  const Status read = ingest::ReadXlsxRows(path, sheet, &diagnostics, sink);
  EXPECT_TRUE(read.ok()) << read.ToString();
  return sink.rows;
}

// One part of the workbook, as XML text.
std::string Part(const std::string& path, const std::string& name) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return "";
  std::string text;
  zip_stat_t stat;
  if (zip_stat(archive, name.c_str(), 0, &stat) == 0) {
    zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
    text.resize(stat.size);
    if (file != nullptr) {
      zip_fread(file, text.data(), stat.size);
      zip_fclose(file);
    }
  }
  zip_close(archive);
  return text;
}

// The opening tag of cell `ref` in a sheet's XML ("<c r="D3" s="1" t="s">"), or "".
std::string CellTag(const std::string& xml, const std::string& ref) {
  const auto at = xml.find("<c r=\"" + ref + "\"");
  if (at == std::string::npos) return "";
  return xml.substr(at, xml.find('>', at) - at + 1);
}

std::string WriteWorkbook(const std::string& dir, const std::vector<WorkspaceTable>& tables) {
  auto bytes = WorkspaceTablesToXlsx(tables);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  const std::string path = dir + "/w.xlsx";
  std::ofstream(path, std::ios::binary) << (bytes.ok() ? bytes.value() : "");
  return path;
}

TEST_F(WorkspaceTablesTest, WorkbookHasOneSheetPerTableReadBackCellByCell) {
  const std::string path = WriteWorkbook(dir_.path(), {Read(WorkspaceTableKind::kObservations),
                                                       Read(WorkspaceTableKind::kCommentary)});
  const auto observations = SheetRows(path, "observations");
  ASSERT_EQ(observations.size(), 5u);
  EXPECT_EQ(observations[0], (std::vector<std::string>{"indicator", "organisation", "period",
                                                       "value", "numerator", "denominator"}));
  // The reader omits trailing empty cells.
  EXPECT_EQ(observations[1],
            (std::vector<std::string>{"ae", "RXX", "2024-01-01", "", "90", "100"}));
  EXPECT_EQ(observations[3], (std::vector<std::string>{"falls", "RXX", "2024-W02", "8"}));
  const auto commentary = SheetRows(path, "commentary");
  ASSERT_EQ(commentary.size(), 2u);
  EXPECT_EQ(commentary[1][5], "Ward 3 closed, then \"reopened\"");
  EXPECT_EQ(commentary[1][6], "bed state, e-mail");
}

TEST_F(WorkspaceTablesTest, WorkbookHeaderIsBoldNumbersAreNumbersPeriodsAreText) {
  const std::string path = WriteWorkbook(dir_.path(), {Read(WorkspaceTableKind::kObservations)});
  const std::string sheet = Part(path, "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty());
  // A1 carries a style (the bold one), the data cells none; a shared string is t="s", a number
  // has no type (Excel's default, a number).
  const std::string a1 = CellTag(sheet, "A1");
  EXPECT_NE(a1.find(" s=\"1\""), std::string::npos) << a1;
  EXPECT_NE(a1.find(" t=\"s\""), std::string::npos) << a1;
  EXPECT_NE(CellTag(sheet, "C4").find(" t=\"s\""), std::string::npos);  // "2024-W02" as text
  EXPECT_EQ(CellTag(sheet, "D4"), "<c r=\"D4\">");                      // 8, a number
  EXPECT_EQ(CellTag(sheet, "E2"), "<c r=\"E2\">");                      // 90
  EXPECT_EQ(CellTag(sheet, "D2"), "");  // a missing value: no cell at all
  EXPECT_NE(sheet.find("<c r=\"D4\"><v>8</v></c>"), std::string::npos);
  // Style 1's font is bold.
  const std::string styles = Part(path, "xl/styles.xml");
  EXPECT_NE(styles.find("<b/>"), std::string::npos);
}

TEST(WorkspaceTablesXlsx, TextLongerThanACellIsCutAndSaysSo) {
  testing::TemporaryDirectory dir("kaizen-export-long");
  WorkspaceTable t{.name = "audit",
                   .columns = {{"after", ColumnType::kText}},
                   .rows = {{{.text = std::string(40000, 'x')}}}};
  const auto rows = SheetRows(WriteWorkbook(dir.path(), {t}), "audit");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0].substr(0, 32000), std::string(32000, 'x'));
  EXPECT_NE(rows[1][0].find("cut: 40000 bytes in all"), std::string::npos);
  EXPECT_LE(rows[1][0].size(), 32767u);
}

TEST(WorkspaceTablesXlsx, MoreRowsThanASheetHoldsIsRefused) {
  WorkspaceTable t{.name = "observations", .columns = {{"value", ColumnType::kNumber}}};
  t.rows.assign(1048576, {TableCell{.number = 1}});
  auto bytes = WorkspaceTablesToXlsx({t});
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(bytes.status().message().find("1048576 rows"), std::string::npos);
}

// ---- the round trip -------------------------------------------------------------------------

TEST_F(WorkspaceTablesTest, ObservationsCsvImportsBackToTheSameSeries) {
  const std::string csv_path = dir_.path() + "/observations.csv";
  std::ofstream(csv_path) << WorkspaceTableToCsv(Read(WorkspaceTableKind::kObservations));
  const Catalogue catalogue = TheCatalogue();
  Diagnostics diagnostics;
  auto series = ReadAllSeries(csv_path, &catalogue, ReadOptions{}, &diagnostics);
  ASSERT_TRUE(series.ok()) << series.status().ToString();
  auto copy = OpenWorkspace(dir_.path() + "/copy.kaizen", WorkspaceMode::kCreate);
  ASSERT_TRUE(copy.ok());
  ASSERT_TRUE(copy.value()
                  ->Import(By("frank", 9), {"observations.csv", "cc"}, &catalogue, series.value())
                  .ok());
  const std::vector<Series> before = AllSeries(*workspace_);
  const std::vector<Series> after = AllSeries(*copy.value());
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    SCOPED_TRACE(before[i].indicator_id);
    EXPECT_EQ(after[i].indicator_id, before[i].indicator_id);
    EXPECT_EQ(after[i].organisation, before[i].organisation);
    EXPECT_EQ(after[i].period_kind, before[i].period_kind);
    EXPECT_EQ(after[i].periods, before[i].periods);
    EXPECT_TRUE(SameNumbers(after[i].values, before[i].values));
    EXPECT_TRUE(SameNumbers(after[i].numerators, before[i].numerators));
    EXPECT_TRUE(SameNumbers(after[i].denominators, before[i].denominators));
  }
}

}  // namespace
}  // namespace kaizen
