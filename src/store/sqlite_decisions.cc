// Governed decisions (proposals that are pending until approved or rejected), annotations and
// commentary, and the bridge between them and a catalogue: a catalogue's decisions are recorded
// as approved proposals on import, and every approved one is attached to the indicators the
// engine reads (CurrentCatalogue). Only an approved proposal changes any result.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "kaizen/number_format.h"
#include "store/sqlite_workspace.h"

namespace kaizen::store {
namespace {

// ---- text for messages and the audit log ----------------------------------------------------

std::string FormatNumber(double x) { return std::isnan(x) ? "none" : FormatShortest(x); }

std::string DescribeBaseline(const Baseline& b) {
  if (b.first_n > 0) return "first " + std::to_string(b.first_n) + " points";
  if (b.from || b.to) {
    return (b.from ? b.from->ToIso() : "start") + " to " + (b.to ? b.to->ToIso() : "end");
  }
  return "all points";
}

// A proposal as one `key=value` line per field, for its audit entries.
std::string ProposalAuditText(const Proposal& p) {
  std::string text = "kind=" + std::string(ProposalKindName(p.kind)) +
                     "\nindicator=" + p.indicator_id + "\norganisation=" + p.organisation +
                     "\ndate=" + p.date.ToIso();
  if (p.kind == ProposalKind::kTarget) text += "\ntarget=" + FormatNumber(p.target);
  if (p.kind == ProposalKind::kBaseline) text += "\nbaseline=" + DescribeBaseline(p.baseline);
  text += "\nreason=" + p.reason + "\nstate=" + std::string(ProposalStateName(p.state));
  if (p.state != ProposalState::kPending) {
    text += "\ndecided_by=" + p.decided_by + "\ndecided_at=" + p.decided_at +
            "\ndecision_comment=" + p.decision_comment;
  }
  return text + "\n";
}

// "2024-06-03T00:00:00Z": a catalogue decision's date as the time it was decided.
std::string DayAsChangeTime(Date day) { return day.ToIso() + "T00:00:00Z"; }

// The date part of a stored time, as a Decision's decided_on (nullopt when unreadable).
std::optional<Date> DayOf(const std::string& time) {
  auto day = Date::ParseIso(time.substr(0, 10));
  if (!day.ok()) return std::nullopt;
  return day.value();
}

// ---- validation ---------------------------------------------------------------------------

Result<bool> IndicatorDefined(const Db& db, const std::string& id) {
  auto select = Statement::Prepare(db, "SELECT 1 FROM indicators WHERE id = ?");
  if (!select.ok()) return select.status();
  select->Bind(1, id);
  return select->Step();
}

// InvalidArgument naming the indicator when the workspace does not define it.
Status CheckIndicator(const Db& db, const std::string& id) {
  if (id.empty()) return Status::InvalidArgument("no indicator given");
  auto defined = IndicatorDefined(db, id);
  if (!defined.ok()) return defined.status();
  if (!defined.value()) {
    return Status::InvalidArgument(db.path + ": no indicator '" + id + "' in the workspace");
  }
  return Status::Ok();
}

Status CheckProposal(const Proposal& p) {
  if (p.reason.empty()) return Status::InvalidArgument("a proposal needs a reason");
  if (p.kind == ProposalKind::kTarget && p.date == Date()) {
    return Status::InvalidArgument("a target proposal needs the date it takes effect from");
  }
  if (p.kind == ProposalKind::kBaseline) {
    // The model keeps one baseline per indicator, for every organisation.
    if (!p.organisation.empty()) {
      return Status::InvalidArgument(
          "a baseline applies to every organisation: give no organisation");
    }
    if (p.baseline.first_n < 0) {
      return Status::InvalidArgument("a baseline's first_n must be positive");
    }
    if (p.baseline.first_n > 0 && (p.baseline.from || p.baseline.to)) {
      return Status::InvalidArgument("a baseline is either its first N points or a date range");
    }
    if (p.baseline.from && p.baseline.to && *p.baseline.to < *p.baseline.from) {
      return Status::InvalidArgument("a baseline's range ends (" + p.baseline.to->ToIso() +
                                     ") before it starts (" + p.baseline.from->ToIso() + ")");
    }
  }
  return Status::Ok();
}

Status CheckComment(const Comment& c) {
  if (c.text.empty()) return Status::InvalidArgument("a comment needs its text");
  if (c.kind == CommentKind::kFact && c.source.empty()) {
    return Status::InvalidArgument("a fact needs its source (where the fact comes from)");
  }
  if (c.kind == CommentKind::kOpinion && c.author.empty()) {
    return Status::InvalidArgument("an opinion needs its author (whose view it is)");
  }
  return Status::Ok();
}

// ---- rows -----------------------------------------------------------------------------------

void BindOptionalDay(Statement* statement, int index, const std::optional<Date>& day) {
  if (day) {
    statement->Bind(index, std::int64_t{day->days_since_epoch()});
  } else {
    statement->BindNull(index);
  }
}

// Inserts a proposal as it is (state and decision included); returns its id.
Result<std::int64_t> InsertProposal(const Db& db, const Proposal& p) {
  auto insert = Statement::Prepare(
      db,
      "INSERT INTO proposals (kind, indicator_id, organisation, period, target, "
      "baseline_first_n, baseline_from, baseline_to, reason, proposed_by, proposed_at, state, "
      "decided_by, decided_at, decision_comment, set_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, ProposalKindName(p.kind)).Bind(2, p.indicator_id).Bind(3, p.organisation);
  insert->Bind(4, std::int64_t{p.date.days_since_epoch()});
  insert->Bind(5, p.kind == ProposalKind::kTarget ? p.target : kMissing);
  if (p.kind == ProposalKind::kBaseline && p.baseline.first_n > 0) {
    insert->Bind(6, std::int64_t{p.baseline.first_n});
  } else {
    insert->BindNull(6);
  }
  BindOptionalDay(&insert.value(), 7,
                  p.kind == ProposalKind::kBaseline ? p.baseline.from : std::nullopt);
  BindOptionalDay(&insert.value(), 8,
                  p.kind == ProposalKind::kBaseline ? p.baseline.to : std::nullopt);
  insert->Bind(9, p.reason).Bind(10, p.proposed_by).Bind(11, p.proposed_at);
  insert->Bind(12, ProposalStateName(p.state)).BindTextOrNull(13, p.decided_by);
  insert->BindTextOrNull(14, p.decided_at).BindTextOrNull(15, p.decision_comment);
  insert->Bind(16, p.kind == ProposalKind::kTarget ? p.set_by : "");
  auto row = insert->Step();
  if (!row.ok()) return row.status();
  return insert->Int(0);
}

constexpr const char* kSelectProposals =
    "SELECT id, kind, indicator_id, organisation, period, target, baseline_first_n, "
    "baseline_from, baseline_to, reason, proposed_by, proposed_at, state, decided_by, "
    "decided_at, decision_comment, set_by FROM proposals ";

std::optional<Date> OptionalDay(const Statement& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return Date(static_cast<int32_t>(row.Int(column)));
}

// A proposal from a kSelectProposals row. Names the workspace wrote itself parse; a bad one
// means the file was edited outside kaizen: Corruption.
Result<Proposal> ReadProposal(const Db& db, const Statement& row) {
  auto kind = ParseProposalKind(row.Text(1));
  auto state = ParseProposalState(row.Text(12));
  if (!kind.ok() || !state.ok()) {
    return Status::Corruption(db.path + ": proposal " + std::to_string(row.Int(0)) +
                              " has an unknown kind or state");
  }
  Proposal p;
  p.id = row.Int(0);
  p.kind = kind.value();
  p.indicator_id = row.Text(2);
  p.organisation = row.Text(3);
  p.date = Date(static_cast<int32_t>(row.Int(4)));
  p.target = row.Real(5);
  p.baseline.first_n = row.IsNull(6) ? 0 : static_cast<int>(row.Int(6));
  p.baseline.from = OptionalDay(row, 7);
  p.baseline.to = OptionalDay(row, 8);
  p.reason = row.Text(9);
  p.proposed_by = row.Text(10);
  p.proposed_at = row.Text(11);
  p.state = state.value();
  p.decided_by = row.Text(13);
  p.decided_at = row.Text(14);
  p.decision_comment = row.Text(15);
  p.set_by = row.Text(16);
  return p;
}

Result<std::vector<Proposal>> ReadProposals(const Db& db, const std::string& where,
                                            const std::string& bound) {
  auto select = Statement::Prepare(db, std::string(kSelectProposals) + where);
  if (!select.ok()) return select.status();
  if (!bound.empty()) select->Bind(1, bound);
  std::vector<Proposal> proposals;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    auto proposal = ReadProposal(db, select.value());
    if (!proposal.ok()) return proposal.status();
    proposals.push_back(std::move(proposal).value());
  }
  return proposals;
}

Result<std::int64_t> InsertAnnotation(const Db& db, const WorkspaceAnnotation& a) {
  auto insert = Statement::Prepare(
      db,
      "INSERT INTO annotations (indicator_id, organisation, period, text, created_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, a.indicator_id).Bind(2, a.organisation);
  insert->Bind(3, std::int64_t{a.date.days_since_epoch()}).Bind(4, a.text);
  insert->Bind(5, a.created_by).Bind(6, a.created_at);
  auto row = insert->Step();
  if (!row.ok()) return row.status();
  return insert->Int(0);
}

Result<std::int64_t> InsertComment(const Db& db, const Comment& c) {
  auto insert = Statement::Prepare(
      db,
      "INSERT INTO commentary (indicator_id, organisation, period, kind, text, source, author, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, c.indicator_id).Bind(2, c.organisation);
  insert->Bind(3, std::int64_t{c.period.days_since_epoch()}).Bind(4, CommentKindName(c.kind));
  insert->Bind(5, c.text).Bind(6, c.source).Bind(7, c.author).Bind(8, c.created_by);
  insert->Bind(9, c.created_at);
  auto row = insert->Step();
  if (!row.ok()) return row.status();
  return insert->Int(0);
}

std::string DescribeAnnotation(const WorkspaceAnnotation& a) {
  return "indicator=" + a.indicator_id + "\norganisation=" + a.organisation +
         "\ndate=" + a.date.ToIso() + "\ntext=" + a.text + "\n";
}

std::string DescribeComment(const Comment& c) {
  return "indicator=" + c.indicator_id + "\norganisation=" + c.organisation +
         "\nperiod=" + c.period.ToIso() + "\nkind=" + std::string(CommentKindName(c.kind)) +
         "\ntext=" + c.text + "\nsource=" + c.source + "\nauthor=" + c.author + "\n";
}

// An indicator id as a WHERE clause: every row when empty.
std::string ForIndicator(const std::string& id) {
  return id.empty() ? "ORDER BY id" : "WHERE indicator_id = ? ORDER BY id";
}

// ---- the catalogue's decisions --------------------------------------------------------------

// Whether an approved proposal equal to `p` in what it decides is recorded already.
Result<bool> ApprovedExists(const Db& db, const Proposal& p) {
  auto select = Statement::Prepare(
      db,
      "SELECT 1 FROM proposals WHERE kind = ? AND indicator_id = ? AND organisation = ? AND "
      "period = ? AND target IS ? AND baseline_first_n IS ? AND baseline_from IS ? AND "
      "baseline_to IS ? AND state = 'approved'");
  if (!select.ok()) return select.status();
  select->Bind(1, ProposalKindName(p.kind)).Bind(2, p.indicator_id).Bind(3, p.organisation);
  select->Bind(4, std::int64_t{p.date.days_since_epoch()});
  select->Bind(5, p.kind == ProposalKind::kTarget ? p.target : kMissing);
  if (p.kind == ProposalKind::kBaseline && p.baseline.first_n > 0) {
    select->Bind(6, std::int64_t{p.baseline.first_n});
  } else {
    select->BindNull(6);
  }
  BindOptionalDay(&select.value(), 7, p.baseline.from);
  BindOptionalDay(&select.value(), 8, p.baseline.to);
  return select->Step();
}

Result<bool> AnnotationExists(const Db& db, const WorkspaceAnnotation& a) {
  auto select = Statement::Prepare(db,
                                   "SELECT 1 FROM annotations WHERE indicator_id = ? AND "
                                   "organisation = ? AND period = ? AND text = ?");
  if (!select.ok()) return select.status();
  select->Bind(1, a.indicator_id).Bind(2, a.organisation);
  select->Bind(3, std::int64_t{a.date.days_since_epoch()}).Bind(4, a.text);
  return select->Step();
}

// Whether a comment of the same kind, point, text and author (an opinion) or source (a fact)
// is recorded already.
Result<bool> CommentExists(const Db& db, const Comment& c) {
  auto select = Statement::Prepare(
      db,
      "SELECT 1 FROM commentary WHERE indicator_id = ? AND organisation = ? AND period = ? AND "
      "kind = ? AND text = ? AND author = ? AND source = ?");
  if (!select.ok()) return select.status();
  select->Bind(1, c.indicator_id).Bind(2, c.organisation);
  select->Bind(3, std::int64_t{c.period.days_since_epoch()}).Bind(4, CommentKindName(c.kind));
  select->Bind(5, c.text).Bind(6, c.author).Bind(7, c.source);
  return select->Step();
}

// The organisations of a scope as rows: one per name, or one "" row for everyone.
std::vector<std::string> ScopeRows(const OrganisationScope& scope) {
  if (scope.Everyone()) return {""};
  return scope.names;
}

// Writes the catalogue's decisions, annotations and narratives that are new, counting them and
// listing them for the audit entry.
class CatalogueRecorder {
 public:
  CatalogueRecorder(const Db& db, const Change& change)
      : db_(db), change_(change), time_(FormatChangeTime(change.at)) {}

  // One approved proposal per organisation of `scope`.
  Status Decision(Proposal p, const kaizen::Decision& d, const OrganisationScope& scope) {
    // The decision as the catalogue records it (who and when may be blank there), so the
    // workspace's results equal the catalogue's; who imported it is the proposer, and the
    // audit log's.
    p.reason = d.reason;
    p.proposed_by = change_.user;
    p.proposed_at = time_;
    p.state = ProposalState::kApproved;
    p.decided_by = d.decided_by;
    p.decided_at = d.decided_on ? DayAsChangeTime(*d.decided_on) : "";
    p.decision_comment = "from the indicator catalogue";
    for (const std::string& org : ScopeRows(scope)) {
      p.organisation = org;
      auto exists = ApprovedExists(db_, p);
      if (!exists.ok()) return exists.status();
      if (exists.value()) continue;
      auto id = InsertProposal(db_, p);
      if (!id.ok()) return id.status();
      Note("proposal " + std::to_string(id.value()) + ": " + std::string(ProposalKindName(p.kind)) +
           " of " + p.indicator_id + (org.empty() ? "" : " for " + org) + " from " +
           p.date.ToIso());
    }
    return Status::Ok();
  }

  Status AnnotationOf(const std::string& indicator_id, const Annotation& a) {
    for (const std::string& org : ScopeRows(a.organisations)) {
      const WorkspaceAnnotation row{.indicator_id = indicator_id,
                                    .organisation = org,
                                    .date = a.date,
                                    .text = a.text,
                                    .created_by = change_.user,
                                    .created_at = time_};
      auto exists = AnnotationExists(db_, row);
      if (!exists.ok()) return exists.status();
      if (exists.value()) continue;
      auto id = InsertAnnotation(db_, row);
      if (!id.ok()) return id.status();
      Note("annotation " + std::to_string(id.value()) + " of " + indicator_id + " on " +
           a.date.ToIso());
    }
    return Status::Ok();
  }

  Status NarrativeOf(const std::string& indicator_id, const Narrative& n) {
    for (const std::string& org : ScopeRows(n.organisations)) {
      const Comment row{.indicator_id = indicator_id,
                        .organisation = org,
                        .period = n.period,
                        .kind = CommentKind::kOpinion,
                        .text = n.text,
                        .author = n.author.empty() ? change_.user : n.author,
                        .created_by = change_.user,
                        .created_at = time_};
      auto exists = CommentExists(db_, row);
      if (!exists.ok()) return exists.status();
      if (exists.value()) continue;
      auto id = InsertComment(db_, row);
      if (!id.ok()) return id.status();
      Note("comment " + std::to_string(id.value()) + " (opinion) on " + indicator_id + " for " +
           n.period.ToIso());
    }
    return Status::Ok();
  }

  std::int64_t count() const { return count_; }
  const std::string& summary() const { return summary_; }

 private:
  void Note(const std::string& line) {
    ++count_;
    summary_ += line + "\n";
  }

  const Db& db_;
  const Change& change_;
  const std::string time_;
  std::int64_t count_ = 0;
  std::string summary_;
};

Status RecordIndicator(CatalogueRecorder* recorder, const Indicator& indicator) {
  Proposal p;
  p.indicator_id = indicator.id;
  for (const TargetStep& step : indicator.targets) {
    p.kind = ProposalKind::kTarget;
    p.date = step.from;
    p.target = step.value;
    p.set_by = step.set_by;
    if (Status s = recorder->Decision(p, step.decision, step.organisations); !s.ok()) return s;
  }
  p.target = kMissing;
  for (const Rebase& rebase : indicator.rebases) {
    p.kind = ProposalKind::kRebase;
    p.date = rebase.date;
    if (Status s = recorder->Decision(p, rebase.decision, rebase.organisations); !s.ok()) {
      return s;
    }
  }
  for (const Ghost& ghost : indicator.ghosts) {
    p.kind = ProposalKind::kGhost;
    p.date = ghost.date;
    if (Status s = recorder->Decision(p, ghost.decision, ghost.organisations); !s.ok()) return s;
  }
  const Baseline& b = indicator.baseline;
  if (b.first_n > 0 || b.from || b.to) {
    p.kind = ProposalKind::kBaseline;
    p.date = b.from.value_or(Date());
    p.baseline = b;
    if (Status s = recorder->Decision(p, {}, {}); !s.ok()) return s;
  }
  for (const Annotation& a : indicator.annotations) {
    if (Status s = recorder->AnnotationOf(indicator.id, a); !s.ok()) return s;
  }
  for (const Narrative& n : indicator.narratives) {
    if (Status s = recorder->NarrativeOf(indicator.id, n); !s.ok()) return s;
  }
  return Status::Ok();
}

// ---- attaching what was decided to the catalogue ---------------------------------------------

OrganisationScope ScopeOf(const std::string& organisation) {
  OrganisationScope scope;
  if (!organisation.empty()) scope.names = {organisation};
  return scope;
}

}  // namespace
}  // namespace kaizen::store

namespace kaizen {

// Baselines come in decision order, so the last one applied (the latest decided) is in force.
void ApplyProposal(const Proposal& p, Indicator* indicator) {
  using store::DayOf;
  using store::ScopeOf;
  const kaizen::Decision decision{
      .reason = p.reason, .decided_by = p.decided_by, .decided_on = DayOf(p.decided_at)};
  switch (p.kind) {
    case ProposalKind::kRebase:
      indicator->rebases.push_back({p.date, decision, ScopeOf(p.organisation)});
      break;
    case ProposalKind::kGhost:
      indicator->ghosts.push_back({p.date, decision, ScopeOf(p.organisation)});
      break;
    case ProposalKind::kTarget:
      indicator->targets.push_back({.from = p.date,
                                    .value = p.target,
                                    .set_by = p.set_by,
                                    .decision = decision,
                                    .organisations = ScopeOf(p.organisation)});
      break;
    case ProposalKind::kBaseline:
      indicator->baseline = p.baseline;
      break;
  }
}

}  // namespace kaizen

namespace kaizen::store {

// ---- proposals --------------------------------------------------------------------------------

Result<std::int64_t> SqliteWorkspace::Propose(const Change& change, const Proposal& proposal) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  if (Status status = CheckProposal(proposal); !status.ok()) return status;
  Transaction transaction(db_);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  if (Status status = CheckIndicator(db_, proposal.indicator_id); !status.ok()) return status;
  Proposal pending = proposal;
  pending.proposed_by = change.user;
  pending.proposed_at = FormatChangeTime(change.at);
  pending.state = ProposalState::kPending;
  pending.decided_by = pending.decided_at = pending.decision_comment = "";
  auto id = InsertProposal(db_, pending);
  if (!id.ok()) return id.status();
  Status audited = AppendAudit(db_, change,
                               {.action = "propose",
                                .subject = "proposal " + std::to_string(id.value()),
                                .before = "",
                                .after = ProposalAuditText(pending)});
  if (!audited.ok()) return audited;
  if (Status status = transaction.Commit(); !status.ok()) return status;
  return id.value();
}

Status SqliteWorkspace::Decide(const Change& change, std::int64_t proposal_id, bool approve) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  Transaction transaction(db_);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  auto select = Statement::Prepare(db_, std::string(kSelectProposals) + "WHERE id = ?");
  if (!select.ok()) return select.status();
  select->Bind(1, proposal_id);
  auto row = select->Step();
  if (!row.ok()) return row.status();
  const std::string subject = "proposal " + std::to_string(proposal_id);
  if (!row.value()) return Status::NotFound(db_.path + ": no " + subject);
  auto before = ReadProposal(db_, select.value());
  if (!before.ok()) return before.status();
  if (before->state != ProposalState::kPending) {
    return Status::FailedPrecondition(subject + " was " +
                                      std::string(ProposalStateName(before->state)) + " by " +
                                      before->decided_by + " on " + before->decided_at);
  }
  Proposal after = before.value();
  after.state = approve ? ProposalState::kApproved : ProposalState::kRejected;
  after.decided_by = change.user;
  after.decided_at = FormatChangeTime(change.at);
  after.decision_comment = change.reason;
  auto update = Statement::Prepare(
      db_,
      "UPDATE proposals SET state = ?, decided_by = ?, decided_at = ?, decision_comment = ? "
      "WHERE id = ?");
  if (!update.ok()) return update.status();
  update->Bind(1, ProposalStateName(after.state)).Bind(2, after.decided_by);
  update->Bind(3, after.decided_at).BindTextOrNull(4, after.decision_comment);
  update->Bind(5, proposal_id);
  if (Status status = update->Run(); !status.ok()) return status;
  Status audited = AppendAudit(db_, change,
                               {.action = approve ? "approve" : "reject",
                                .subject = subject,
                                .before = ProposalAuditText(before.value()),
                                .after = ProposalAuditText(after)});
  if (!audited.ok()) return audited;
  return transaction.Commit();
}

Result<std::vector<Proposal>> SqliteWorkspace::Proposals(std::optional<ProposalState> state) {
  if (!state) return ReadProposals(db_, "ORDER BY id", "");
  return ReadProposals(db_, "WHERE state = ? ORDER BY id", std::string(ProposalStateName(*state)));
}

// ---- annotations and commentary ---------------------------------------------------------------

Result<std::int64_t> SqliteWorkspace::Annotate(const Change& change,
                                               const WorkspaceAnnotation& annotation) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  if (annotation.text.empty()) return Status::InvalidArgument("an annotation needs its text");
  Transaction transaction(db_);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  if (Status status = CheckIndicator(db_, annotation.indicator_id); !status.ok()) return status;
  WorkspaceAnnotation row = annotation;
  row.created_by = change.user;
  row.created_at = FormatChangeTime(change.at);
  auto id = InsertAnnotation(db_, row);
  if (!id.ok()) return id.status();
  Status audited = AppendAudit(db_, change,
                               {.action = "annotate",
                                .subject = "annotation " + std::to_string(id.value()),
                                .before = "",
                                .after = DescribeAnnotation(row)});
  if (!audited.ok()) return audited;
  if (Status status = transaction.Commit(); !status.ok()) return status;
  return id.value();
}

