// Governed decisions in the workspace: a proposal is pending until approved or rejected, only an
// approved one changes results, a catalogue's decisions are recorded once however often it is
// imported, every change leaves one audit entry, and commentary keeps its kind's rules.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "kaizen/spc.h"
#include "kaizen/workspace.h"
#include "test_support.h"
#include "workspace_test_support.h"

namespace kaizen {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

Date D(int y, int m, int d = 1) { return Date::FromCivil(y, m, d).value(); }

Change At(const std::string& user, int day, const std::string& reason = "") {
  using namespace std::chrono;
  return {.user = user,
          .at = sys_days{year{2024} / June / day} + hours(9) + minutes(12),
          .reason = reason};
}

Indicator Waits() {
  Indicator indicator;
  indicator.id = "waits";
  indicator.name = "Waiting times";
  indicator.chart = ChartType::kXmr;
  // No minimum number of points and no moving-range screening (docs/profiles.md), so a short
  // hand-made series gets limits computed from every one of its moving ranges.
  indicator.profile = "western-electric";
  return indicator;
}

class DecisionsTest : public testing::NewWorkspaceTest {
 protected:
  void SetUp() override {
    NewWorkspaceTest::SetUp();
    ASSERT_NE(workspace_, nullptr);
    auto defined = workspace_->DefineIndicator(At("alice", 1, "new indicator"), Waits());
    ASSERT_TRUE(defined.ok()) << defined.status().ToString();
  }

  Proposal RebaseOn(Date date, const std::string& reason = "new triage pathway") {
    Proposal p;
    p.kind = ProposalKind::kRebase;
    p.indicator_id = "waits";
    p.date = date;
    p.reason = reason;
    return p;
  }

  std::int64_t ProposeRebase(Date date) {
    auto id = workspace_->Propose(At("bob", 2, "why not"), RebaseOn(date));
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? id.value() : 0;
  }

  Indicator CurrentWaits() {
    auto catalogue = workspace_->CurrentCatalogue();
    EXPECT_TRUE(catalogue.ok()) << catalogue.status().ToString();
    const Indicator* found = catalogue.ok() ? catalogue->Find("waits") : nullptr;
    EXPECT_NE(found, nullptr);
    return found != nullptr ? *found : Indicator{};
  }
};

TEST_F(DecisionsTest, AProposalIsPendingWithWhoProposedItAndWhen) {
  const std::int64_t id = ProposeRebase(D(2024, 3));
  EXPECT_EQ(id, 1);
  auto pending = workspace_->Proposals(ProposalState::kPending);
  ASSERT_TRUE(pending.ok()) << pending.status().ToString();
  ASSERT_EQ(pending->size(), 1u);
  const Proposal& p = pending->front();
  EXPECT_EQ(p.kind, ProposalKind::kRebase);
  EXPECT_EQ(p.indicator_id, "waits");
  EXPECT_EQ(p.date, D(2024, 3));
  EXPECT_EQ(p.reason, "new triage pathway");
  EXPECT_EQ(p.proposed_by, "bob");
  EXPECT_EQ(p.proposed_at, "2024-06-02T09:12:00Z");
  EXPECT_EQ(p.state, ProposalState::kPending);
  EXPECT_TRUE(CurrentWaits().rebases.empty());  // pending changes nothing
}

TEST_F(DecisionsTest, ApprovingPutsTheRebaseInTheCatalogueWithTheApprover) {
  const std::int64_t id = ProposeRebase(D(2024, 3));
  ASSERT_TRUE(workspace_->Decide(At("carol", 3, "agreed at the May board"), id, true).ok());
  const Indicator waits = CurrentWaits();
  ASSERT_EQ(waits.rebases.size(), 1u);
  EXPECT_EQ(waits.rebases[0].date, D(2024, 3));
  EXPECT_EQ(waits.rebases[0].decision.decided_by, "carol");
  EXPECT_EQ(waits.rebases[0].decision.reason, "new triage pathway");
  EXPECT_EQ(waits.rebases[0].decision.decided_on, D(2024, 6, 3));
  EXPECT_TRUE(waits.rebases[0].organisations.Everyone());
  auto approved = workspace_->Proposals(ProposalState::kApproved);
  ASSERT_TRUE(approved.ok());
  ASSERT_EQ(approved->size(), 1u);
  EXPECT_EQ(approved->front().decided_by, "carol");
  EXPECT_EQ(approved->front().decided_at, "2024-06-03T09:12:00Z");
  EXPECT_EQ(approved->front().decision_comment, "agreed at the May board");
}

TEST_F(DecisionsTest, RejectingKeepsTheProposalWithItsCommentAndChangesNothing) {
  const std::int64_t id = ProposeRebase(D(2024, 3));
  ASSERT_TRUE(
      workspace_->Decide(At("carol", 3, "one bad month is not a new process"), id, false).ok());
  EXPECT_TRUE(CurrentWaits().rebases.empty());
  auto all = workspace_->Proposals(std::nullopt);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front().state, ProposalState::kRejected);
  EXPECT_EQ(all->front().decision_comment, "one bad month is not a new process");
  EXPECT_TRUE(workspace_->Proposals(ProposalState::kPending)->empty());
}

