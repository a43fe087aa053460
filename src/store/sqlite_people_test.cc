// Organisations and users in the workspace: upserts with their checks, removal, and an audit
// entry for each change.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "kaizen/workspace.h"
#include "test_support.h"
#include "workspace_test_support.h"

namespace kaizen {
namespace {

Change By(const std::string& user) {
  using namespace std::chrono;
  return {.user = user, .at = sys_days{year{2024} / June / 3} + hours(10), .reason = "setup"};
}

class PeopleTest : public testing::NewWorkspaceTest {
 protected:
  std::vector<std::string> Actions() {
    std::vector<std::string> actions;
    auto log = workspace_->AuditLog();
    EXPECT_TRUE(log.ok()) << log.status().ToString();
    if (!log.ok()) return actions;
    for (const AuditEntry& e : log.value()) actions.push_back(e.action);
    return actions;
  }
};

TEST_F(PeopleTest, OrganisationsAreUpsertedWithAParentThatExists) {
  ASSERT_TRUE(workspace_->PutOrganisation(By("admin"), {"RXX", "North Trust", "trust", ""}).ok());
  ASSERT_TRUE(
      workspace_->PutOrganisation(By("admin"), {"RXX01", "North ED", "service", "RXX"}).ok());
  // Renaming is an update of the same code.
  ASSERT_TRUE(
      workspace_->PutOrganisation(By("admin"), {"RXX", "North NHS Trust", "trust", ""}).ok());
  auto organisations = workspace_->Organisations();
  ASSERT_TRUE(organisations.ok()) << organisations.status().ToString();
  ASSERT_EQ(organisations->size(), 2u);
  EXPECT_EQ(organisations->at(0).code, "RXX");
  EXPECT_EQ(organisations->at(0).name, "North NHS Trust");
  EXPECT_EQ(organisations->at(1).parent, "RXX");
  EXPECT_EQ(Actions(),
            (std::vector<std::string>{"put_organisation", "put_organisation", "put_organisation"}));
  auto log = workspace_->AuditLog().value();
  EXPECT_EQ(log[2].subject, "organisation RXX");
  EXPECT_NE(log[2].before.find("name=North Trust"), std::string::npos);
  EXPECT_NE(log[2].after.find("name=North NHS Trust"), std::string::npos);
}

TEST_F(PeopleTest, AnUnknownKindOrParentIsRefused) {
  Status kind = workspace_->PutOrganisation(By("admin"), {"RXX", "North", "hospital", ""});
  EXPECT_EQ(kind.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(kind.message().find("'hospital'"), std::string::npos);
  Status parent = workspace_->PutOrganisation(By("admin"), {"RXX01", "ED", "service", "RZZ"});
  EXPECT_EQ(parent.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(parent.message().find("'RZZ'"), std::string::npos);
  EXPECT_TRUE(workspace_->Organisations()->empty());
  EXPECT_TRUE(Actions().empty());
}

TEST_F(PeopleTest, UsersAreUpsertedTheirOrganisationsReplacedAndRemoved) {
  ASSERT_TRUE(
      workspace_->PutUser(By("admin"), {"jsmith", "J. Smith", "editor", {"RYY", "RXX"}}).ok());
  ASSERT_TRUE(workspace_->PutUser(By("admin"), {"jsmith", "J. Smith", "approver", {"RZZ"}}).ok());
  ASSERT_TRUE(workspace_->PutUser(By("admin"), {"akhan", "A. Khan", "viewer", {}}).ok());
  auto users = workspace_->Users();
  ASSERT_TRUE(users.ok()) << users.status().ToString();
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ(users->at(0).name, "akhan");
  EXPECT_TRUE(users->at(0).organisations.empty());
  EXPECT_EQ(users->at(1).role, "approver");
  EXPECT_EQ(users->at(1).organisations, std::vector<std::string>{"RZZ"});

  Status role = workspace_->PutUser(By("admin"), {"x", "X", "owner", {}});
  EXPECT_EQ(role.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(role.message().find("'owner'"), std::string::npos);

  ASSERT_TRUE(workspace_->RemoveUser(By("admin"), "jsmith").ok());
  EXPECT_EQ(workspace_->RemoveUser(By("admin"), "jsmith").code(), StatusCode::kNotFound);
  ASSERT_EQ(workspace_->Users()->size(), 1u);
  EXPECT_EQ(Actions(),
            (std::vector<std::string>{"put_user", "put_user", "put_user", "remove_user"}));
  auto log = workspace_->AuditLog().value();
  EXPECT_EQ(log[1].before,
            "name=jsmith\ndisplay_name=J. Smith\nrole=editor\n"
            "organisations=RXX,RYY\n");
  EXPECT_TRUE(workspace_->VerifyAudit()->ok());
}

TEST_F(PeopleTest, ARoleChangeKeepsTheUsersNameAndOrganisations) {
  ASSERT_TRUE(
      workspace_->PutUser(By("admin"), {"jsmith", "J. Smith", "editor", {"RXX", "RYY"}}).ok());
  ASSERT_TRUE(workspace_->SetUserRole(By("admin"), "jsmith", "approver").ok());
  // The same role again changes nothing and records nothing.
  ASSERT_TRUE(workspace_->SetUserRole(By("admin"), "jsmith", "approver").ok());
  auto users = workspace_->Users().value();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].display_name, "J. Smith");
  EXPECT_EQ(users[0].role, "approver");
  EXPECT_EQ(users[0].organisations, (std::vector<std::string>{"RXX", "RYY"}));
  EXPECT_EQ(Actions(), (std::vector<std::string>{"put_user", "put_user"}));
  auto log = workspace_->AuditLog().value();
  EXPECT_EQ(log[1].after,
            "name=jsmith\ndisplay_name=J. Smith\nrole=approver\n"
            "organisations=RXX,RYY\n");

  EXPECT_EQ(workspace_->SetUserRole(By("admin"), "nobody", "viewer").code(), StatusCode::kNotFound);
  EXPECT_EQ(workspace_->SetUserRole(By("admin"), "jsmith", "owner").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(workspace_->Users()->at(0).role, "approver");
}

TEST_F(PeopleTest, AReadOnlyWorkspaceRefusesPeopleChanges) {
  workspace_.reset();
  auto opened = OpenWorkspace(path_, WorkspaceMode::kReadOnly);
  ASSERT_TRUE(opened.ok());
  Workspace& w = *opened.value();
  EXPECT_EQ(w.PutOrganisation(By("a"), {"RXX", "N", "trust", ""}).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(w.PutUser(By("a"), {"u", "U", "viewer", {}}).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(w.RemoveUser(By("a"), "u").code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(w.SetUserRole(By("a"), "u", "admin").code(), StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace kaizen
