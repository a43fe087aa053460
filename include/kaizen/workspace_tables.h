// The workspace as tables, for `kaizen export --db W`: its observations (each point at its
// latest revision), the history of every revision, the decisions, the commentary, the audit
// log, every version of every indicator's definition, the annotations, the organisations, the
// users and the frozen packs' record, each a table of typed columns, and the writers that turn
// tables into CSV (RFC 4180), a JSON document (docs/api.md, "Workspace export") or an .xlsx
// workbook (one sheet per table).
//
// ReadWorkspaceTable reads through the Workspace interface and returns the store's failure;
// the writers are pure functions of their tables, thread-safe, and never throw.
#ifndef KAIZEN_WORKSPACE_TABLES_H_
#define KAIZEN_WORKSPACE_TABLES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kaizen/model.h"
#include "kaizen/status.h"
#include "kaizen/workspace.h"

namespace kaizen {

enum class WorkspaceTableKind {
  kObservations,
  kHistory,
  kDecisions,
  kCommentary,
  kAudit,
  kIndicators,
  kAnnotations,
  kOrganisations,
  kUsers,
  kPacks
};

// "observations", "history", "decisions", "commentary", "audit", "indicators", "annotations",
// "organisations", "users", "packs": the table's name in every format (the JSON key, the sheet
// name, the --what value).
std::string_view WorkspaceTableName(WorkspaceTableKind kind);
// Every table's name in order, for help and messages: "observations, history, ... or packs".
std::string WorkspaceTableNameList();
// InvalidArgument naming the expected names for an unknown one.
Result<WorkspaceTableKind> ParseWorkspaceTableKind(std::string_view name);
// Every kind, in the order `--what all` writes them.
std::vector<WorkspaceTableKind> AllWorkspaceTableKinds();

// A column holds text or numbers; a number cell that is NaN is empty (CSV), null (JSON) or a
// blank cell (.xlsx). Periods and times are text, written as the data or the workspace wrote
// them, so a spreadsheet never turns "2024-W05" into a date of its own choosing.
enum class ColumnType { kText, kNumber };

struct TableColumn {
  std::string name;
  ColumnType type = ColumnType::kText;
};

// One cell: `text` for a text column, `number` for a number column (the other is unused).
struct TableCell {
  std::string text;
  double number = kMissing;
};

struct WorkspaceTable {
  std::string name;
  std::vector<TableColumn> columns;
  std::vector<std::vector<TableCell>> rows;  // each row has one cell per column
};

// Reads one table of the workspace:
//  - observations: indicator, organisation, period, value, numerator, denominator (one row per
//    point at its latest revision; the columns `kaizen import` reads back);
//  - history: the same keys with revision, value, numerator, denominator, import_id,
//    file_name, imported_by, imported_at and line, one row per revision;
//  - decisions: every proposal with its state and who decided it, when and why;
//  - commentary: every comment of every indicator, by id;
//  - audit: the audit log, by seq;
//  - indicators: every version of every definition (version, changed_by, changed_at, reason,
//    then each DefinitionFields field), by indicator then version;
//  - annotations: every annotation of every indicator, by id;
//  - organisations (code, name, kind, parent) and users (name, display_name, role, their
//    organisations comma-separated; no secret is ever stored here);
//  - packs: each frozen pack's id, title, who froze it and when, sha256 and high-water marks
//    (not its bytes: `kaizen packs open` writes those).
// Returns the workspace's failure (IOError, Busy, Corruption).
Result<WorkspaceTable> ReadWorkspaceTable(Workspace* workspace, WorkspaceTableKind kind);

// The same a row at a time, for exports larger than memory: the table's columns, then
// `on_row` called with each row in order (one cell per column; the vector is reused, valid only
// during the call). The observations and history stream from the store; the others are read
// whole first (they are the size of a log, not of the data). Stops at the callback's first
// error and returns it; otherwise the workspace's failure, or Ok.
std::vector<TableColumn> WorkspaceTableColumns(WorkspaceTableKind kind);
using TableRowCallback = std::function<Status(const std::vector<TableCell>& row)>;
Status ForEachWorkspaceRow(Workspace* workspace, WorkspaceTableKind kind,
                           const TableRowCallback& on_row);

// The header row and one line per row, CRLF-free ("\n"), fields quoted by RFC 4180 when they
// hold a comma, a quote or a line break; numbers in their shortest round-trip form.
std::string WorkspaceTableToCsv(const WorkspaceTable& table);
// The same in pieces, for streaming: the header line, then each row's line appended.
std::string CsvHeaderLine(const std::vector<TableColumn>& columns);
void AppendCsvLine(const std::vector<TableColumn>& columns, const std::vector<TableCell>& row,
                   std::string* out);

// {"schema_version":1,"<name>":[{"<column>":value,...},...],...}: one array per table, in the
// order given, each row an object keyed by column name on a line of its own, with a final
// newline.
std::string WorkspaceTablesToJson(const std::vector<WorkspaceTable>& tables);

// The same document in pieces, for streaming: Head(), then per table BeginTable(), AppendRow()
// per row and EndTable(), then Tail().
class WorkspaceJsonWriter {
 public:
  static std::string Head();
  void BeginTable(std::string_view name, std::string* out);
  void AppendRow(const std::vector<TableColumn>& columns, const std::vector<TableCell>& row,
                 std::string* out);
  static void EndTable(std::string* out);
  static std::string Tail();

 private:
  bool first_row_ = true;
};

// The bytes of an .xlsx workbook: one sheet per table, named after it, with a bold header row,
// number columns as numbers and text as text. A text longer than a cell may hold (32,767
// characters) is cut there with a note saying so. ResourceExhausted when a table has more rows
// than a sheet holds (1,048,575 after the header); IOError when the temporary workbook cannot
// be written or read back.
Result<std::string> WorkspaceTablesToXlsx(const std::vector<WorkspaceTable>& tables);

}  // namespace kaizen

#endif  // KAIZEN_WORKSPACE_TABLES_H_
