// The workspace's decision commands end to end (issue 10, item 4): propose, approve, reject,
// pending, annotate and comment on a real workspace file, each change read back through the
// library, and each bad option a message naming it with exit code 2. The workspace is made
// through the C++ API (OpenWorkspace + DefineIndicator): the e2e binary links the library.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_harness.h"
#include "kaizen/workspace.h"
#include "test_support.h"

namespace kaizen {
namespace {

using json = nlohmann::json;

class WorkspaceDecisionsCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    db_ = dir_ + "/w.kaizen";
    auto created = OpenWorkspace(db_, WorkspaceMode::kCreate);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    Indicator waits;
    waits.id = "waits";
    waits.name = "Waiting times";
    auto defined = created.value()->DefineIndicator(
        {.user = "alice", .at = std::chrono::system_clock::now(), .reason = "setup"}, waits);
    ASSERT_TRUE(defined.ok()) << defined.status().ToString();
  }

  // The workspace as the library reads it, after the commands ran.
  std::unique_ptr<Workspace> Reopen() {
    auto opened = OpenWorkspace(db_, WorkspaceMode::kReadOnly);
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    return opened.ok() ? std::move(opened).value() : nullptr;
  }

  CliRun Run(const std::string& args) { return Kaizen(args + " --db '" + db_ + "'"); }

  std::string db_;
};

TEST_F(WorkspaceDecisionsCliTest, ProposeListApproveAndTheRebaseIsInForce) {
  CliRun r =
      Run("propose rebase --indicator waits --date 2024-03-01 --reason 'new pathway' "
          "--user bob");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "proposal 1: rebase of waits from 2024-03-01 (pending)\n");

  r = Run("pending");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("rebase of waits from 2024-03-01"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bob"), std::string::npos);
  EXPECT_NE(r.out.find("new pathway"), std::string::npos);

  r = Run("pending --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["schema_version"], 1);
  ASSERT_EQ(doc["proposals"].size(), 1u);
  const json& p = doc["proposals"][0];
  EXPECT_EQ(p["id"], 1);
  EXPECT_EQ(p["kind"], "rebase");
  EXPECT_EQ(p["indicator_id"], "waits");
  EXPECT_EQ(p["date"], "2024-03-01");
  EXPECT_EQ(p["state"], "pending");
  EXPECT_EQ(p["proposed_by"], "bob");
  EXPECT_TRUE(p["target"].is_null());

  // Pending: the engine's catalogue has no rebase yet.
  EXPECT_TRUE(Reopen()->CurrentCatalogue()->Find("waits")->rebases.empty());

  r = Run("approve 1 --reason 'agreed at the board' --user carol");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "proposal 1 approved by carol\n");
  r = Run("pending");
  EXPECT_EQ(r.out, "no pending proposals\n");

  auto catalogue = Reopen()->CurrentCatalogue();
  ASSERT_TRUE(catalogue.ok());
  const Indicator* waits = catalogue->Find("waits");
  ASSERT_EQ(waits->rebases.size(), 1u);
  EXPECT_EQ(waits->rebases[0].date.ToIso(), "2024-03-01");
  EXPECT_EQ(waits->rebases[0].decision.decided_by, "carol");

  r = Run("reject 1 --reason 'changed my mind' --user dave");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("proposal 1 was approved by carol on "), std::string::npos) << r.err;
  r = Run("approve 7 --reason x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no proposal 7"), std::string::npos) << r.err;
}

TEST_F(WorkspaceDecisionsCliTest, ARejectedProposalStaysOnRecordAndChangesNothing) {
  CliRun r =
      Run("propose ghost --indicator waits --org RXX --date 2024-02-01 "
          "--reason 'data outage' --user bob");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "proposal 1: ghost of waits for RXX at 2024-02-01 (pending)\n");
  r = Run("reject 1 --reason 'the data were fine' --user carol");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "proposal 1 rejected by carol\n");
  auto workspace = Reopen();
  EXPECT_TRUE(workspace->CurrentCatalogue()->Find("waits")->ghosts.empty());
  auto all = workspace->Proposals(std::nullopt);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front().state, ProposalState::kRejected);
  EXPECT_EQ(all->front().organisation, "RXX");
  EXPECT_EQ(all->front().decision_comment, "the data were fine");
}

