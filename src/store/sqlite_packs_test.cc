// Frozen packs: stored byte for byte with their sha256 and high-water marks, listed without
// their content, never changed; and Backup's copy, which opens as the same workspace.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "kaizen/workspace.h"
#include "test_support.h"
#include "workspace_test_support.h"

namespace kaizen {
namespace {

Change At(const std::string& user, int day) {
  using namespace std::chrono;
  return {.user = user, .at = sys_days{year{2024} / June / day} + hours{14}, .reason = "board"};
}

// A workspace with one indicator (audit entry 1) and one import of two months (entry 2).
std::unique_ptr<Workspace> MakeWorkspace(const std::string& path) {
  auto w = OpenWorkspace(path, WorkspaceMode::kCreate);
  EXPECT_TRUE(w.ok()) << w.status().ToString();
  if (!w.ok()) return nullptr;
  Indicator d = testing::MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  d.id = "ae-4h";
  EXPECT_TRUE(w.value()->DefineIndicator(At("alice", 1), d).ok());
  Series series = testing::MonthlyValues({71.5, 73.25});
  series.indicator_id = "ae-4h";
  series.organisation = "RXX";
  EXPECT_TRUE(w.value()->Import(At("alice", 1), {"may.csv", "00"}, nullptr, {series}).ok());
  return std::move(w).value();
}

// The pdf holds a NUL and bytes that are not UTF-8, as a real PDF does.
constexpr char kPdfBytes[] = "%PDF-1.4\n\0\xff\xfe binary";
const std::string kPdf(kPdfBytes, sizeof kPdfBytes - 1);

using testing::RawSql;

TEST(FrozenPackTest, FreezeStoresTheBytesTheirHashAndTheMarks) {
  testing::TemporaryDirectory dir("kaizen-packs");
  auto w = MakeWorkspace(dir.path() + "/w.kaizen");
  ASSERT_NE(w, nullptr);
  ASSERT_EQ(kPdf.size(), 19u);
  // "ab" + "c" is FIPS 180-2's "abc" (appendix B.1): the sha256 covers html then pdf.
  auto id = w->Freeze(At("bob", 3), {.title = "Board, May 2024", .html = "ab", .pdf = "c"});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(id.value(), 1);
  auto pack = w->Pack(1);
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  EXPECT_EQ(pack->title, "Board, May 2024");
  EXPECT_EQ(pack->html, "ab");
  EXPECT_EQ(pack->pdf, "c");
  EXPECT_EQ(pack->sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(pack->frozen_by, "bob");
  EXPECT_EQ(pack->frozen_at, "2024-06-03T14:00:00Z");
  EXPECT_EQ(pack->last_import_id, 1);  // the one import
  EXPECT_EQ(pack->last_audit_seq, 3);  // define (1), import (2), and its own freeze entry (3)

  auto log = w->AuditLog();
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ(log->back().action, "freeze");
  EXPECT_EQ(log->back().subject, "pack 1");
  EXPECT_EQ(log->back().user, "bob");
  EXPECT_NE(log->back().after.find("title=Board, May 2024\n"), std::string::npos);
  EXPECT_TRUE(w->VerifyAudit()->ok());
}

TEST(FrozenPackTest, BinaryContentComesBackByteForByte) {
  testing::TemporaryDirectory dir("kaizen-packs");
  auto w = MakeWorkspace(dir.path() + "/w.kaizen");
  ASSERT_NE(w, nullptr);
  const std::string html = "<!doctype html><p>caf\xc3\xa9</p>";
  ASSERT_TRUE(w->Freeze(At("bob", 3), {.title = "T", .html = html, .pdf = kPdf}).ok());
  auto pack = w->Pack(1);
  ASSERT_TRUE(pack.ok());
  EXPECT_EQ(pack->html, html);
  EXPECT_EQ(pack->pdf, kPdf);
  EXPECT_EQ(pack->pdf.size(), 19u);
}

TEST(FrozenPackTest, PacksListsEveryPackOldestFirstWithoutContent) {
  testing::TemporaryDirectory dir("kaizen-packs");
  auto w = MakeWorkspace(dir.path() + "/w.kaizen");
  ASSERT_NE(w, nullptr);
  ASSERT_EQ(w->Freeze(At("bob", 3), {.title = "May", .html = "<p>May</p>"}).value(), 1);
  ASSERT_EQ(w->Freeze(At("carol", 4), {.title = "June", .html = "<p>June</p>"}).value(), 2);
  auto packs = w->Packs();
  ASSERT_TRUE(packs.ok()) << packs.status().ToString();
  ASSERT_EQ(packs->size(), 2u);
  EXPECT_EQ((*packs)[0].id, 1);
  EXPECT_EQ((*packs)[0].title, "May");
  EXPECT_EQ((*packs)[0].html, "");
  EXPECT_EQ((*packs)[1].title, "June");
  EXPECT_EQ((*packs)[1].frozen_by, "carol");
  EXPECT_EQ((*packs)[1].last_audit_seq, 4);  // after the first pack's entry (3)
  EXPECT_EQ((*packs)[1].sha256, Sha256Hex("<p>June</p>"));
}

TEST(FrozenPackTest, RefusalsNameTheirReason) {
  testing::TemporaryDirectory dir("kaizen-packs");
  const std::string path = dir.path() + "/w.kaizen";
  auto w = MakeWorkspace(path);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->Pack(7).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(w->Freeze(At("bob", 3), {.title = "", .html = "x"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(w->Freeze(At("bob", 3), {.title = "T", .html = ""}).status().code(),
            StatusCode::kInvalidArgument);
  w.reset();
  auto read_only = OpenWorkspace(path, WorkspaceMode::kReadOnly);
  ASSERT_TRUE(read_only.ok());
  EXPECT_EQ(read_only.value()->Freeze(At("bob", 3), {.title = "T", .html = "x"}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(read_only.value()->AuditLog()->size(), 2u);  // nothing was recorded
}

TEST(FrozenPackTest, TheDatabaseRefusesToChangeOrDeleteAPack) {
  testing::TemporaryDirectory dir("kaizen-packs");
  const std::string path = dir.path() + "/w.kaizen";
  {
    auto w = MakeWorkspace(path);
    ASSERT_NE(w, nullptr);
    ASSERT_TRUE(w->Freeze(At("bob", 3), {.title = "May", .html = "<p>May</p>"}).ok());
  }
  EXPECT_EQ(RawSql(path, "UPDATE packs SET title = 'forged' WHERE id = 1"),
            "a frozen pack cannot change");
  EXPECT_EQ(RawSql(path, "UPDATE packs SET html = CAST('forged' AS BLOB) WHERE id = 1"),
            "a frozen pack cannot change");
  EXPECT_EQ(RawSql(path, "DELETE FROM packs WHERE id = 1"), "a frozen pack cannot be deleted");
  auto w = OpenWorkspace(path, WorkspaceMode::kReadOnly);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w.value()->Pack(1)->html, "<p>May</p>");
}

TEST(BackupTest, TheCopyOpensAsTheSameWorkspace) {
  testing::TemporaryDirectory dir("kaizen-packs");
  auto w = MakeWorkspace(dir.path() + "/w.kaizen");
  ASSERT_NE(w, nullptr);
  ASSERT_TRUE(w->Freeze(At("bob", 3), {.title = "May", .html = "<p>May</p>", .pdf = kPdf}).ok());
  const std::string copy_path = dir.path() + "/copy.kaizen";
  ASSERT_TRUE(w->Backup(copy_path).ok());

  auto copy = OpenWorkspace(copy_path, WorkspaceMode::kOpen);
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  EXPECT_TRUE(copy.value()->CheckIntegrity().ok());
  EXPECT_EQ(copy.value()->SchemaVersion(), 2);
  EXPECT_EQ(copy.value()->Pack(1)->pdf, kPdf);
  auto log = copy.value()->AuditLog();
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ(log->back().hash, w->AuditLog()->back().hash);
  EXPECT_TRUE(copy.value()->VerifyAudit()->ok());
  std::vector<double> values;
  ASSERT_TRUE(copy.value()
                  ->ForEachSeries([&](Series&& s) {
                    values.insert(values.end(), s.values.begin(), s.values.end());
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(values, (std::vector<double>{71.5, 73.25}));
  ASSERT_EQ(copy.value()->Indicators()->size(), 1u);
  EXPECT_EQ(copy.value()->Indicators()->front().definition.id, "ae-4h");
}

TEST(BackupTest, AnExistingTargetIsAlreadyExistsAndLeftAlone) {
  testing::TemporaryDirectory dir("kaizen-packs");
  auto w = MakeWorkspace(dir.path() + "/w.kaizen");
  ASSERT_NE(w, nullptr);
  const std::string taken = dir.path() + "/taken";
  {
    std::FILE* f = std::fopen(taken.c_str(), "w");
    std::fputs("notes\n", f);
    std::fclose(f);
  }
  Status status = w->Backup(taken);
  EXPECT_EQ(status.code(), StatusCode::kAlreadyExists);
  EXPECT_NE(status.message().find(taken), std::string::npos);
  EXPECT_EQ(testing::ReadFile(taken), "notes\n");
}

}  // namespace
}  // namespace kaizen
