// The workspace read as tables (kaizen/workspace_tables.h): what each export format writes.
#include "kaizen/workspace_tables.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kaizen/date.h"

namespace kaizen {
namespace {

TableCell Text(std::string text) { return {.text = std::move(text)}; }
TableCell Number(double number) { return {.number = number}; }

std::vector<TableColumn> Columns(std::initializer_list<std::pair<const char*, ColumnType>> list) {
  std::vector<TableColumn> columns;
  for (const auto& [name, type] : list) columns.push_back({name, type});
  return columns;
}

constexpr ColumnType kT = ColumnType::kText;
constexpr ColumnType kN = ColumnType::kNumber;

// Sets a row's cells in place, so streaming a table allocates nothing per row once the
// strings have grown to their longest.
void Set(TableCell* cell, const std::string& text) { cell->text.assign(text); }
void Set(TableCell* cell, double number) { cell->number = number; }

Status StreamObservations(Workspace* workspace, const TableRowCallback& on_row) {
  std::vector<TableCell> row(6);
  return workspace->ForEachSeries([&](Series&& s) {
    Set(&row[0], s.indicator_id);
    Set(&row[1], s.organisation);
    for (std::size_t i = 0; i < s.size(); ++i) {
      Set(&row[2], FormatPeriod(s.periods[i], s.period_kind));
      Set(&row[3], s.values[i]);
      Set(&row[4], s.numerators[i]);
      Set(&row[5], s.denominators[i]);
      if (Status status = on_row(row); !status.ok()) return status;
    }
    return Status::Ok();
  });
}

Status StreamHistory(Workspace* workspace, const TableRowCallback& on_row) {
  std::vector<TableCell> row(12);
  return workspace->ForEachRevision([&](const std::string& indicator,
                                        const std::string& organisation, PeriodKind kind,
                                        const PointRevision& r) {
    const Observation& o = r.observation;
    Set(&row[0], indicator);
    Set(&row[1], organisation);
    Set(&row[2], FormatPeriod(o.period, kind));
    Set(&row[3], r.revision);
    Set(&row[4], o.value);
    Set(&row[5], o.numerator);
    Set(&row[6], o.denominator);
    Set(&row[7], static_cast<double>(r.import.id));
    Set(&row[8], r.import.file_name);
    Set(&row[9], r.import.imported_by);
    Set(&row[10], r.import.imported_at);
    Set(&row[11], r.line > 0 ? r.line : kMissing);  // 0: the line is not known
    return on_row(row);
  });
}

// A proposal's cells; the target and baseline columns are empty for the kinds they are not.
std::vector<TableCell> ProposalRow(const Proposal& p) {
  const bool target = p.kind == ProposalKind::kTarget;
  const bool baseline = p.kind == ProposalKind::kBaseline;
  auto day = [](const std::optional<Date>& d) { return Text(d ? d->ToIso() : ""); };
  return {Number(static_cast<double>(p.id)),
          Text(std::string(ProposalKindName(p.kind))),
          Text(p.indicator_id),
          Text(p.organisation),
          Text(baseline ? "" : p.date.ToIso()),
          Number(target ? p.target : kMissing),
          Text(target ? p.set_by : ""),
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

Status StreamDecisions(Workspace* workspace, const TableRowCallback& on_row) {
  auto proposals = workspace->Proposals(std::nullopt);
  if (!proposals.ok()) return proposals.status();
  for (const Proposal& p : proposals.value()) {
    if (Status status = on_row(ProposalRow(p)); !status.ok()) return status;
  }
  return Status::Ok();
}

Status StreamCommentary(Workspace* workspace, const TableRowCallback& on_row) {
  // Every indicator's, in the order they were written, as the log reads.
  auto comments = workspace->Comments("");
  if (!comments.ok()) return comments.status();
  for (const Comment& c : comments.value()) {
    Status status =
        on_row({Number(static_cast<double>(c.id)), Text(c.indicator_id), Text(c.organisation),
                Text(c.period.ToIso()), Text(std::string(CommentKindName(c.kind))), Text(c.text),
                Text(c.source), Text(c.author), Text(c.created_by), Text(c.created_at)});
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status StreamAudit(Workspace* workspace, const TableRowCallback& on_row) {
  auto log = workspace->AuditLog();
  if (!log.ok()) return log.status();
  for (const AuditEntry& e : log.value()) {
    Status status =
        on_row({Number(static_cast<double>(e.seq)), Text(e.at), Text(e.user), Text(e.action),
                Text(e.subject), Text(e.before), Text(e.after), Text(e.hash)});
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// Every version of every indicator, oldest first per indicator: who changed it, when and why,
// then each field of the definition under DefinitionFields' names (the one list of them).
std::vector<TableColumn> IndicatorColumns() {
  std::vector<TableColumn> columns =
      Columns({{"version", kN}, {"changed_by", kT}, {"changed_at", kT}, {"reason", kT}});
  for (const auto& [name, value] : DefinitionFields(Indicator{})) columns.push_back({name, kT});
  return columns;
}

Status StreamIndicators(Workspace* workspace, const TableRowCallback& on_row) {
  auto current = workspace->Indicators();
  if (!current.ok()) return current.status();
  for (const IndicatorVersion& indicator : current.value()) {
    auto versions = workspace->IndicatorHistory(indicator.definition.id);
    if (!versions.ok()) return versions.status();
    for (const IndicatorVersion& v : versions.value()) {
      std::vector<TableCell> row = {Number(v.version), Text(v.changed_by), Text(v.changed_at),
                                    Text(v.reason)};
      for (auto& [name, value] : DefinitionFields(v.definition)) row.push_back(Text(value));
      if (Status status = on_row(row); !status.ok()) return status;
    }
  }
  return Status::Ok();
}

Status StreamAnnotations(Workspace* workspace, const TableRowCallback& on_row) {
  auto annotations = workspace->Annotations("");  // every indicator's, by id
  if (!annotations.ok()) return annotations.status();
  for (const WorkspaceAnnotation& a : annotations.value()) {
    Status status =
        on_row({Number(static_cast<double>(a.id)), Text(a.indicator_id), Text(a.organisation),
                Text(a.date.ToIso()), Text(a.text), Text(a.created_by), Text(a.created_at)});
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status StreamOrganisations(Workspace* workspace, const TableRowCallback& on_row) {
  auto organisations = workspace->Organisations();
  if (!organisations.ok()) return organisations.status();
  for (const Organisation& o : organisations.value()) {
    Status status = on_row({Text(o.code), Text(o.name), Text(o.kind), Text(o.parent)});
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// A user's organisations comma-separated, as `kaizen user add --orgs` takes them; "" : all.
std::string JoinedOrganisations(const std::vector<std::string>& organisations) {
  std::string joined;
  for (const std::string& o : organisations) joined += (joined.empty() ? "" : ",") + o;
  return joined;
}

Status StreamUsers(Workspace* workspace, const TableRowCallback& on_row) {
  auto users = workspace->Users();
  if (!users.ok()) return users.status();
  for (const User& u : users.value()) {
    Status status = on_row({Text(u.name), Text(u.display_name), Text(u.role),
                            Text(JoinedOrganisations(u.organisations))});
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// The packs' record, not their bytes (`kaizen packs open` writes those, checked).
Status StreamPacks(Workspace* workspace, const TableRowCallback& on_row) {
  auto packs = workspace->Packs();
  if (!packs.ok()) return packs.status();
  for (const FrozenPack& p : packs.value()) {
    Status status =
        on_row({Number(static_cast<double>(p.id)), Text(p.title), Text(p.frozen_by),
                Text(p.frozen_at), Text(p.sha256), Number(static_cast<double>(p.last_import_id)),
                Number(static_cast<double>(p.last_audit_seq))});
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// One row per table: its name (the JSON key, the sheet name, the --what value), its columns
// and how its rows are read. The order is the order `--what all` writes them.
struct TableSpec {
  WorkspaceTableKind kind;
  std::string_view name;
  std::vector<TableColumn> (*columns)();
  Status (*stream)(Workspace*, const TableRowCallback&);
};

const TableSpec kTables[] = {
    {WorkspaceTableKind::kObservations, "observations",
     [] {
       return Columns({{"indicator", kT},
                       {"organisation", kT},
                       {"period", kT},
                       {"value", kN},
                       {"numerator", kN},
                       {"denominator", kN}});
     },
     StreamObservations},
    {WorkspaceTableKind::kHistory, "history",
     [] {
       return Columns({{"indicator", kT},
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
     },
     StreamHistory},
    {WorkspaceTableKind::kDecisions, "decisions",
     [] {
       return Columns({{"id", kN},
                       {"kind", kT},
                       {"indicator", kT},
                       {"organisation", kT},
                       {"date", kT},
                       {"target", kN},
                       {"set_by", kT},
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
     },
     StreamDecisions},
    {WorkspaceTableKind::kCommentary, "commentary",
     [] {
       return Columns({{"id", kN},
                       {"indicator", kT},
                       {"organisation", kT},
                       {"period", kT},
                       {"kind", kT},
                       {"text", kT},
                       {"source", kT},
                       {"author", kT},
                       {"created_by", kT},
                       {"created_at", kT}});
     },
     StreamCommentary},
    {WorkspaceTableKind::kAudit, "audit",
     [] {
       return Columns({{"seq", kN},
                       {"at", kT},
                       {"user", kT},
                       {"action", kT},
                       {"subject", kT},
                       {"before", kT},
                       {"after", kT},
                       {"hash", kT}});
     },
     StreamAudit},
    {WorkspaceTableKind::kIndicators, "indicators", IndicatorColumns, StreamIndicators},
    {WorkspaceTableKind::kAnnotations, "annotations",
     [] {
       return Columns({{"id", kN},
                       {"indicator", kT},
                       {"organisation", kT},
                       {"date", kT},
                       {"text", kT},
                       {"created_by", kT},
                       {"created_at", kT}});
     },
     StreamAnnotations},
    {WorkspaceTableKind::kOrganisations, "organisations",
     [] {
       return Columns({{"code", kT}, {"name", kT}, {"kind", kT}, {"parent", kT}});
     },
     StreamOrganisations},
    {WorkspaceTableKind::kUsers, "users",
     [] {
       return Columns({{"name", kT}, {"display_name", kT}, {"role", kT}, {"organisations", kT}});
     },
     StreamUsers},
    {WorkspaceTableKind::kPacks, "packs",
     [] {
       return Columns({{"id", kN},
                       {"title", kT},
                       {"frozen_by", kT},
                       {"frozen_at", kT},
                       {"sha256", kT},
                       {"last_import_id", kN},
                       {"last_audit_seq", kN}});
     },
     StreamPacks},
};

const TableSpec& SpecOf(WorkspaceTableKind kind) {
  for (const TableSpec& spec : kTables) {
    if (spec.kind == kind) return spec;
  }
  return kTables[0];
}

}  // namespace

std::string_view WorkspaceTableName(WorkspaceTableKind kind) { return SpecOf(kind).name; }

std::string WorkspaceTableNameList() {
  std::string list;
  const std::size_t n = std::size(kTables);
  for (std::size_t i = 0; i < n; ++i) {
    list += i == 0 ? "" : (i + 1 == n ? " or " : ", ");
    list += kTables[i].name;
  }
  return list;
}

Result<WorkspaceTableKind> ParseWorkspaceTableKind(std::string_view name) {
  for (const TableSpec& spec : kTables) {
    if (spec.name == name) return spec.kind;
  }
  return Status::InvalidArgument("unknown table '" + std::string(name) + "' (expected " +
                                 WorkspaceTableNameList() + ")");
}

std::vector<WorkspaceTableKind> AllWorkspaceTableKinds() {
  std::vector<WorkspaceTableKind> kinds;
  for (const TableSpec& spec : kTables) kinds.push_back(spec.kind);
  return kinds;
}

std::vector<TableColumn> WorkspaceTableColumns(WorkspaceTableKind kind) {
  return SpecOf(kind).columns();
}

Status ForEachWorkspaceRow(Workspace* workspace, WorkspaceTableKind kind,
                           const TableRowCallback& on_row) {
  return SpecOf(kind).stream(workspace, on_row);
}

Result<WorkspaceTable> ReadWorkspaceTable(Workspace* workspace, WorkspaceTableKind kind) {
  WorkspaceTable table{.name = std::string(WorkspaceTableName(kind)),
                       .columns = WorkspaceTableColumns(kind)};
  Status status = ForEachWorkspaceRow(workspace, kind, [&](const std::vector<TableCell>& row) {
    table.rows.push_back(row);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return table;
}

}  // namespace kaizen