TEST_F(WorkspaceDecisionsCliTest, TargetsAndBaselinesTakeTheirOwnOptions) {
  CliRun r = Run("propose target --indicator waits --date 2024-04-01 --value 18 --reason 'plan'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "proposal 1: target of waits from 2024-04-01: 18 (pending)\n");
  r = Run("propose baseline --indicator waits --first-n 12 --reason 'first year'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "proposal 2: baseline of waits: first 12 points (pending)\n");
  r = Run("propose baseline --indicator waits --from 2023-04-01 --to 2024-03-01 --reason y");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "proposal 3: baseline of waits: 2023-04-01 to 2024-03-01 (pending)\n");
  auto proposals = Reopen()->Proposals(ProposalState::kPending);
  ASSERT_EQ(proposals->size(), 3u);
  EXPECT_EQ(proposals->at(0).target, 18.0);
  EXPECT_EQ(proposals->at(1).baseline.first_n, 12);
  EXPECT_EQ(proposals->at(2).baseline.to->ToIso(), "2024-03-01");
}

TEST_F(WorkspaceDecisionsCliTest, BadOptionsAreNamedWithExitCode2AndRecordNothing) {
  const struct {
    std::string args, names;
  } cases[] = {
      {"propose target --indicator waits --date 2024-04-01 --reason r", "--value"},
      {"propose target --indicator waits --date 2024-04-01 --value lots --reason r", "--value"},
      {"propose rebase --indicator waits --date 2024-13-01 --reason r", "--date"},
      {"propose rebase --indicator waits --reason r", "--date"},
      {"propose rebase --indicator waits --date 2024-03-01 --value 3 --reason r", "--value"},
      {"propose baseline --indicator waits --reason r", "--first-n"},
      {"propose rebase --indicator waits --date 2024-03-01", "--reason"},
      {"propose split --indicator waits --date 2024-03-01 --reason r", "KIND"},
      {"propose rebase --indicator nope --date 2024-03-01 --reason r", "'nope'"},
      {"approve 1", "--reason"},
      {"approve one --reason r", "ID"},
      {"annotate --indicator waits --date 2024-03 --text t", "--date"},
      {"comment --indicator waits --period 2024-03-01 --kind gossip --text t", "--kind"},
      {"comment --indicator waits --period 2024-03-01 --kind fact --text t", "--source"},
      {"pending --format xml", "--format"},
  };
  for (const auto& c : cases) {
    const CliRun r = Run(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.names), std::string::npos) << c.args << "\n" << r.err;
  }
  auto workspace = Reopen();
  EXPECT_TRUE(workspace->Proposals(std::nullopt)->empty());
  EXPECT_TRUE(workspace->Comments("waits")->empty());
  EXPECT_TRUE(workspace->Annotations("waits")->empty());
}

TEST_F(WorkspaceDecisionsCliTest, AnnotationsAndCommentsAreRecordedWithTheirKinds) {
  CliRun r = Run("annotate --indicator waits --date 2024-03-01 --text 'pathway opened' --user bob");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "annotation 1: waits on 2024-03-01\n");
  r =
      Run("comment --indicator waits --org RXX --period 2024-03-01 --kind fact "
          "--text '12 beds closed' --source 'estates report' --user bob");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "comment 1: waits for RXX on 2024-03-01\n");
  r =
      Run("comment --indicator waits --period 2024-03-01 --kind opinion "
          "--text 'winter pressure' --user bob");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r =
      Run("comment --indicator waits --period 2024-03-01 --kind decision "
          "--text 'open ward 7' --author 'Dr Lee' --user bob");
  ASSERT_EQ(r.exit_code, 0) << r.err;

  auto workspace = Reopen();
  auto annotations = workspace->Annotations("waits");
  ASSERT_EQ(annotations->size(), 1u);
  EXPECT_EQ(annotations->front().text, "pathway opened");
  EXPECT_EQ(annotations->front().created_by, "bob");
  auto comments = workspace->Comments("waits");
  ASSERT_EQ(comments->size(), 3u);
  EXPECT_EQ(comments->at(0).kind, CommentKind::kFact);
  EXPECT_EQ(comments->at(0).source, "estates report");
  EXPECT_EQ(comments->at(0).organisation, "RXX");
  EXPECT_EQ(comments->at(1).author, "bob");  // an opinion is the acting user's by default
  EXPECT_EQ(comments->at(2).kind, CommentKind::kDecision);
  EXPECT_EQ(comments->at(2).author, "Dr Lee");
  // Each change left one audit entry after the definition's, and the chain holds.
  auto log = workspace->AuditLog();
  ASSERT_EQ(log->size(), 5u);
  EXPECT_EQ(log->at(1).action, "annotate");
  EXPECT_EQ(log->at(2).action, "comment");
  EXPECT_TRUE(workspace->VerifyAudit()->ok());
}

// Another process holds the write lock (the sqlite3 shell, inside BEGIN IMMEDIATE) for longer
// than the 5 s busy timeout: the change waits, then fails with exit 4 and records nothing.
TEST_F(WorkspaceDecisionsCliTest, AChangeWhileAnotherWriterHoldsTheWorkspaceExits4) {
  if (std::system("command -v sqlite3 >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "needs the sqlite3 shell to hold the lock";
  }
  const CliRun r =
      Shell("(printf 'BEGIN IMMEDIATE;\\n.shell sleep 7\\nROLLBACK;\\n' | sqlite3 '" + db_ +
            "') &\n"
            "sleep 1\n"
            "\"$KAIZEN\" propose rebase --indicator waits --date 2024-03-01 "
            "--reason r --db '" +
            db_ +
            "'\n"
            "code=$?\n"
            "wait\n"
            "exit $code\n");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find(db_), std::string::npos) << r.err;
  EXPECT_TRUE(Reopen()->Proposals(std::nullopt)->empty());
}

TEST_F(WorkspaceDecisionsCliTest, AMissingWorkspaceIsAClearFailure) {
  const CliRun r = Kaizen("pending --db '" + dir_ + "/none.kaizen'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("none.kaizen: no such workspace file"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kaizen
