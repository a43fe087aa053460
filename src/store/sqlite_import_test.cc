// Imports into the workspace: added, corrected and unchanged points, each point's history, a
// file imported twice, indicator versions, and the refusals (unknown indicator, read-only,
// busy, full), each leaving the workspace exactly as it was. Expected values are the test's
// own inputs, counted by hand.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "kaizen/workspace.h"
#include "test_support.h"
#include "workspace_test_support.h"

namespace kaizen {
namespace {

using testing::AllSeries;
using testing::Month;

Change By(const std::string& user, int minute = 0) {
  return {
      .user = user,
      .at = std::chrono::system_clock::from_time_t(1717405920 + 60 * minute),  // 2024-06-03 09:12
      .reason = "monthly data"};
}

Indicator Definition(const std::string& id, const std::string& name) {
  Indicator indicator;
  indicator.id = id;
  indicator.name = name;
  return indicator;
}

Catalogue CatalogueOf(const Indicator& indicator) {
  Catalogue catalogue;
  catalogue.indicators.push_back(indicator);
  return catalogue;
}

Series Values(const std::string& id, const std::vector<double>& values) {
  Series series = testing::MonthlyValues(values);
  series.indicator_id = id;
  series.organisation = "RXX";
  return series;
}

class WorkspaceImportTest : public testing::NewWorkspaceTest {
 protected:
  Catalogue catalogue_ = CatalogueOf(Definition("falls", "Inpatient falls"));
};

TEST_F(WorkspaceImportTest, AFirstImportAddsEveryPointAndDefinesTheIndicators) {
  auto outcome = workspace_->Import(By("jsmith"), {"may.csv", "aa"}, &catalogue_,
                                    {Values("falls", {12.3, 14, 11})});
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(outcome->import_id, 1);
  EXPECT_EQ(outcome->indicators_defined, 1);
  ASSERT_EQ(outcome->indicators.size(), 1u);
  EXPECT_EQ(outcome->indicators[0].added, 3);
  EXPECT_EQ(outcome->indicators[0].corrected, 0);
  const std::vector<Series> all = AllSeries(*workspace_);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].organisation, "RXX");
  EXPECT_EQ(all[0].values, (std::vector<double>{12.3, 14, 11}));
  EXPECT_EQ(all[0].periods[2], Month(2));
}

TEST_F(WorkspaceImportTest, TheSameFileAgainChangesNothingAndNamesTheEarlierImport) {
  ASSERT_TRUE(
      workspace_
          ->Import(By("jsmith"), {"may.csv", "aa"}, &catalogue_, {Values("falls", {12.3, 14})})
          .ok());
  auto again = workspace_->Import(By("jsmith", 5), {"may.csv", "aa"}, &catalogue_,
                                  {Values("falls", {12.3, 14})});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->changed_nothing());
  EXPECT_EQ(again->same_as_import, 1);
  EXPECT_EQ(again->indicators[0].unchanged, 2);
  EXPECT_EQ(workspace_->Imports()->size(), 1u);   // no second import recorded
  EXPECT_EQ(workspace_->AuditLog()->size(), 2u);  // the definition and the first import only
}

// issue 10: "12.3 from the May import, corrected to 12.9 in the June import by J. Smith".
TEST_F(WorkspaceImportTest, ACorrectionSupersedesTheValueAndKeepsTheOldOne) {
  ASSERT_TRUE(
      workspace_
          ->Import(By("asmith"), {"may.csv", "aa"}, &catalogue_, {Values("falls", {12.3, 14})})
          .ok());
  auto june = workspace_->Import(By("J. Smith", 60), {"june.csv", "bb"}, &catalogue_,
                                 {Values("falls", {12.9, 14, 15})});
  ASSERT_TRUE(june.ok()) << june.status().ToString();
  EXPECT_EQ(june->import_id, 2);
  EXPECT_EQ(june->indicators[0].added, 1);      // March, new
  EXPECT_EQ(june->indicators[0].corrected, 1);  // January, 12.3 -> 12.9
  EXPECT_EQ(june->indicators[0].unchanged, 1);  // February, 14
  EXPECT_EQ(AllSeries(*workspace_)[0].values, (std::vector<double>{12.9, 14, 15}));

  auto history = workspace_->PointHistory("falls", "RXX", Month(0));
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].observation.value, 12.3);
  EXPECT_EQ((*history)[0].import.file_name, "may.csv");
  EXPECT_EQ((*history)[0].import.imported_by, "asmith");
  EXPECT_EQ((*history)[1].revision, 2);
  EXPECT_EQ((*history)[1].observation.value, 12.9);
  EXPECT_EQ((*history)[1].import.file_name, "june.csv");
  EXPECT_EQ((*history)[1].import.imported_by, "J. Smith");
  EXPECT_EQ((*history)[1].import.imported_at, "2024-06-03T10:12:00Z");

  // The import's audit entry says what the correction was.
  auto log = workspace_->AuditLog();
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log->back().action, "import");
  EXPECT_NE(log->back().before.find("falls RXX 2020-01-01: 12.3"), std::string::npos);
  EXPECT_NE(log->back().after.find("falls RXX 2020-01-01: 12.9"), std::string::npos);
  EXPECT_TRUE(workspace_->VerifyAudit()->ok());
}