Result<std::vector<WorkspaceAnnotation>> SqliteWorkspace::Annotations(
    const std::string& indicator_id) {
  auto select = Statement::Prepare(
      db_,
      "SELECT id, indicator_id, organisation, period, text, created_by, created_at "
      "FROM annotations " +
          ForIndicator(indicator_id));
  if (!select.ok()) return select.status();
  if (!indicator_id.empty()) select->Bind(1, indicator_id);
  std::vector<WorkspaceAnnotation> annotations;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    annotations.push_back({.id = select->Int(0),
                           .indicator_id = select->Text(1),
                           .organisation = select->Text(2),
                           .date = Date(static_cast<int32_t>(select->Int(3))),
                           .text = select->Text(4),
                           .created_by = select->Text(5),
                           .created_at = select->Text(6)});
  }
  return annotations;
}

Result<std::int64_t> SqliteWorkspace::AddComment(const Change& change, const Comment& comment) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  if (Status status = CheckComment(comment); !status.ok()) return status;
  Transaction transaction(db_);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  if (Status status = CheckIndicator(db_, comment.indicator_id); !status.ok()) return status;
  Comment row = comment;
  row.created_by = change.user;
  row.created_at = FormatChangeTime(change.at);
  auto id = InsertComment(db_, row);
  if (!id.ok()) return id.status();
  Status audited = AppendAudit(db_, change,
                               {.action = "comment",
                                .subject = "comment " + std::to_string(id.value()),
                                .before = "",
                                .after = DescribeComment(row)});
  if (!audited.ok()) return audited;
  if (Status status = transaction.Commit(); !status.ok()) return status;
  return id.value();
}