TEST_F(DecisionsTest, DecidingTwiceIsRefusedNamingTheFirstDecision) {
  const std::int64_t id = ProposeRebase(D(2024, 3));
  ASSERT_TRUE(workspace_->Decide(At("carol", 3, "yes"), id, true).ok());
  Status again = workspace_->Decide(At("dave", 4, "no"), id, false);
  EXPECT_EQ(again.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.message(), "proposal 1 was approved by carol on 2024-06-03T09:12:00Z");
  EXPECT_EQ(workspace_->Decide(At("dave", 4, "?"), 99, true).code(), StatusCode::kNotFound);
}

TEST_F(DecisionsTest, ProposalsAreValidated) {
  Proposal unknown = RebaseOn(D(2024, 3));
  unknown.indicator_id = "nope";
  auto refused = workspace_->Propose(At("bob", 2), unknown);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("'nope'"), std::string::npos);
  auto no_reason = workspace_->Propose(At("bob", 2), RebaseOn(D(2024, 3), ""));
  ASSERT_FALSE(no_reason.ok());
  EXPECT_NE(no_reason.status().message().find("reason"), std::string::npos);
  Proposal target = RebaseOn(Date());
  target.kind = ProposalKind::kTarget;
  target.target = 18;
  EXPECT_EQ(workspace_->Propose(At("bob", 2), target).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(workspace_->Proposals(std::nullopt)->empty());
}

// Twelve months: six around 11.3, then six around 21.3. Without the rebase the engine fits one
// segment to all twelve; with it the second segment has its own limits, worked out by hand
// (western-electric: ȳ ± 3·MR̄/1.128, docs/formulas.md, no screening):
//   values 20, 22, 21, 23, 22, 20: ȳ = 128/6 = 21.3333
//   moving ranges 2, 1, 2, 1, 2: MR̄ = 8/5 = 1.6; 3·1.6/1.128 = 4.25532
//   upper = 25.58865, lower = 17.07801
TEST_F(DecisionsTest, OnlyAnApprovedRebaseChangesTheLimits) {
  Series series;
  series.indicator_id = "waits";
  const double values[] = {10, 12, 11, 13, 12, 10, 20, 22, 21, 23, 22, 20};
  // 2023-07 .. 2023-12, then 2024-01 .. 2024-06.
  for (int i = 0; i < 12; ++i) {
    series.Add({.period = i < 6 ? D(2023, 7 + i) : D(2024, i - 5), .value = values[i]});
  }

  auto analyse = [&]() {
    auto result = AnalyseSeries(CurrentWaits(), series);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? result.value() : SeriesResult{};
  };
  ASSERT_EQ(analyse().segments.size(), 1u);
  const std::int64_t id = ProposeRebase(D(2024, 1));
  EXPECT_EQ(analyse().segments.size(), 1u);  // pending: no change
  ASSERT_TRUE(workspace_->Decide(At("carol", 3, "agreed"), id, true).ok());
  const SeriesResult after = analyse();
  ASSERT_EQ(after.segments.size(), 2u);
  const SegmentResult& second = after.segments[1];
  EXPECT_EQ(second.first, 6);
  EXPECT_NEAR(second.centre, 21.33333, 1e-4);
  EXPECT_NEAR(second.mr_bar, 1.6, 1e-9);
  EXPECT_NEAR(second.upper3, 25.58865, 1e-4);
  EXPECT_NEAR(second.lower3, 17.07801, 1e-4);
}

