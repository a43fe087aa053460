// The workspace read as tables (kaizen/workspace_tables.h): what each export format writes.
#include "kaizen/workspace_tables.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kaizen/date.h"

namespace kaizen {
namespace {

using Row = std::vector<TableCell>;

TableCell Text(std::string text) { return {.text = std::move(text)}; }
TableCell Number(double number) { return {.number = number}; }

std::vector<TableColumn> Columns(std::initializer_list<std::pair<const char*, ColumnType>> list) {
  std::vector<TableColumn> columns;
  for (const auto& [name, type] : list) columns.push_back({name, type});
  return columns;
}

constexpr ColumnType kT = ColumnType::kText;
constexpr ColumnType kN = ColumnType::kNumber;

Status ReadObservations(Workspace* workspace, WorkspaceTable* table) {
  table->columns = Columns({{"indicator", kT},
                            {"organisation", kT},
                            {"period", kT},
                            {"value", kN},
                            {"numerator", kN},
                            {"denominator", kN}});
  return workspace->ForEachSeries([&](Series&& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      table->rows.push_back({Text(s.indicator_id), Text(s.organisation),
                             Text(FormatPeriod(s.periods[i], s.period_kind)), Number(s.values[i]),
                             Number(s.numerators[i]), Number(s.denominators[i])});
    }
    return Status::Ok();
  });
}

Status ReadHistory(Workspace* workspace, WorkspaceTable* table) {
  table->columns = Columns({{"indicator", kT},
                            {"organisation", kT},
                            {"period", kT},
                            {"revision", kN},
                            {"value", kN},
                            {"numerator", kN},
                            {"denominator", kN},
                            {"import_id", kN},
                            {"file_name", kT},
                            {"imported_by", kT},
                            {"imported_at", kT},
                            {"line", kN}});
  return workspace->ForEachRevision([&](const std::string& indicator,
                                        const std::string& organisation, PeriodKind kind,
                                        const PointRevision& r) {
    const Observation& o = r.observation;
    table->rows.push_back({Text(indicator), Text(organisation), Text(FormatPeriod(o.period, kind)),
                           Number(r.revision), Number(o.value), Number(o.numerator),
                           Number(o.denominator), Number(static_cast<double>(r.import.id)),
                           Text(r.import.file_name), Text(r.import.imported_by),
                           Text(r.import.imported_at),
                           // 0: a wide file's cell, whose line is not known.
                           Number(r.line > 0 ? r.line : kMissing)});
    return Status::Ok();
  });
}

// A proposal's cells; the target and baseline columns are empty for the kinds they are not.
Row ProposalRow(const Proposal& p) {
  const bool target = p.kind == ProposalKind::kTarget;
  const bool baseline = p.kind == ProposalKind::kBaseline;
  auto day = [](const std::optional<Date>& d) { return Text(d ? d->ToIso() : ""); };
  return {Number(static_cast<double>(p.id)),
          Text(std::string(ProposalKindName(p.kind))),
          Text(p.indicator_id),
          Text(p.organisation),
          Text(baseline ? "" : p.date.ToIso()),
          Number(target ? p.target : kMissing),
          Number(baseline && p.baseline.first_n > 0 ? p.baseline.first_n : kMissing),
          baseline ? day(p.baseline.from) : Text(""),
          baseline ? day(p.baseline.to) : Text(""),
          Text(p.reason),
          Text(p.proposed_by),
          Text(p.proposed_at),
          Text(std::string(ProposalStateName(p.state))),
          Text(p.decided_by),
          Text(p.decided_at),
          Text(p.decision_comment)};
}

Status ReadDecisions(Workspace* workspace, WorkspaceTable* table) {
  table->columns = Columns({{"id", kN},
                            {"kind", kT},
                            {"indicator", kT},
                            {"organisation", kT},
                            {"date", kT},
                            {"target", kN},
                            {"baseline_first_n", kN},
                            {"baseline_from", kT},
                            {"baseline_to", kT},
                            {"reason", kT},
                            {"proposed_by", kT},
                            {"proposed_at", kT},
                            {"state", kT},
                            {"decided_by", kT},
                            {"decided_at", kT},
                            {"decision_comment", kT}});
  auto proposals = workspace->Proposals(std::nullopt);
  if (!proposals.ok()) return proposals.status();
  for (const Proposal& p : proposals.value()) table->rows.push_back(ProposalRow(p));
  return Status::Ok();
}

Status ReadCommentary(Workspace* workspace, WorkspaceTable* table) {
  table->columns = Columns({{"id", kN},
                            {"indicator", kT},
                            {"organisation", kT},
                            {"period", kT},
                            {"kind", kT},
                            {"text", kT},
                            {"source", kT},
                            {"author", kT},
                            {"created_by", kT},
                            {"created_at", kT}});
  auto indicators = workspace->Indicators();
  if (!indicators.ok()) return indicators.status();
  std::vector<Comment> comments;
  for (const IndicatorVersion& indicator : indicators.value()) {
    auto some = workspace->Comments(indicator.definition.id);
    if (!some.ok()) return some.status();
    comments.insert(comments.end(), some->begin(), some->end());
  }
  // In the order they were written, as the log reads, whatever their indicator.
  std::sort(comments.begin(), comments.end(),
            [](const Comment& a, const Comment& b) { return a.id < b.id; });
  for (const Comment& c : comments) {
    table->rows.push_back({Number(static_cast<double>(c.id)), Text(c.indicator_id),
                           Text(c.organisation), Text(c.period.ToIso()),
                           Text(std::string(CommentKindName(c.kind))), Text(c.text), Text(c.source),
                           Text(c.author), Text(c.created_by), Text(c.created_at)});
  }
  return Status::Ok();
}

Status ReadAudit(Workspace* workspace, WorkspaceTable* table) {
  table->columns = Columns({{"seq", kN},
                            {"at", kT},
                            {"user", kT},
                            {"action", kT},
                            {"subject", kT},
                            {"before", kT},
                            {"after", kT},
                            {"hash", kT}});
  auto log = workspace->AuditLog();
  if (!log.ok()) return log.status();
  for (const AuditEntry& e : log.value()) {
    table->rows.push_back({Number(static_cast<double>(e.seq)), Text(e.at), Text(e.user),
                           Text(e.action), Text(e.subject), Text(e.before), Text(e.after),
                           Text(e.hash)});
  }
  return Status::Ok();
}

constexpr std::pair<WorkspaceTableKind, std::string_view> kNames[] = {
    {WorkspaceTableKind::kObservations, "observations"},
    {WorkspaceTableKind::kHistory, "history"},
    {WorkspaceTableKind::kDecisions, "decisions"},
    {WorkspaceTableKind::kCommentary, "commentary"},
    {WorkspaceTableKind::kAudit, "audit"},
};

}  // namespace

