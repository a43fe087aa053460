// Opening a workspace file in each mode, and the refusals of a wrong mode.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "kaizen/workspace.h"
#include "test_support.h"

namespace kaizen {
namespace {

TEST(OpenWorkspaceTest, CreateMakesTheFileThenOpenAndReadOnlyFindIt) {
  testing::TemporaryDirectory dir("kaizen-store");
  const std::string path = dir.path() + "/w.kaizen";
  auto created = OpenWorkspace(path, WorkspaceMode::kCreate);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_FALSE(created.value()->ReadOnly());
  EXPECT_EQ(created.value()->Location(), path);
  created.value().reset();
  auto opened = OpenWorkspace(path, WorkspaceMode::kOpen);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_TRUE(opened.value()->CheckIntegrity().ok());
  auto read_only = OpenWorkspace(path, WorkspaceMode::kReadOnly);
  ASSERT_TRUE(read_only.ok()) << read_only.status().ToString();
  EXPECT_TRUE(read_only.value()->ReadOnly());
}

TEST(OpenWorkspaceTest, OpeningAMissingFileIsNotFoundAndCreatesNothing) {
  testing::TemporaryDirectory dir("kaizen-store");
  const std::string path = dir.path() + "/missing.kaizen";
  for (WorkspaceMode mode : {WorkspaceMode::kOpen, WorkspaceMode::kReadOnly}) {
    auto opened = OpenWorkspace(path, mode);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().code(), StatusCode::kNotFound);
    EXPECT_NE(opened.status().message().find(path), std::string::npos);
  }
  EXPECT_FALSE(std::ifstream(path).good());
}

TEST(OpenWorkspaceTest, CreatingOverAnExistingFileIsAlreadyExists) {
  testing::TemporaryDirectory dir("kaizen-store");
  const std::string path = dir.path() + "/taken.kaizen";
  std::ofstream(path) << "someone's notes\n";
  auto created = OpenWorkspace(path, WorkspaceMode::kCreate);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(testing::ReadFile(path), "someone's notes\n");  // left untouched
}

TEST(OpenWorkspaceTest, OpeningAReadOnlyFileForWritingIsPermissionDenied) {
  if (geteuid() == 0) GTEST_SKIP() << "root may write any file";
  testing::TemporaryDirectory dir("kaizen-store");
  const std::string path = dir.path() + "/locked.kaizen";
  ASSERT_TRUE(OpenWorkspace(path, WorkspaceMode::kCreate).ok());
  ASSERT_EQ(chmod(path.c_str(), 0444), 0);
  auto opened = OpenWorkspace(path, WorkspaceMode::kOpen);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace kaizen