TEST_F(DecisionsTest, TargetsAreAStepFunctionAndANanTargetEndsOne) {
  Proposal first = RebaseOn(D(2024, 4));
  first.kind = ProposalKind::kTarget;
  first.target = 18;
  Proposal earlier = first;
  earlier.date = D(2023, 4);
  earlier.target = 20;
  Proposal ends = first;
  ends.date = D(2024, 9);
  ends.target = kMissing;
  for (const Proposal& p : {first, earlier, ends}) {
    auto id = workspace_->Propose(At("bob", 2), p);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    ASSERT_TRUE(workspace_->Decide(At("carol", 3, "ok"), id.value(), true).ok());
  }
  const Indicator waits = CurrentWaits();
  ASSERT_EQ(waits.targets.size(), 3u);
  EXPECT_EQ(waits.targets[0].from, D(2023, 4));  // sorted by date, not by decision
  EXPECT_EQ(waits.TargetAt(D(2023, 6))->value, 20.0);
  EXPECT_EQ(waits.TargetAt(D(2024, 5))->value, 18.0);
  EXPECT_FALSE(waits.TargetAt(D(2024, 10)).has_value());
}

TEST_F(DecisionsTest, ImportingACatalogueTwiceRecordsItsDecisionsOnce) {
  Catalogue catalogue;
  Indicator waits = Waits();
  // One target for two trusts: one row each. Rebase, ghost, baseline, annotation, narrative:
  // one row each. 2 + 5 = 7 rows.
  waits.targets.push_back({.from = D(2023, 4),
                           .value = 18,
                           .decision = {"national standard", "nhse", D(2023, 3, 15)},
                           .organisations = {.names = {"RXX", "RYY"}}});
  waits.rebases.push_back({D(2024, 1), {"new pathway", "", std::nullopt}, {}});
  waits.ghosts.push_back({D(2023, 12), {"", "", std::nullopt}, {}});
  waits.baseline.first_n = 12;
  waits.annotations.push_back({D(2024, 1), "pathway opened", {}});
  waits.narratives.push_back({D(2024, 2), "improving", "E. Owner", {}});
  catalogue.indicators.push_back(waits);
  const ImportFile file{"indicators.toml", std::string(64, 'a')};

  auto first = workspace_->Import(At("alice", 4, "catalogue"), file, &catalogue, {});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->decisions_recorded, 7);
  auto second = workspace_->Import(At("alice", 5, "catalogue"), file, &catalogue, {});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->decisions_recorded, 0);
  EXPECT_TRUE(second->changed_nothing());

  auto approved = workspace_->Proposals(ProposalState::kApproved);
  ASSERT_TRUE(approved.ok());
  EXPECT_EQ(approved->size(), 5u);  // 2 targets, rebase, ghost, baseline
  EXPECT_EQ(workspace_->Annotations("waits")->size(), 1u);
  auto comments = workspace_->Comments("waits");
  ASSERT_EQ(comments->size(), 1u);
  EXPECT_EQ(comments->front().kind, CommentKind::kOpinion);
  EXPECT_EQ(comments->front().author, "E. Owner");

  const Indicator current = CurrentWaits();
  ASSERT_EQ(current.targets.size(), 2u);
  EXPECT_EQ(current.targets[0].decision.decided_by, "nhse");
  EXPECT_EQ(current.targets[0].decision.decided_on, D(2023, 3, 15));
  EXPECT_EQ(current.ForOrganisation("RXX").TargetAt(D(2024, 1))->value, 18.0);
  EXPECT_FALSE(current.ForOrganisation("RZZ").TargetAt(D(2024, 1)).has_value());
  ASSERT_EQ(current.rebases.size(), 1u);
  // As the catalogue records them: none named, none dated, no reason (the importer is the
  // proposer and is in the audit log), so results equal the catalogue's own.
  EXPECT_EQ(current.rebases[0].decision.decided_by, "");
  EXPECT_EQ(approved->at(2).proposed_by, "alice");
  EXPECT_EQ(current.rebases[0].decision.reason, "new pathway");
  ASSERT_EQ(current.ghosts.size(), 1u);
  EXPECT_EQ(current.ghosts[0].decision.reason, "");
  EXPECT_EQ(approved->at(3).decision_comment, "from the indicator catalogue");
  EXPECT_EQ(current.baseline.first_n, 12);
  ASSERT_EQ(current.annotations.size(), 1u);
  EXPECT_EQ(current.annotations[0].text, "pathway opened");
  ASSERT_EQ(current.narratives.size(), 1u);
  EXPECT_EQ(current.narratives[0].author, "E. Owner");

  // One entry for the catalogue's decisions, one for the import, none for the second import.
  auto log = workspace_->AuditLog();
  ASSERT_TRUE(log.ok());
  int catalogue_entries = 0;
  for (const AuditEntry& e : log.value()) catalogue_entries += e.action == "catalogue_decisions";
  EXPECT_EQ(catalogue_entries, 1);
}

