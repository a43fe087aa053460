// Helpers shared by the workspace's store, export and end-to-end tests: a new workspace in a
// private directory, every series it holds, and SQL run on its file outside kaizen (to damage
// or tamper with it as another tool could).
#ifndef KAIZEN_TESTS_WORKSPACE_TEST_SUPPORT_H_
#define KAIZEN_TESTS_WORKSPACE_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "kaizen/workspace.h"
#include "test_support.h"

namespace kaizen::testing {

// Every series of the workspace (the latest revision of each point); a test failure when the
// workspace cannot be read.
std::vector<Series> AllSeries(Workspace& workspace);

// Runs `sql` on the file with a raw SQLite connection (foreign keys off, no kaizen triggers
// bypassed unless the SQL drops them); returns SQLite's message, "" when it succeeded.
std::string RawSql(const std::string& path, const std::string& sql);

// A test with a new, empty workspace at path_ (workspace_), in a directory of its own.
class NewWorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override;

  TemporaryDirectory dir_{"kaizen-workspace"};
  std::string path_ = dir_.path() + "/w.kaizen";
  std::unique_ptr<Workspace> workspace_;
};

}  // namespace kaizen::testing

#endif  // KAIZEN_TESTS_WORKSPACE_TEST_SUPPORT_H_
