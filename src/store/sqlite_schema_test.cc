// The schema's mark on the file and the refusals of files that are not (readable) workspaces.
#include "store/sqlite_schema.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "kaizen/workspace.h"
#include "test_support.h"

namespace kaizen {
namespace {

// Runs `sql` on the SQLite file at `path` outside kaizen (a foreign tool's view of the file).
void RunSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

// The single integer `sql` selects from the file at `path`.
int QueryInt(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_stmt* statement = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
  const int value = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int(statement, 0) : -1;
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

TEST(WorkspaceSchemaTest, ANewWorkspaceIsMarkedAndMigratedToTheLatestVersion) {
  testing::TemporaryDirectory dir("kaizen-schema");
  const std::string path = dir.path() + "/w.kaizen";
  ASSERT_TRUE(OpenWorkspace(path, WorkspaceMode::kCreate).ok());
  EXPECT_EQ(QueryInt(path, "PRAGMA application_id"), 0x4B5A4E31);  // "KZN1"
  EXPECT_EQ(QueryInt(path, "PRAGMA user_version"), 2);
  EXPECT_EQ(QueryInt(path, "SELECT count(*) FROM schema_migrations"), 2);
  // WAL is a property of the file: a fresh connection sees it (returned as text "wal").
  EXPECT_EQ(QueryInt(path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
}

TEST(WorkspaceSchemaTest, ATextFileIsNotAWorkspace) {
  testing::TemporaryDirectory dir("kaizen-schema");
  const std::string path = dir.path() + "/notes.txt";
  std::ofstream(path) << "period,value\n2024-01,3\n";
  auto opened = OpenWorkspace(path, WorkspaceMode::kOpen);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kCorruption);
  EXPECT_NE(opened.status().message().find("not a kaizen workspace"), std::string::npos);
}

TEST(WorkspaceSchemaTest, AnotherApplicationsSqliteFileIsNotAWorkspace) {
  testing::TemporaryDirectory dir("kaizen-schema");
  const std::string path = dir.path() + "/other.db";
  RunSql(path, "CREATE TABLE t (x); PRAGMA application_id = 7;");
  auto opened = OpenWorkspace(path, WorkspaceMode::kReadOnly);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kCorruption);
  EXPECT_NE(opened.status().message().find("not a kaizen workspace"), std::string::npos);
}

TEST(WorkspaceSchemaTest, ANewerSchemaIsRefusedWithUpgradeAdvice) {
  testing::TemporaryDirectory dir("kaizen-schema");
  const std::string path = dir.path() + "/future.kaizen";
  ASSERT_TRUE(OpenWorkspace(path, WorkspaceMode::kCreate).ok());
  RunSql(path, "PRAGMA user_version = 3;");  // as a later kaizen would leave it
  auto opened = OpenWorkspace(path, WorkspaceMode::kOpen);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(opened.status().message().find("version 3 is newer"), std::string::npos);
}

// A file of every earlier schema version opens migrated, keeping what it held.
TEST(WorkspaceSchemaTest, AVersionOneFileIsMigratedOnOpenAndKeepsItsOrganisations) {
  testing::TemporaryDirectory dir("kaizen-schema");
  const std::string path = dir.path() + "/v1.kaizen";
  RunSql(path, testing::ReadFile(testing::SourcePath("tests/data/workspace/schema-v1.sql")));
  ASSERT_EQ(QueryInt(path, "PRAGMA user_version"), 1);

  // Read-only cannot migrate: it says how to upgrade and leaves the file at version 1.
  auto read_only = OpenWorkspace(path, WorkspaceMode::kReadOnly);
  ASSERT_FALSE(read_only.ok());
  EXPECT_EQ(read_only.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(read_only.status().message().find("older"), std::string::npos);
  EXPECT_EQ(QueryInt(path, "PRAGMA user_version"), 1);

  auto opened = OpenWorkspace(path, WorkspaceMode::kOpen);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened.value()->SchemaVersion(), 2);
  opened.value().reset();
  EXPECT_EQ(QueryInt(path, "SELECT count(*) FROM schema_migrations"), 2);
  EXPECT_EQ(QueryInt(path, "SELECT count(*) FROM organisations WHERE code = 'RXX'"), 1);
  EXPECT_EQ(QueryInt(path, "SELECT count(*) FROM audit_log"), 0);  // a table of version 2
  EXPECT_EQ(QueryInt(path, "PRAGMA application_id"), 0x4B5A4E31);
}

}  // namespace
}  // namespace kaizen