Result<std::vector<Comment>> SqliteWorkspace::Comments(const std::string& indicator_id) {
  auto select = Statement::Prepare(
      db_,
      "SELECT id, indicator_id, organisation, period, kind, text, source, author, created_by, "
      "created_at FROM commentary " +
          ForIndicator(indicator_id));
  if (!select.ok()) return select.status();
  if (!indicator_id.empty()) select->Bind(1, indicator_id);
  std::vector<Comment> comments;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    auto kind = ParseCommentKind(select->Text(4));
    if (!kind.ok()) {
      return Status::Corruption(db_.path + ": comment " + std::to_string(select->Int(0)) +
                                " has an unknown kind");
    }
    comments.push_back({.id = select->Int(0),
                        .indicator_id = select->Text(1),
                        .organisation = select->Text(2),
                        .period = Date(static_cast<int32_t>(select->Int(3))),
                        .kind = kind.value(),
                        .text = select->Text(5),
                        .source = select->Text(6),
                        .author = select->Text(7),
                        .created_by = select->Text(8),
                        .created_at = select->Text(9)});
  }
  return comments;
}

// ---- the catalogue's decisions ----------------------------------------------------------------

Result<std::int64_t> SqliteWorkspace::RecordCatalogueDecisions(const Change& change,
                                                               const Catalogue& catalogue) {
  CatalogueRecorder recorder(db_, change);
  for (const Indicator& indicator : catalogue.indicators) {
    if (Status status = RecordIndicator(&recorder, indicator); !status.ok()) return status;
  }
  if (recorder.count() == 0) return std::int64_t{0};
  Status audited = AppendAudit(
      db_, change,
      {.action = "catalogue_decisions",
       .subject = std::to_string(recorder.count()) + " decision(s), annotation(s) and narrative(s)",
       .before = "",
       .after = recorder.summary()});
  if (!audited.ok()) return audited;
  return recorder.count();
}