std::string_view WorkspaceTableName(WorkspaceTableKind kind) {
  for (const auto& [value, name] : kNames) {
    if (value == kind) return name;
  }
  return "observations";
}

Result<WorkspaceTableKind> ParseWorkspaceTableKind(std::string_view name) {
  for (const auto& [value, spelling] : kNames) {
    if (spelling == name) return value;
  }
  return Status::InvalidArgument("unknown table '" + std::string(name) +
                                 "' (expected observations, history, decisions, commentary "
                                 "or audit)");
}

std::vector<WorkspaceTableKind> AllWorkspaceTableKinds() {
  std::vector<WorkspaceTableKind> kinds;
  for (const auto& [value, name] : kNames) kinds.push_back(value);
  return kinds;
}

Result<WorkspaceTable> ReadWorkspaceTable(Workspace* workspace, WorkspaceTableKind kind) {
  WorkspaceTable table;
  table.name = std::string(WorkspaceTableName(kind));
  Status status;
  switch (kind) {
    case WorkspaceTableKind::kObservations:
      status = ReadObservations(workspace, &table);
      break;
    case WorkspaceTableKind::kHistory:
      status = ReadHistory(workspace, &table);
      break;
    case WorkspaceTableKind::kDecisions:
      status = ReadDecisions(workspace, &table);
      break;
    case WorkspaceTableKind::kCommentary:
      status = ReadCommentary(workspace, &table);
      break;
    case WorkspaceTableKind::kAudit:
      status = ReadAudit(workspace, &table);
      break;
  }
  if (!status.ok()) return status;
  return table;
}

}  // namespace kaizen