// Each revision keeps the line its file gave the point: the first file's for the first, the
// correcting file's for the correction; a series whose reader knew no lines records 0.
TEST_F(WorkspaceImportTest, EachRevisionRemembersTheLineItCameFrom) {
  Series may = Values("falls", {12.3, 14});
  may.source_lines = {2, 3};
  ASSERT_TRUE(workspace_->Import(By("asmith"), {"may.csv", "aa"}, &catalogue_, {may}).ok());
  Series june = Values("falls", {12.9, 14, 15});
  june.source_lines = {7, 8, 9};
  ASSERT_TRUE(workspace_->Import(By("jsmith", 60), {"june.csv", "bb"}, &catalogue_, {june}).ok());
  Series unknown = Values("falls", {12.9, 14, 15, 16});  // no lines: built in code
  ASSERT_TRUE(workspace_->Import(By("jsmith", 90), {"july", "cc"}, &catalogue_, {unknown}).ok());

  auto january = workspace_->PointHistory("falls", "RXX", Month(0)).value();
  ASSERT_EQ(january.size(), 2u);
  EXPECT_EQ(january[0].line, 2);
  EXPECT_EQ(january[1].line, 7);
  auto february = workspace_->PointHistory("falls", "RXX", Month(1)).value();
  ASSERT_EQ(february.size(), 1u);  // unchanged in June: the May row is where it came from
  EXPECT_EQ(february[0].line, 3);
  EXPECT_EQ(workspace_->PointHistory("falls", "RXX", Month(2)).value()[0].line, 9);
  EXPECT_EQ(workspace_->PointHistory("falls", "RXX", Month(3)).value()[0].line, 0);
}

// Observations are written in batches of rows: series longer and shorter than a batch, and not a
// multiple of it, come back whole, and a re-import correcting every 7th point counts them.
TEST_F(WorkspaceImportTest, SeriesOfEveryLengthAroundABatchComeBackWhole) {
  const std::vector<int> lengths = {45, 70, 33, 1, 64};
  std::vector<Series> first, second;
  for (std::size_t s = 0; s < lengths.size(); ++s) {
    std::vector<double> values;
    for (int i = 0; i < lengths[s]; ++i) values.push_back(100.0 * s + i);
    Series series = Values("falls", values);
    series.organisation = "ORG" + std::to_string(s);
    first.push_back(series);
    for (int i = 0; i < lengths[s]; i += 7) series.values[i] += 0.5;  // every 7th corrected
    series.Add({.period = Month(lengths[s]), .value = -1});           // one month more
    second.push_back(series);
  }
  ASSERT_TRUE(workspace_->Import(By("a"), {"a.csv", "aa"}, &catalogue_, first).ok());
  auto outcome = workspace_->Import(By("b"), {"b.csv", "bb"}, &catalogue_, second);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  // Corrected: ceil(n / 7) per series = 7 + 10 + 5 + 1 + 10 = 33; added: one per series; the
  // rest (213 - 33) unchanged.
  EXPECT_EQ(outcome->indicators[0].corrected, 33);
  EXPECT_EQ(outcome->indicators[0].added, 5);
  EXPECT_EQ(outcome->indicators[0].unchanged, 213 - 33);
  const std::vector<Series> all = AllSeries(*workspace_);
  ASSERT_EQ(all.size(), lengths.size());
  for (std::size_t s = 0; s < lengths.size(); ++s) {
    EXPECT_EQ(all[s].organisation, second[s].organisation);
    EXPECT_EQ(all[s].values, second[s].values) << all[s].organisation;
    EXPECT_EQ(all[s].periods, second[s].periods) << all[s].organisation;
  }
}