Result<std::int64_t> SqliteWorkspace::RecordDataComments(const Change& change,
                                                         const ImportFile& file) {
  std::int64_t recorded = 0;
  std::string summary;
  for (const DataComment& comment : file.comments) {
    const Comment row{.indicator_id = comment.indicator_id,
                      .organisation = comment.organisation,
                      .period = comment.period,
                      .kind = CommentKind::kFact,
                      .text = comment.text,
                      .source = file.name,
                      .created_by = change.user,
                      .created_at = FormatChangeTime(change.at)};
    auto exists = CommentExists(db_, row);
    if (!exists.ok()) return exists.status();
    if (exists.value()) continue;
    auto id = InsertComment(db_, row);
    if (!id.ok()) return id.status();
    ++recorded;
    summary += "comment " + std::to_string(id.value()) + " (fact) on " + row.indicator_id + " " +
               row.organisation + " " + row.period.ToIso() + ": " + row.text + "\n";
  }
  if (recorded == 0) return recorded;
  Status audited = AppendAudit(db_, change,
                               {.action = "data_comments",
                                .subject = std::to_string(recorded) + " comment(s) of " + file.name,
                                .after = summary});
  if (!audited.ok()) return audited;
  return recorded;
}

Status SqliteWorkspace::AttachDecisions(Catalogue* catalogue) {
  std::map<std::string, Indicator*> by_id;
  for (Indicator& indicator : catalogue->indicators) by_id[indicator.id] = &indicator;
  // Decision order, so that the latest approved baseline is attached last.
  auto approved = ReadProposals(db_, "WHERE state = ? ORDER BY decided_at, id", "approved");
  if (!approved.ok()) return approved.status();
  for (const Proposal& p : approved.value()) {
    if (auto found = by_id.find(p.indicator_id); found != by_id.end()) {
      ApplyProposal(p, found->second);
    }
  }
  auto annotations = Annotations("");
  if (!annotations.ok()) return annotations.status();
  for (const WorkspaceAnnotation& a : annotations.value()) {
    if (auto found = by_id.find(a.indicator_id); found != by_id.end()) {
      found->second->annotations.push_back({a.date, a.text, ScopeOf(a.organisation)});
    }
  }
  auto comments = Comments("");
  if (!comments.ok()) return comments.status();
  for (const Comment& c : comments.value()) {
    if (c.kind != CommentKind::kOpinion) continue;
    if (auto found = by_id.find(c.indicator_id); found != by_id.end()) {
      found->second->narratives.push_back({c.period, c.text, c.author, ScopeOf(c.organisation)});
    }
  }
  // Targets are a step function of date (Indicator::TargetAt reads them in order); a stable
  // sort keeps steps of one date in decision order.
  for (Indicator& indicator : catalogue->indicators) {
    std::stable_sort(indicator.targets.begin(), indicator.targets.end(),
                     [](const TargetStep& a, const TargetStep& b) { return a.from < b.from; });
  }
  return Status::Ok();
}

}  // namespace kaizen::store