TEST_F(DecisionsTest, EveryChangeWritesOneAuditEntryAndTheChainHolds) {
  const std::int64_t id = ProposeRebase(D(2024, 3));
  ASSERT_TRUE(workspace_->Decide(At("carol", 3, "yes"), id, true).ok());
  const std::int64_t other = ProposeRebase(D(2024, 4));
  ASSERT_TRUE(workspace_->Decide(At("carol", 3, "no"), other, false).ok());
  ASSERT_TRUE(
      workspace_
          ->Annotate(At("bob", 4),
                     {.indicator_id = "waits", .date = D(2024, 3), .text = "new pathway opened"})
          .ok());
  ASSERT_TRUE(workspace_
                  ->AddComment(At("bob", 4), {.indicator_id = "waits",
                                              .period = D(2024, 3),
                                              .kind = CommentKind::kFact,
                                              .text = "12 beds closed",
                                              .source = "estates report"})
                  .ok());
  auto log = workspace_->AuditLog();
  ASSERT_TRUE(log.ok());
  std::vector<std::string> actions;
  for (const AuditEntry& e : log.value()) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"define_indicator", "propose", "approve", "propose",
                                               "reject", "annotate", "comment"}));
  EXPECT_EQ(log->at(2).subject, "proposal 1");
  EXPECT_NE(log->at(2).before.find("state=pending"), std::string::npos);
  EXPECT_NE(log->at(2).after.find("state=approved"), std::string::npos);
  EXPECT_NE(log->at(2).after.find("decided_by=carol"), std::string::npos);
  auto verdict = workspace_->VerifyAudit();
  ASSERT_TRUE(verdict.ok());
  EXPECT_TRUE(verdict->ok()) << verdict->problem;
  EXPECT_EQ(verdict->entries, 7);
}

TEST_F(DecisionsTest, CommentKindsKeepTheirRules) {
  Comment fact{.indicator_id = "waits",
               .period = D(2024, 3),
               .kind = CommentKind::kFact,
               .text = "12 beds closed"};
  auto no_source = workspace_->AddComment(At("bob", 4), fact);
  ASSERT_FALSE(no_source.ok());
  EXPECT_EQ(no_source.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(no_source.status().message().find("source"), std::string::npos);

  Comment opinion = fact;
  opinion.kind = CommentKind::kOpinion;
  opinion.text = "winter pressure";
  auto no_author = workspace_->AddComment(At("bob", 4), opinion);
  ASSERT_FALSE(no_author.ok());
  EXPECT_NE(no_author.status().message().find("author"), std::string::npos);

  opinion.author = "Dr Who";
  Comment assumption = fact;
  assumption.kind = CommentKind::kAssumption;
  assumption.text = "demand stays flat";
  fact.source = "estates report";
  for (const Comment& c : {fact, opinion, assumption}) {
    auto added = workspace_->AddComment(At("bob", 4), c);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }
  auto comments = workspace_->Comments("waits");
  ASSERT_TRUE(comments.ok());
  ASSERT_EQ(comments->size(), 3u);
  EXPECT_EQ(comments->at(0).source, "estates report");
  EXPECT_EQ(comments->at(1).author, "Dr Who");
  EXPECT_EQ(comments->at(2).kind, CommentKind::kAssumption);
  EXPECT_EQ(comments->at(2).created_by, "bob");
  // Only opinions are the indicator's narratives.
  const Indicator waits = CurrentWaits();
  ASSERT_EQ(waits.narratives.size(), 1u);
  EXPECT_EQ(waits.narratives[0].text, "winter pressure");
  auto unknown = workspace_->AddComment(
      At("bob", 4), {.indicator_id = "nope", .kind = CommentKind::kAssumption, .text = "x"});
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(DecisionsTest, AReadOnlyWorkspaceRefusesEveryChange) {
  const std::int64_t id = ProposeRebase(D(2024, 3));
  workspace_.reset();
  auto opened = OpenWorkspace(path_, WorkspaceMode::kReadOnly);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Workspace& w = *opened.value();
  const Change c = At("bob", 5, "try");
  EXPECT_EQ(w.Propose(c, RebaseOn(D(2024, 4))).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(w.Decide(c, id, true).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(w.Annotate(c, {.indicator_id = "waits", .text = "x"}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(
      w.AddComment(c, {.indicator_id = "waits", .kind = CommentKind::kAssumption, .text = "x"})
          .status()
          .code(),
      StatusCode::kPermissionDenied);
  EXPECT_EQ(w.Proposals(ProposalState::kPending)->size(), 1u);  // reading still works
}

}  // namespace
}  // namespace kaizen