TEST_F(WorkspaceImportTest, AMissingValueAndARatioAreKeptAsTheyWere) {
  Series ratios = testing::MonthlyRatios({3, 4}, {120, 130});
  ratios.indicator_id = "falls";
  ratios.values[1] = std::nan("");
  ASSERT_TRUE(workspace_->Import(By("a"), {"r.csv", "cc"}, &catalogue_, {ratios}).ok());
  const Series back = AllSeries(*workspace_)[0];
  EXPECT_EQ(back.numerators, (std::vector<double>{3, 4}));
  EXPECT_EQ(back.denominators, (std::vector<double>{120, 130}));
  EXPECT_TRUE(std::isnan(back.values[1]));
}

TEST_F(WorkspaceImportTest, ASeriesOfAnUndefinedIndicatorIsRefusedAndNothingIsImported) {
  auto outcome = workspace_->Import(By("a"), {"x.csv", "dd"}, &catalogue_,
                                    {Values("falls", {1}), Values("typo", {2})});
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(outcome.status().message().find("'typo'"), std::string::npos);
  EXPECT_TRUE(workspace_->Imports()->empty());
  EXPECT_TRUE(workspace_->Indicators()->empty());  // the definition rolled back with the rest
  EXPECT_TRUE(workspace_->AuditLog()->empty());
}

TEST_F(WorkspaceImportTest, AChangedDefinitionIsANewVersionAndTheOldOneStaysReadable) {
  ASSERT_EQ(workspace_->DefineIndicator(By("a"), Definition("falls", "Falls")).value(), 1);
  ASSERT_EQ(workspace_->DefineIndicator(By("a"), Definition("falls", "Falls")).value(), 1);
  Change renamed = By("b", 1);
  renamed.reason = "board asked for the full name";
  ASSERT_EQ(workspace_->DefineIndicator(renamed, Definition("falls", "Inpatient falls")).value(),
            2);
  auto history = workspace_->IndicatorHistory("falls");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].definition.name, "Falls");
  EXPECT_EQ((*history)[1].definition.name, "Inpatient falls");
  EXPECT_EQ((*history)[1].changed_by, "b");
  EXPECT_EQ((*history)[1].reason, "board asked for the full name");
  EXPECT_EQ(workspace_->CurrentCatalogue()->indicators.at(0).name, "Inpatient falls");
  EXPECT_EQ(workspace_->IndicatorHistory("nope").status().code(), StatusCode::kNotFound);
}

TEST_F(WorkspaceImportTest, EveryDefinitionFieldSurvivesTheFile) {
  Indicator d = Definition("ae", "A&E 4 hours");
  d.reference = "OP-04";
  d.unit = "%";
  d.direction = Direction::kHigherIsBetter;
  d.chart = ChartType::kPPrime;
  d.profile = "nhsr";
  d.overrides = {{"shift", "8"}, {"trend", "off"}};
  d.conflict_preference = ConflictPreference::kImprovement;
  d.multiplier = 100;
  d.decimals = 1;
  d.aggregation = Aggregation::kSum;
  d.accountable_person = "COO";
  d.data_quality = "Sufficient";
  d.refresh = "monthly";
  d.measure_type = "outcome";
  d.value_expression = "seen / attendances";
  ASSERT_TRUE(workspace_->DefineIndicator(By("a"), d).ok());
  const Indicator back = workspace_->Indicators()->at(0).definition;
  EXPECT_EQ(DefinitionFields(back), DefinitionFields(d));
}

TEST_F(WorkspaceImportTest, AReadOnlyWorkspaceRefusesAnImport) {
  auto read_only = OpenWorkspace(path_, WorkspaceMode::kReadOnly);
  ASSERT_TRUE(read_only.ok());
  auto outcome =
      read_only.value()->Import(By("a"), {"x.csv", "ee"}, &catalogue_, {Values("falls", {1})});
  EXPECT_EQ(outcome.status().code(), StatusCode::kPermissionDenied);
}

