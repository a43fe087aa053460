#include "workspace_test_support.h"

#include <sqlite3.h>

#include <utility>

namespace kaizen::testing {

std::vector<Series> AllSeries(Workspace& workspace) {
  std::vector<Series> all;
  Status read = workspace.ForEachSeries([&](Series&& s) {
    all.push_back(std::move(s));
    return Status::Ok();
  });
  EXPECT_TRUE(read.ok()) << read.ToString();
  return all;
}

std::string RawSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "cannot open " + path;
    sqlite3_close(db);
    return message;
  }
  char* error = nullptr;
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  return message;
}

void NewWorkspaceTest::SetUp() {
  auto created = OpenWorkspace(path_, WorkspaceMode::kCreate);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  workspace_ = std::move(created).value();
}

}  // namespace kaizen::testing