// Another process holds the write lock: the import waits for the busy timeout, then fails with
// Busy and changes nothing.
TEST_F(WorkspaceImportTest, ALockedWorkspaceIsBusyAfterTheTimeout) {
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto waiting =
      OpenWorkspace(path_, WorkspaceMode::kOpen, {.busy_timeout = std::chrono::milliseconds(50)});
  ASSERT_TRUE(waiting.ok());
  auto outcome =
      waiting.value()->Import(By("a"), {"x.csv", "ff"}, &catalogue_, {Values("falls", {1})});
  EXPECT_EQ(outcome.status().code(), StatusCode::kBusy);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_TRUE(workspace_->Imports()->empty());
}

// A full disk in the middle of an import (emulated by the size limit): ResourceExhausted, and
// the workspace holds exactly what it held before.
TEST_F(WorkspaceImportTest, AFullDiskRollsTheImportBackAndLosesNothing) {
  ASSERT_TRUE(
      workspace_->Import(By("a"), {"may.csv", "aa"}, &catalogue_, {Values("falls", {1, 2, 3})})
          .ok());
  workspace_.reset();
  auto limited = OpenWorkspace(path_, WorkspaceMode::kOpen, {.max_size_bytes = 200 * 1024});
  ASSERT_TRUE(limited.ok()) << limited.status().ToString();
  std::vector<Series> many;
  for (int s = 0; s < 200; ++s) {
    Series series = Values("falls", std::vector<double>(60, 1.5 + s));
    series.organisation = "ORG" + std::to_string(s);
    many.push_back(std::move(series));
  }
  auto outcome = limited.value()->Import(By("a"), {"big.csv", "bb"}, &catalogue_, many);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(outcome.status().message().find("full"), std::string::npos);
  EXPECT_TRUE(limited.value()->CheckIntegrity().ok());
  const std::vector<Series> all = AllSeries(*limited.value());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].values, (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(limited.value()->Imports()->size(), 1u);
}

// A damaged page (here: one page of the observations overwritten, as a failing disk might):
// The import writes observations with the foreign keys off; the integrity check looks at every
// reference, so an observation whose series was removed behind kaizen's back is named.
TEST_F(WorkspaceImportTest, TheIntegrityCheckNamesADanglingReference) {
  ASSERT_TRUE(
      workspace_->Import(By("a"), {"may.csv", "aa"}, &catalogue_, {Values("falls", {1, 2})}).ok());
  EXPECT_TRUE(workspace_->CheckIntegrity().ok());
  workspace_.reset();
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  // A raw connection has foreign keys off (SQLite's default), as a careless tool would.
  ASSERT_EQ(sqlite3_exec(raw, "DELETE FROM series", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  auto opened = OpenWorkspace(path_, WorkspaceMode::kReadOnly);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  const Status status = opened.value()->CheckIntegrity();
  EXPECT_EQ(status.code(), StatusCode::kCorruption) << status.ToString();
  EXPECT_NE(status.message().find("a row of observations refers to a missing row of series"),
            std::string::npos)
      << status.message();
}

// CheckIntegrity names the damage as Corruption, never a crash.
TEST_F(WorkspaceImportTest, ADamagedPageIsFoundByTheIntegrityCheck) {
  std::vector<Series> many;
  for (int s = 0; s < 50; ++s) {
    Series series = Values("falls", std::vector<double>(60, 0.5 + s));
    series.organisation = "ORG" + std::to_string(s);
    many.push_back(std::move(series));
  }
  ASSERT_TRUE(workspace_->Import(By("a"), {"big.csv", "bb"}, &catalogue_, many).ok());
  workspace_.reset();  // the last connection checkpoints the WAL into the file
  std::FILE* file = std::fopen(path_.c_str(), "r+b");
  ASSERT_NE(file, nullptr);
  std::fseek(file, 0, SEEK_END);
  const long pages = std::ftell(file) / 4096;
  ASSERT_GT(pages, 6);
  std::fseek(file, 4096 * (pages - 3), SEEK_SET);
  const std::string garbage(4096, '\x5a');
  std::fwrite(garbage.data(), 1, garbage.size(), file);
  std::fclose(file);

  auto opened = OpenWorkspace(path_, WorkspaceMode::kReadOnly);
  const Status status = opened.ok() ? opened.value()->CheckIntegrity() : opened.status();
  EXPECT_EQ(status.code(), StatusCode::kCorruption) << status.ToString();
}

}  // namespace
}  // namespace kaizen
